package io.litj.protocol.chain;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.Text;
import io.litj.protocol.crypto.Bytes;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;

/**
 * The Solidity contract ABI encoding (Solidity docs, "Contract ABI Specification", "Formal Specification of the
 * Encoding") of a list of values, as function arguments and return values are encoded: 32-byte big-endian words,
 * integers and addresses right-aligned, {@code bytesN} left-aligned, dynamic values in the tail behind an offset
 * counted from the start of their enclosing tuple. Stateless and thread-safe; no I/O.
 *
 * <p>{@link #encode} checks every value against its type. {@link #decode} is strict and bounded, for bytes that
 * come from an RPC endpoint nobody vouches for: every offset and length is checked against the data before it
 * is followed, narrow integers, addresses and booleans must have zero padding, {@code bytes}/{@code string}
 * padding must be zero, strings must be UTF-8, the input is at most {@value #MAX_DATA_BYTES} bytes, and an
 * encoding whose offsets make the decoder read more than {@value #MAX_INFLATION} times the input (values that
 * share tails) is refused, so decoding allocates at most a few times the input. Bytes after the last value are
 * ignored, as Solidity and ethers ignore them.
 */
public final class AbiCodec {
    /** Bytes per ABI word. */
    public static final int WORD = 32;
    /** Largest input {@link #decode} accepts. */
    public static final int MAX_DATA_BYTES = 4 << 20;
    /** How many times its size the decoder may read of an input (for offsets pointing into shared tails). */
    public static final int MAX_INFLATION = 4;

    private AbiCodec() {
    }

    /**
     * Encodes {@code values} as the tuple {@code types} (what a call's arguments or a function's return value is).
     *
     * @throws LitProtocolException {@code InvalidArgument} if the counts differ or a value does not fit its type,
     *         naming its position ({@code #2[0].3}: third value, first element, fourth component)
     */
    public static Bytes encode(List<AbiType> types, List<AbiValue> values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        tuple(types, values, "", false, out);
        return Bytes.of(out.toByteArray());
    }

    /**
     * Decodes {@code data} as the tuple {@code types}.
     *
     * @throws LitProtocolException {@code NodeParserError} naming the position and what is malformed
     */
    public static List<AbiValue> decode(List<AbiType> types, Bytes data) {
        if (data.size() > MAX_DATA_BYTES) {
            throw new LitProtocolException(LitErrorCode.NodeParserError, "ABI data is " + data.size()
                    + " bytes, at most " + MAX_DATA_BYTES + " accepted");
        }
        return AbiReader.decode(List.copyOf(types), data.toByteArray());
    }

    private static void tuple(List<AbiType> types, List<AbiValue> values, String path, boolean array,
                              ByteArrayOutputStream out) {
        if (types.size() != values.size()) {
            throw invalid(path.isEmpty() ? "list" : path, "holds " + values.size() + " values for " + types.size()
                    + " types");
        }
        int headSize = types.stream().mapToInt(AbiType::headSize).sum();
        ByteArrayOutputStream tail = new ByteArrayOutputStream();
        for (int i = 0; i < types.size(); i++) {
            AbiType type = types.get(i);
            String at = child(path, array, i);
            if (type.isDynamic()) {
                word(out, BigInteger.valueOf((long) headSize + tail.size()));
                value(type, values.get(i), at, tail);
            } else {
                value(type, values.get(i), at, out);
            }
        }
        out.writeBytes(tail.toByteArray());
    }

    private static void value(AbiType type, AbiValue value, String path, ByteArrayOutputStream out) {
        switch (type) {
            case AbiType.Uint u -> {
                BigInteger n = expect(value, AbiValue.Uint.class, type, path).value();
                if (n.bitLength() > u.bits()) {
                    throw invalid(path, "does not fit " + u.canonical() + ": " + shown(n));
                }
                word(out, n);
            }
            case AbiType.Address a -> {
                byte[] word = new byte[WORD];
                byte[] address = expect(value, AbiValue.Address.class, type, path).value().toByteArray();
                System.arraycopy(address, 0, word, WORD - address.length, address.length);
                out.writeBytes(word);
            }
            case AbiType.Bool b -> word(out, expect(value, AbiValue.Bool.class, type, path).value()
                    ? BigInteger.ONE : BigInteger.ZERO);
            case AbiType.FixedBytes f -> {
                Bytes bytes = expect(value, AbiValue.FixedBytes.class, type, path).value();
                if (bytes.size() != f.size()) {
                    throw invalid(path, "holds " + bytes.size() + " bytes for " + f.canonical());
                }
                padded(out, bytes.toByteArray());
            }
            case AbiType.DynamicBytes d -> dynamic(out,
                    expect(value, AbiValue.DynamicBytes.class, type, path).value().toByteArray());
            case AbiType.Str s -> dynamic(out,
                    expect(value, AbiValue.Str.class, type, path).value().getBytes(StandardCharsets.UTF_8));
            case AbiType.Array a -> {
                List<AbiValue> items = expect(value, AbiValue.Array.class, type, path).items();
                word(out, BigInteger.valueOf(items.size()));
                tuple(Collections.nCopies(items.size(), a.element()), items, path, true, out);
            }
            case AbiType.Tuple t -> tuple(t.components(), expect(value, AbiValue.Tuple.class, type, path).items(),
                    path, false, out);
        }
    }

    private static <V extends AbiValue> V expect(AbiValue value, Class<V> kind, AbiType type, String path) {
        if (kind.isInstance(value)) {
            return kind.cast(value);
        }
        throw invalid(path, "has kind " + AbiValue.kind(value) + " but the type is " + type.canonical());
    }

    private static void dynamic(ByteArrayOutputStream out, byte[] bytes) {
        word(out, BigInteger.valueOf(bytes.length));
        padded(out, bytes);
    }

    private static void padded(ByteArrayOutputStream out, byte[] bytes) {
        out.writeBytes(bytes);
        int rest = bytes.length % WORD;
        if (rest != 0) {
            out.writeBytes(new byte[WORD - rest]);
        }
    }

    private static void word(ByteArrayOutputStream out, BigInteger value) {
        byte[] raw = value.toByteArray(); // minimal two's complement: at most one leading zero byte for 256 bits
        byte[] word = new byte[WORD];
        int length = Math.min(raw.length, WORD);
        System.arraycopy(raw, raw.length - length, word, WORD - length, length);
        out.writeBytes(word);
    }

    private static LitProtocolException invalid(String path, String problem) {
        return new LitProtocolException(LitErrorCode.InvalidArgument, "ABI value " + path + " " + problem);
    }

    /** The position of item {@code i} under {@code path}: {@code #i} at the top, {@code path[i]}, {@code path.i}. */
    static String child(String path, boolean arrayItem, int i) {
        if (path.isEmpty()) {
            return "#" + i;
        }
        return arrayItem ? path + "[" + i + "]" : path + "." + i;
    }

    /**
     * {@code value} itself if it is a {@code uint<bits>}.
     *
     * @throws LitProtocolException {@code InvalidArgument} naming {@code name} otherwise
     */
    static BigInteger requireUint(BigInteger value, int bits, String name) {
        java.util.Objects.requireNonNull(value, name);
        if (value.signum() < 0 || value.bitLength() > bits) {
            throw new LitProtocolException(LitErrorCode.InvalidArgument, name + " must be a uint" + bits
                    + " but is " + shown(value));
        }
        return value;
    }

    /** A number for a message, cut to {@link Text#MAX_CHARS} characters. */
    static String shown(BigInteger value) {
        return Text.cut(value.toString());
    }
}
