package io.litj.node.acc;

import io.litj.node.LitNodeException;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.Text;
import io.litj.protocol.chain.AbiFunction;
import io.litj.protocol.chain.AbiType;
import io.litj.protocol.chain.AbiValue;
import io.litj.protocol.crypto.Bytes;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.json.JsonValue;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An {@code eth_call} of a view function with the protocol module's ABI codec, and the conversions around it:
 * condition parameters (text) to ABI arguments, ABI results to {@link Observed} text. Arguments may be
 * {@code uintN}, {@code address}, {@code bool}, {@code bytesN}, {@code bytes} or {@code string}
 * ({@code NodeBadInput} for text that does not fit its type, {@code NodeConditionNotSupported} for other types);
 * any result the codec decodes is accepted, and a result it refuses is {@code NodeAccessControlConditionsCheckFailed}.
 */
final class ContractCall {
    private ContractCall() {
    }

    static List<AbiValue> call(ChainRpc rpc, String chain, String contract, AbiFunction function,
            List<AbiValue> args) {
        EthAddress to = address(contract, "contractAddress");
        Bytes data;
        try {
            data = function.encodeCall(args);
        } catch (LitProtocolException e) {
            throw new LitNodeException(LitErrorCode.NodeBadInput, function.name() + " arguments: " + e.getMessage());
        }
        JsonValue tx = JsonValue.object().put("to", to.toLowerHex()).put("data", data.hex0x()).build();
        JsonValue answer = rpc.call(chain, "eth_call", List.of(tx, new JsonValue.JsonString("latest")));
        if (!(answer instanceof JsonValue.JsonString hex) || !hex.value().startsWith("0x")) {
            throw HttpChainRpc.failed(chain, "eth_call", "the answer is not hex data", null);
        }
        try {
            return function.decodeResult(Bytes.fromHex(hex.value().substring(2), "eth_call result"));
        } catch (LitProtocolException e) {
            throw HttpChainRpc.failed(chain, "eth_call", function.name() + " result: " + e.getMessage(), e);
        }
    }

    static List<AbiValue> arguments(List<AbiType> types, List<String> params) {
        List<AbiValue> out = new ArrayList<>(types.size());
        for (int i = 0; i < types.size(); i++) {
            out.add(argument(types.get(i), params.get(i), "parameter " + i));
        }
        return out;
    }

    private static AbiValue argument(AbiType type, String text, String what) {
        try {
            return switch (type) {
                case AbiType.Uint u -> new AbiValue.Uint(Comparison.integer(text).filter(v -> v.signum() >= 0)
                        .orElseThrow(() -> bad(what, "an unsigned integer", text)));
                case AbiType.Address a -> new AbiValue.Address(address(text, what));
                case AbiType.Bool b -> switch (text) {
                    case "true" -> new AbiValue.Bool(true);
                    case "false" -> new AbiValue.Bool(false);
                    default -> throw bad(what, "true or false", text);
                };
                case AbiType.FixedBytes f -> new AbiValue.FixedBytes(hex(text, what));
                case AbiType.DynamicBytes d -> new AbiValue.DynamicBytes(hex(text, what));
                case AbiType.Str s -> new AbiValue.Str(text);
                case AbiType.Array a -> throw unsupported(type);
                case AbiType.Tuple t -> throw unsupported(type);
            };
        } catch (LitProtocolException e) {
            throw new LitNodeException(LitErrorCode.NodeBadInput, what + ": " + e.getMessage());
        }
    }

    /** The result as text: numbers decimal, addresses and bytes 0x hex; arrays element by element. */
    static Observed observed(AbiValue value) {
        if (value instanceof AbiValue.Array a) {
            List<String> items = new ArrayList<>();
            for (AbiValue item : a.items()) {
                items.add(text(item));
            }
            return Observed.list(items);
        }
        return Observed.single(text(value));
    }

    private static String text(AbiValue value) {
        return switch (value) {
            case AbiValue.Uint u -> u.value().toString();
            case AbiValue.Address a -> a.value().toLowerHex();
            case AbiValue.Bool b -> Boolean.toString(b.value());
            case AbiValue.FixedBytes f -> f.value().hex0x();
            case AbiValue.DynamicBytes d -> d.value().hex0x();
            case AbiValue.Str s -> s.value();
            case AbiValue.Array a -> throw new LitNodeException(LitErrorCode.NodeConditionNotSupported,
                    "a nested array result cannot be compared");
            case AbiValue.Tuple t -> throw new LitNodeException(LitErrorCode.NodeConditionNotSupported,
                    "a tuple result cannot be compared");
        };
    }

    static EthAddress address(String text, String what) {
        try {
            return EthAddress.parse(text, what);
        } catch (LitProtocolException e) {
            throw new LitNodeException(LitErrorCode.NodeBadInput, what + " must be an address but is '"
                    + Text.cut(text) + "'");
        }
    }

    /** A JSON-RPC hex quantity ({@code 0x…}). */
    static BigInteger quantity(JsonValue value, String chain, String method) {
        Optional<BigInteger> n = value instanceof JsonValue.JsonString s && s.value().startsWith("0x")
                ? Comparison.integer(s.value()) : Optional.empty();
        return n.orElseThrow(() -> HttpChainRpc.failed(chain, method, "the answer is not a hex quantity", null));
    }

    private static Bytes hex(String text, String what) {
        if (!text.startsWith("0x")) {
            throw bad(what, "0x hex", text);
        }
        return Bytes.fromHex(text.substring(2), what);
    }

    static LitNodeException unsupported(AbiType type) {
        return new LitNodeException(LitErrorCode.NodeConditionNotSupported, "ABI type " + Text.cut(type.canonical())
                + " is not supported in condition parameters");
    }

    private static LitNodeException bad(String what, String expected, String text) {
        return new LitNodeException(LitErrorCode.NodeBadInput, what + " must be " + expected + " but is '"
                + Text.cut(text) + "'");
    }
}
