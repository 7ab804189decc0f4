package io.litj.protocol.chain;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A Solidity ABI type that {@link AbiCodec} can encode and decode: {@code uint8..uint256}, {@code address},
 * {@code bool}, {@code bytes1..bytes32}, {@code bytes}, {@code string}, dynamic arrays {@code T[]} and tuples
 * {@code (T1,…,Tn)} (structs). Signed integers and fixed-size arrays {@code T[k]} are not supported (no Lit call
 * litj makes uses them).
 *
 * <p>Immutable records; {@link #canonical()} is the spelling used in function signatures (Solidity ABI
 * specification, "Function Selector": no spaces, structs as tuples), so {@code parse(t.canonical())} equals
 * {@code t}.
 */
public sealed interface AbiType {
    /** {@code uint256}. */
    Uint UINT256 = new Uint(256);
    /** {@code address}. */
    Address ADDRESS = new Address();
    /** {@code bool}. */
    Bool BOOL = new Bool();
    /** {@code bytes32}. */
    FixedBytes BYTES32 = new FixedBytes(32);
    /** {@code bytes}. */
    DynamicBytes BYTES = new DynamicBytes();
    /** {@code string}. */
    Str STRING = new Str();

    /** The canonical spelling, e.g. {@code uint32}, {@code (uint256,address)[]}. */
    String canonical();

    /** Whether the encoding has a variable size: {@code bytes}, {@code string}, {@code T[]}, a tuple holding one. */
    boolean isDynamic();

    /**
     * The bytes this type takes in the head of its enclosing tuple: 32 for a dynamic type (the offset word), its
     * whole encoding for a static one (32 for a scalar, the sum of the components for a static tuple).
     */
    int headSize();

    /** {@code uint<bits>}, {@code bits} a multiple of 8 in {@code 8..256}. */
    static Uint uint(int bits) {
        return new Uint(bits);
    }

    /** {@code element[]}. */
    static Array array(AbiType element) {
        return new Array(element);
    }

    /** {@code (components…)}. */
    static Tuple tuple(AbiType... components) {
        return new Tuple(List.of(components));
    }

    /**
     * Parses a canonical type such as {@code (uint32,uint128,address)[]} (also {@code tuple(…)} as ethers prints
     * struct types; {@code uint} and {@code byte} are not accepted, write {@code uint256} and {@code bytes1}).
     *
     * @throws LitProtocolException {@code InvalidArgument} naming the unsupported or malformed part
     */
    static AbiType parse(String text) {
        return AbiTypeParser.parse(text);
    }

    /** An unsigned integer of {@code bits} bits, one right-aligned word. */
    record Uint(int bits) implements AbiType {
        public Uint {
            if (bits < 8 || bits > 256 || bits % 8 != 0) {
                throw invalid("uint size must be a multiple of 8 in 8..256 but is " + bits);
            }
        }

        @Override
        public String canonical() {
            return "uint" + bits;
        }

        @Override
        public boolean isDynamic() {
            return false;
        }

        @Override
        public int headSize() {
            return AbiCodec.WORD;
        }
    }

    /** A 20-byte address, one right-aligned word. */
    record Address() implements AbiType {
        @Override
        public String canonical() {
            return "address";
        }

        @Override
        public boolean isDynamic() {
            return false;
        }

        @Override
        public int headSize() {
            return AbiCodec.WORD;
        }
    }

    /** A boolean: one word holding 0 or 1. */
    record Bool() implements AbiType {
        @Override
        public String canonical() {
            return "bool";
        }

        @Override
        public boolean isDynamic() {
            return false;
        }

        @Override
        public int headSize() {
            return AbiCodec.WORD;
        }
    }

    /** {@code bytes<size>}, {@code size} in {@code 1..32}: one left-aligned word. */
    record FixedBytes(int size) implements AbiType {
        public FixedBytes {
            if (size < 1 || size > AbiCodec.WORD) {
                throw invalid("bytesN size must lie in 1..32 but is " + size);
            }
        }

        @Override
        public String canonical() {
            return "bytes" + size;
        }

        @Override
        public boolean isDynamic() {
            return false;
        }

        @Override
        public int headSize() {
            return AbiCodec.WORD;
        }
    }

    /** {@code bytes}: a length word, then the bytes padded with zeros to whole words. */
    record DynamicBytes() implements AbiType {
        @Override
        public String canonical() {
            return "bytes";
        }

        @Override
        public boolean isDynamic() {
            return true;
        }

        @Override
        public int headSize() {
            return AbiCodec.WORD;
        }
    }

    /** {@code string}: encoded as {@code bytes} of its UTF-8 form. */
    record Str() implements AbiType {
        @Override
        public String canonical() {
            return "string";
        }

        @Override
        public boolean isDynamic() {
            return true;
        }

        @Override
        public int headSize() {
            return AbiCodec.WORD;
        }
    }

    /** {@code element[]}: a length word, then the elements encoded as a tuple. */
    record Array(AbiType element) implements AbiType {
        public Array {
            Objects.requireNonNull(element, "element");
        }

        @Override
        public String canonical() {
            return element.canonical() + "[]";
        }

        @Override
        public boolean isDynamic() {
            return true;
        }

        @Override
        public int headSize() {
            return AbiCodec.WORD;
        }
    }

    /** A tuple (a Solidity struct) of at least one component. */
    record Tuple(List<AbiType> components) implements AbiType {
        public Tuple {
            components = List.copyOf(components);
            if (components.isEmpty()) {
                throw invalid("a tuple needs at least one component");
            }
        }

        @Override
        public String canonical() {
            return components.stream().map(AbiType::canonical).collect(Collectors.joining(",", "(", ")"));
        }

        @Override
        public boolean isDynamic() {
            return components.stream().anyMatch(AbiType::isDynamic);
        }

        @Override
        public int headSize() {
            return isDynamic() ? AbiCodec.WORD : components.stream().mapToInt(AbiType::headSize).sum();
        }
    }

    private static LitProtocolException invalid(String message) {
        return new LitProtocolException(LitErrorCode.InvalidArgument, message);
    }
}
