package io.litj.protocol.chain;

import static io.litj.protocol.chain.AbiCodec.WORD;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.crypto.Bytes;
import io.litj.protocol.crypto.EthAddress;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The decoding half of {@link AbiCodec}: follows the type, checking every position against the data before
 * reading it, and charges every byte it reads to a budget of {@link AbiCodec#MAX_INFLATION} times the input.
 * One instance per input; not thread-safe.
 */
final class AbiReader {
    private final byte[] data;
    private long budget;

    private AbiReader(byte[] data) {
        this.data = data;
        this.budget = (long) data.length * AbiCodec.MAX_INFLATION;
    }

    static List<AbiValue> decode(List<AbiType> types, byte[] data) {
        return new AbiReader(data).tuple(types, 0, "", false);
    }

    private List<AbiValue> tuple(List<AbiType> types, int start, String path, boolean array) {
        List<AbiValue> values = new ArrayList<>(types.size());
        int head = start;
        for (int i = 0; i < types.size(); i++) {
            AbiType type = types.get(i);
            String at = AbiCodec.child(path, array, i);
            if (type.isDynamic()) {
                int offset = length(word(head, at), data.length, at, "offset");
                values.add(value(type, start + offset, at));
            } else {
                values.add(value(type, head, at));
            }
            head += type.headSize();
        }
        return values;
    }

    private AbiValue value(AbiType type, int at, String path) {
        return switch (type) {
            case AbiType.Uint u -> {
                byte[] word = word(at, path);
                requireZero(word, 0, WORD - u.bits() / 8, path, "does not fit " + u.canonical());
                yield new AbiValue.Uint(new BigInteger(1, word));
            }
            case AbiType.Address a -> {
                byte[] word = word(at, path);
                requireZero(word, 0, WORD - 20, path, "is an address with non-zero padding");
                yield new AbiValue.Address(EthAddress.of(Arrays.copyOfRange(word, WORD - 20, WORD)));
            }
            case AbiType.Bool b -> {
                byte[] word = word(at, path);
                requireZero(word, 0, WORD - 1, path, "is a bool other than 0 or 1");
                if ((word[WORD - 1] & 0xff) > 1) {
                    throw fail(path, "is a bool other than 0 or 1");
                }
                yield new AbiValue.Bool(word[WORD - 1] == 1);
            }
            case AbiType.FixedBytes f -> {
                byte[] word = word(at, path);
                requireZero(word, f.size(), WORD, path, "is a " + f.canonical() + " with non-zero padding");
                yield new AbiValue.FixedBytes(Bytes.of(Arrays.copyOf(word, f.size())));
            }
            case AbiType.DynamicBytes d -> new AbiValue.DynamicBytes(Bytes.of(dynamicBytes(at, path)));
            case AbiType.Str s -> new AbiValue.Str(utf8(dynamicBytes(at, path), path));
            case AbiType.Array a -> {
                int first = at + WORD;
                int room = Math.max(0, data.length - first);
                int count = length(word(at, path), room / a.element().headSize(), path, "element count");
                yield new AbiValue.Array(tuple(Collections.nCopies(count, a.element()), first, path, true));
            }
            case AbiType.Tuple t -> new AbiValue.Tuple(tuple(t.components(), at, path, false));
        };
    }

    private byte[] dynamicBytes(int at, String path) {
        int first = at + WORD;
        int length = length(word(at, path), Math.max(0, data.length - first), path, "length");
        int padded = (length + WORD - 1) / WORD * WORD;
        if (padded > data.length - first) {
            throw fail(path, "needs " + padded + " bytes (padded) at " + first + " but the data ends at "
                    + data.length);
        }
        charge(padded, path);
        requireZero(data, first + length, first + padded, path, "has non-zero padding after its " + length
                + " bytes");
        return Arrays.copyOfRange(data, first, first + length);
    }

    /** The 32 bytes at {@code at}, after checking they lie inside the data. */
    private byte[] word(int at, String path) {
        if (at < 0 || at > data.length - WORD) {
            throw fail(path, "needs a word at " + at + " but the data is " + data.length + " bytes");
        }
        charge(WORD, path);
        return Arrays.copyOfRange(data, at, at + WORD);
    }

    /** A word read as an offset, length or count: at most {@code max}. */
    private static int length(byte[] word, int max, String path, String what) {
        BigInteger value = new BigInteger(1, word);
        if (value.compareTo(BigInteger.valueOf(max)) > 0) {
            throw fail(path, "has " + what + " " + AbiCodec.shown(value) + " but at most " + max
                    + " fits the data");
        }
        return value.intValueExact();
    }

    private void charge(int bytes, String path) {
        budget -= bytes;
        if (budget < 0) {
            throw fail(path, "makes the decoder read more than " + AbiCodec.MAX_INFLATION + " times the "
                    + data.length + " bytes of data (offsets into shared tails)");
        }
    }

    private static void requireZero(byte[] bytes, int from, int to, String path, String problem) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                throw fail(path, problem);
            }
        }
    }

    private static String utf8(byte[] bytes, String path) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw fail(path, "is a string that is not UTF-8");
        }
    }

    private static LitProtocolException fail(String path, String problem) {
        return new LitProtocolException(LitErrorCode.NodeParserError, "ABI data " + path + " " + problem);
    }
}
