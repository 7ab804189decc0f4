package io.litj.protocol.chain;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.crypto.Bytes;
import io.litj.protocol.crypto.EthAddress;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

/**
 * A value of an {@link AbiType}, one record per kind of type: what {@link AbiCodec#encode} takes and
 * {@link AbiCodec#decode} gives. Immutable; compared by content. A value holds what its kind can hold (a
 * {@link Uint} is non-negative and at most 256 bits); whether it fits a particular type ({@code uint32},
 * {@code bytes4}) is checked when it is encoded against that type.
 *
 * <p>The {@code as…} accessors read a value of the expected kind and throw {@link LitProtocolException}
 * {@code InvalidArgument} for any other, naming both.
 */
public sealed interface AbiValue {
    /** An unsigned integer ({@code uintN}). */
    record Uint(BigInteger value) implements AbiValue {
        public Uint {
            Objects.requireNonNull(value, "value");
            if (value.signum() < 0 || value.bitLength() > 256) {
                throw new LitProtocolException(LitErrorCode.InvalidArgument,
                        "an ABI uint must lie in 0..2^256-1 but is " + AbiCodec.shown(value));
            }
        }
    }

    /** An {@code address}. */
    record Address(EthAddress value) implements AbiValue {
        public Address {
            Objects.requireNonNull(value, "value");
        }
    }

    /** A {@code bool}. */
    record Bool(boolean value) implements AbiValue {
    }

    /** A {@code bytesN} value; its size must equal N when encoded. */
    record FixedBytes(Bytes value) implements AbiValue {
        public FixedBytes {
            Objects.requireNonNull(value, "value");
        }
    }

    /** A {@code bytes} value. */
    record DynamicBytes(Bytes value) implements AbiValue {
        public DynamicBytes {
            Objects.requireNonNull(value, "value");
        }
    }

    /** A {@code string} value. */
    record Str(String value) implements AbiValue {
        public Str {
            Objects.requireNonNull(value, "value");
        }
    }

    /** The elements of a {@code T[]}. */
    record Array(List<AbiValue> items) implements AbiValue {
        public Array {
            items = List.copyOf(items);
        }
    }

    /** The components of a tuple (struct), in order. */
    record Tuple(List<AbiValue> items) implements AbiValue {
        public Tuple {
            items = List.copyOf(items);
        }
    }

    /** A {@link Uint} of a non-negative {@code value}. */
    static Uint uint(long value) {
        return new Uint(BigInteger.valueOf(value));
    }

    /** A {@link Uint}. */
    static Uint uint(BigInteger value) {
        return new Uint(value);
    }

    /** An {@link Address}. */
    static Address address(EthAddress value) {
        return new Address(value);
    }

    /** A {@link Tuple} of {@code items}. */
    static Tuple tuple(AbiValue... items) {
        return new Tuple(List.of(items));
    }

    /** An {@link Array} of {@code items}. */
    static Array array(List<? extends AbiValue> items) {
        return new Array(List.copyOf(items));
    }

    /** The number of a {@link Uint}. */
    default BigInteger asUint() {
        if (this instanceof Uint u) {
            return u.value();
        }
        throw wrongKind("uint");
    }

    /** The address of an {@link Address}. */
    default EthAddress asAddress() {
        if (this instanceof Address a) {
            return a.value();
        }
        throw wrongKind("address");
    }

    /** The flag of a {@link Bool}. */
    default boolean asBool() {
        if (this instanceof Bool b) {
            return b.value();
        }
        throw wrongKind("bool");
    }

    /** The bytes of a {@link FixedBytes} or {@link DynamicBytes}. */
    default Bytes asBytes() {
        if (this instanceof FixedBytes f) {
            return f.value();
        }
        if (this instanceof DynamicBytes d) {
            return d.value();
        }
        throw wrongKind("bytes");
    }

    /** The text of a {@link Str}. */
    default String asString() {
        if (this instanceof Str s) {
            return s.value();
        }
        throw wrongKind("string");
    }

    /** The items of an {@link Array} or the components of a {@link Tuple}. */
    default List<AbiValue> asList() {
        if (this instanceof Array a) {
            return a.items();
        }
        if (this instanceof Tuple t) {
            return t.items();
        }
        throw wrongKind("array or tuple");
    }

    private LitProtocolException wrongKind(String expected) {
        return new LitProtocolException(LitErrorCode.InvalidArgument,
                "expected an ABI value of kind " + expected + " but got kind " + kind(this));
    }

    /** The kind of {@code value} as a word: {@code uint}, {@code address}, … */
    static String kind(AbiValue value) {
        return switch (value) {
            case Uint u -> "uint";
            case Address a -> "address";
            case Bool b -> "bool";
            case FixedBytes f -> "bytes" + f.value().size();
            case DynamicBytes d -> "bytes";
            case Str s -> "string";
            case Array a -> "array";
            case Tuple t -> "tuple";
        };
    }
}
