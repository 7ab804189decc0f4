package io.litj.protocol.chain;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.Text;
import io.litj.protocol.crypto.Bytes;
import io.litj.protocol.crypto.Hashes;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A contract function: its name and the types of its arguments and return values. The call data of
 * {@code eth_call} is the 4-byte {@link #selector()} ({@code keccak256} of the {@link #signature()}) followed by
 * the arguments in {@link AbiCodec} encoding; the answer is the return values in that encoding.
 *
 * <p>Immutable; the contract classes of this package ({@link StakingContract}) declare theirs as constants.
 *
 * @param name the Solidity name, an identifier
 * @param inputs the argument types, in order
 * @param outputs the return value types, in order
 */
public record AbiFunction(String name, List<AbiType> inputs, List<AbiType> outputs) {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");
    private static final int SELECTOR_BYTES = 4;

    public AbiFunction {
        Objects.requireNonNull(name, "name");
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new LitProtocolException(LitErrorCode.InvalidArgument,
                    "a function name must be an identifier but is '" + Text.cut(name) + "'");
        }
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    /**
     * A function from its name and its argument and return types written as tuples, e.g.
     * {@code of("capacity", "(uint256)", "((uint256,uint256))")}.
     *
     * @throws LitProtocolException {@code InvalidArgument} if a type list is not a tuple type
     */
    public static AbiFunction of(String name, String inputs, String outputs) {
        return new AbiFunction(name, components(inputs), components(outputs));
    }

    private static List<AbiType> components(String tuple) {
        if (tuple.equals("()")) {
            return List.of();
        }
        if (AbiType.parse(tuple) instanceof AbiType.Tuple t) {
            return t.components();
        }
        throw new LitProtocolException(LitErrorCode.InvalidArgument, "a type list must be a tuple but is "
                + Text.cut(tuple));
    }

    /** {@code name(type1,type2)} with canonical types: the text the selector hashes. */
    public String signature() {
        return inputs.stream().map(AbiType::canonical).collect(Collectors.joining(",", name + "(", ")"));
    }

    /** The first four bytes of {@code keccak256(signature())}. */
    public Bytes selector() {
        return Bytes.of(Arrays.copyOf(Hashes.keccak256(signature()), SELECTOR_BYTES));
    }

    /**
     * The call data for {@code args}: selector and encoded arguments.
     *
     * @throws LitProtocolException {@code InvalidArgument} if an argument does not fit its type
     */
    public Bytes encodeCall(List<AbiValue> args) {
        byte[] encoded = AbiCodec.encode(inputs, args).toByteArray();
        byte[] call = Arrays.copyOf(selector().toByteArray(), SELECTOR_BYTES + encoded.length);
        System.arraycopy(encoded, 0, call, SELECTOR_BYTES, encoded.length);
        return Bytes.of(call);
    }

    /** Whether {@code callData} ({@code 0x} + hex, either case) starts with this function's selector. */
    public boolean isCalledBy(String callData) {
        return callData.toLowerCase(Locale.ROOT).startsWith(selector().hex0x());
    }

    /**
     * The arguments of {@code callData}.
     *
     * @throws LitProtocolException {@code NodeParserError} if it does not start with the selector or the
     *         arguments are malformed
     */
    public List<AbiValue> decodeCall(Bytes callData) {
        byte[] data = callData.toByteArray();
        Bytes selector = selector();
        if (data.length < SELECTOR_BYTES || !Bytes.of(Arrays.copyOf(data, SELECTOR_BYTES)).equals(selector)) {
            throw new LitProtocolException(LitErrorCode.NodeParserError, "call data does not start with the selector "
                    + selector.hex0x() + " of " + signature());
        }
        return AbiCodec.decode(inputs, Bytes.of(Arrays.copyOfRange(data, SELECTOR_BYTES, data.length)));
    }

    /**
     * The return data for {@code values}.
     *
     * @throws LitProtocolException {@code InvalidArgument} if a value does not fit its type
     */
    public Bytes encodeResult(List<AbiValue> values) {
        return AbiCodec.encode(outputs, values);
    }

    /**
     * The return values in {@code returnData}.
     *
     * @throws LitProtocolException {@code NodeParserError} if they are malformed
     */
    public List<AbiValue> decodeResult(Bytes returnData) {
        return AbiCodec.decode(outputs, returnData);
    }
}
