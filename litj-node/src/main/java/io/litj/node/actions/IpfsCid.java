package io.litj.node.actions;

import io.litj.protocol.crypto.Hashes;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The IPFS CIDv0 of a file's bytes, as {@code ipfs add --only-hash} and npm {@code ipfs-only-hash} compute it with
 * their defaults: fixed 262144-byte chunks, balanced DAG of at most 174 links per node, UnixFS {@code file} leaves
 * (no raw leaves), dag-pb nodes, sha2-256, base58btc. A Lit node names a Lit Action by this id
 * ({@code lit-litaction://<cid>}, {@code lit-node-behaviour.md} §1.8).
 *
 * <p>Stateless and thread-safe. The protobuf encoding (dag-pb {@code PBNode}/{@code PBLink}, UnixFS {@code Data})
 * is written here by hand, field by field, in the order go-ipfs writes it: a node's links before its data.
 */
public final class IpfsCid {
    /** Default chunk size of {@code ipfs add} (chunker {@code size-262144}). */
    static final int CHUNK_SIZE = 262_144;
    /** Default maximum number of links per node of the balanced layout. */
    static final int MAX_LINKS = 174;

    private static final int UNIXFS_FILE = 2;
    /** Longest CID text {@link #multihashOf} decodes. */
    public static final int MAX_CID_CHARS = 128;
    private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final char[] BASE58 = ALPHABET.toCharArray();

    private IpfsCid() {
    }

    /**
     * The CIDv0 ({@code Qm…}) of {@code content} imported as one UnixFS file with the {@code ipfs add} defaults.
     *
     * @param content the file bytes (for a Lit Action: the UTF-8 source); not modified
     * @return 46 base58btc characters starting with {@code Qm}
     */
    public static String v0(byte[] content) {
        return v0(content, CHUNK_SIZE, MAX_LINKS);
    }

    /** {@link #v0(byte[])} with another chunk size and fan-out; for testing the tree layout on small inputs. */
    static String v0(byte[] content, int chunkSize, int maxLinks) {
        Objects.requireNonNull(content, "content");
        if (chunkSize < 1 || maxLinks < 2) {
            throw new IllegalArgumentException("chunkSize must be >= 1 and maxLinks >= 2");
        }
        List<Node> level = new ArrayList<>();
        int offset = 0;
        do {
            int end = Math.min(content.length, offset + chunkSize);
            level.add(leaf(Arrays.copyOfRange(content, offset, end)));
            offset = end;
        } while (offset < content.length);
        if (level.size() == 1) {
            return base58(multihash(level.getFirst().block()));
        }
        while (level.size() > 1) {
            List<Node> parents = new ArrayList<>((level.size() + maxLinks - 1) / maxLinks);
            for (int i = 0; i < level.size(); i += maxLinks) {
                parents.add(parent(level.subList(i, Math.min(level.size(), i + maxLinks))));
            }
            level = parents;
        }
        return base58(multihash(level.getFirst().block()));
    }

    /**
     * One dag-pb block with what a parent needs to link to it.
     *
     * @param block the serialized dag-pb node
     * @param fileBytes file bytes under this node (the parent's UnixFS {@code blocksizes} entry)
     * @param cumulativeSize the block plus every block below it (the parent's {@code PBLink.Tsize})
     */
    private record Node(byte[] block, long fileBytes, long cumulativeSize) {
    }

    private static Node leaf(byte[] chunk) {
        ProtoWriter unixfs = new ProtoWriter();
        unixfs.varintField(1, UNIXFS_FILE);
        if (chunk.length > 0) {
            unixfs.bytesField(2, chunk);
        }
        unixfs.varintField(3, chunk.length);
        ProtoWriter node = new ProtoWriter();
        node.bytesField(1, unixfs.toByteArray());
        byte[] block = node.toByteArray();
        return new Node(block, chunk.length, block.length);
    }

    private static Node parent(List<Node> children) {
        long fileBytes = 0;
        for (Node child : children) {
            fileBytes += child.fileBytes();
        }
        ProtoWriter unixfs = new ProtoWriter();
        unixfs.varintField(1, UNIXFS_FILE);
        unixfs.varintField(3, fileBytes);
        for (Node child : children) {
            unixfs.varintField(4, child.fileBytes());
        }
        ProtoWriter node = new ProtoWriter();
        long cumulative = 0;
        for (Node child : children) {
            ProtoWriter link = new ProtoWriter();
            link.bytesField(1, multihash(child.block()));
            link.bytesField(2, new byte[0]);
            link.varintField(3, child.cumulativeSize());
            node.bytesField(2, link.toByteArray());
            cumulative += child.cumulativeSize();
        }
        node.bytesField(1, unixfs.toByteArray());
        byte[] block = node.toByteArray();
        return new Node(block, fileBytes, block.length + cumulative);
    }

    /** {@code 0x12 0x20 ‖ sha256(block)}: the sha2-256 multihash. */
    private static byte[] multihash(byte[] block) {
        byte[] digest = Hashes.sha256(block);
        byte[] out = new byte[2 + digest.length];
        out[0] = 0x12;
        out[1] = (byte) digest.length;
        System.arraycopy(digest, 0, out, 2, digest.length);
        return out;
    }

    /** The CID whose base58btc form encodes {@code multihash} (as Lit's PKP permissions store an action's id). */
    public static String ofMultihash(byte[] multihash) {
        return base58(multihash);
    }

    /**
     * The bytes a CID's base58btc text encodes (for a CIDv0, the sha2-256 multihash), or empty for text longer
     * than {@value #MAX_CID_CHARS} characters or with a character outside base58btc.
     */
    public static Optional<byte[]> multihashOf(String cid) {
        if (cid.isEmpty() || cid.length() > MAX_CID_CHARS) {
            return Optional.empty();
        }
        BigInteger value = BigInteger.ZERO;
        BigInteger radix = BigInteger.valueOf(58);
        int zeros = 0;
        boolean leading = true;
        for (int i = 0; i < cid.length(); i++) {
            int digit = ALPHABET.indexOf(cid.charAt(i));
            if (digit < 0) {
                return Optional.empty();
            }
            leading &= digit == 0;
            zeros += leading ? 1 : 0;
            value = value.multiply(radix).add(BigInteger.valueOf(digit));
        }
        byte[] magnitude = value.signum() == 0 ? new byte[0] : value.toByteArray();
        int skip = magnitude.length > 0 && magnitude[0] == 0 ? 1 : 0;
        byte[] out = new byte[zeros + magnitude.length - skip];
        System.arraycopy(magnitude, skip, out, zeros, magnitude.length - skip);
        return Optional.of(out);
    }

    static String base58(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length * 138 / 100 + 1);
        BigInteger value = new BigInteger(1, bytes);
        BigInteger radix = BigInteger.valueOf(58);
        while (value.signum() > 0) {
            BigInteger[] qr = value.divideAndRemainder(radix);
            out.append(BASE58[qr[1].intValue()]);
            value = qr[0];
        }
        for (int i = 0; i < bytes.length && bytes[i] == 0; i++) {
            out.append(BASE58[0]);
        }
        return out.reverse().toString();
    }

    /** The few protobuf wire forms dag-pb and UnixFS need: varint fields (type 0) and length-delimited (type 2). */
    private static final class ProtoWriter {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        void varintField(int field, long value) {
            varint((long) field << 3);
            varint(value);
        }

        void bytesField(int field, byte[] value) {
            varint(((long) field << 3) | 2);
            varint(value.length);
            out.writeBytes(value);
        }

        private void varint(long value) {
            long v = value;
            while ((v & ~0x7FL) != 0) {
                out.write((int) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            out.write((int) v);
        }

        byte[] toByteArray() {
            return out.toByteArray();
        }
    }
}
