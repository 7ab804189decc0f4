package io.litj.node.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Expected CIDs were produced by npm {@code ipfs-only-hash@4.0.0} (ipfs-unixfs-importer 7.0.3, ipfs-unixfs 4.0.3,
 * ipld-dag-pb 0.22.3) in Node 20.20.2: {@code await Hash.of(bytes, options)} with its defaults (chunks of 262144
 * bytes, balanced layout, 174 links per node, no raw leaves, CIDv0) unless options are named. {@code pattern(n)} is
 * {@code n} bytes with {@code b[i] = i % 251}, built identically on both sides.
 */
class IpfsCidTest {
    private static final String LIT_ACTION = """
            const go = async () => {
              const n = await Promise.resolve(magicNumber);
              console.log("wörld ✓", n);
              LitActions.setResponse({ response: JSON.stringify({ hello: "wörld", n }) });
            };
            go();
            """;

    private record Vector(String id, byte[] content, int chunkSize, int maxLinks, String cid) {
    }

    private static byte[] pattern(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i % 251);
        }
        return b;
    }

    private static List<Vector> vectors() {
        int chunk = IpfsCid.CHUNK_SIZE;
        int links = IpfsCid.MAX_LINKS;
        return List.of(
                new Vector("empty", new byte[0], chunk, links, "QmbFMke1KXqnYyBBWxB74N4c5SBnJMVAiMNRcGu6x1AwQH"),
                new Vector("hello", "hello".getBytes(StandardCharsets.UTF_8), chunk, links,
                        "QmWfVY9y3xjsixTgbd9AorQxH7VtMpzfx2HaWtsoUYecaX"),
                new Vector("litAction (194 UTF-8 bytes)", LIT_ACTION.getBytes(StandardCharsets.UTF_8), chunk, links,
                        "QmS9h185RMHGzTZYFJYNNmTPFxrGcjtEyMe8HMqBM9RTme"),
                new Vector("one byte short of a chunk", pattern(262_143), chunk, links,
                        "QmRfm83kqBpGJbGxJg1en9hpwq8eNnP4E2Dj8K73F4m983"),
                new Vector("exactly one chunk", pattern(262_144), chunk, links,
                        "QmeqfRyS3vkku7n6krqC3DgGMex3x2sCpSeKMDmrG13QQq"),
                new Vector("one byte into a second chunk", pattern(262_145), chunk, links,
                        "QmUSjGawaz4ptvREcMKSMJneWCa5j8dAz2wSAAvHtW2rnB"),
                new Vector("exactly two chunks", pattern(524_288), chunk, links,
                        "QmX9AxjaxS7HCFKUdcQRgNKmfEj9hhjTsE57CB5iPe8zus"),
                new Vector("1 MB, four chunks", pattern(1_000_000), chunk, links,
                        "QmVUbzigHKQR2y8wSt2KwZp92AC9Utfms5nEUHwttK4Yq9"),
                new Vector("3 MB, twelve chunks", pattern(3_000_000), chunk, links,
                        "QmTdtwzKMjtWmGptPoCaK83huuRM7EWJXfHLnZi5nbF1A4"),
                new Vector("1 MB, maxChildrenPerNode 3 (two levels)", pattern(1_000_000), chunk, 3,
                        "QmWFq7tRFPuAvn2sU3SucoP2m83CHxPvJFuNoC9hhPZbQB"),
                new Vector("95 B, maxChunkSize 10, maxChildrenPerNode 3 (three levels)", pattern(95), 10, 3,
                        "QmY6VqYHAyNDi7fNnwNr37TyxWqMZ55vagLFH6p44bNKvz"),
                new Vector("100 B, maxChunkSize 10, maxChildrenPerNode 3", pattern(100), 10, 3,
                        "QmVQoNWDa39rghTyTgxc5qQFsQVJEPF7MNBanAmFbFyWS4"),
                new Vector("271 B, maxChunkSize 10, maxChildrenPerNode 3 (four levels)", pattern(271), 10, 3,
                        "QmTEaUREQN1ZSv2teKX7VoQmWsvL6Vxw3yXn1Fd3KZYquM"),
                new Vector("20 B, maxChunkSize 10", pattern(20), 10, links,
                        "Qmb4e6uPMHJBbjmJZ9qBjh7xdL6DoXy5yZvsf2fuVGgyig"));
    }

    @Test
    void v0_ipfsOnlyHashVectors_allMatch() {
        List<String> failures = new ArrayList<>();
        for (Vector v : vectors()) {
            String actual = IpfsCid.v0(v.content(), v.chunkSize(), v.maxLinks());
            if (!actual.equals(v.cid())) {
                failures.add(v.id() + ": expected " + v.cid() + " but got " + actual);
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void v0_publicEntry_usesIpfsAddDefaults() {
        assertEquals("QmS9h185RMHGzTZYFJYNNmTPFxrGcjtEyMe8HMqBM9RTme",
                IpfsCid.v0(LIT_ACTION.getBytes(StandardCharsets.UTF_8)));
        assertEquals("QmUSjGawaz4ptvREcMKSMJneWCa5j8dAz2wSAAvHtW2rnB", IpfsCid.v0(pattern(262_145)));
    }

    @Test
    void v0_sameBytes_sameCidAndInputUntouched() {
        byte[] content = pattern(1000);
        byte[] copy = content.clone();
        assertEquals(IpfsCid.v0(content), IpfsCid.v0(copy));
        assertEquals(java.util.Arrays.toString(copy), java.util.Arrays.toString(content));
    }

    @Test
    void base58_leadingZeroBytes_becomeOnes() {
        assertEquals("11", IpfsCid.base58(new byte[] {0, 0}));
        assertEquals("112", IpfsCid.base58(new byte[] {0, 0, 1}));
        assertEquals("5R", IpfsCid.base58(new byte[] {1, 0}));
    }

    @Test
    void v0_nullOrBadLayout_refused() {
        assertThrows(NullPointerException.class, () -> IpfsCid.v0(null));
        assertThrows(IllegalArgumentException.class, () -> IpfsCid.v0(new byte[1], 0, 174));
        assertThrows(IllegalArgumentException.class, () -> IpfsCid.v0(new byte[1], 10, 1));
    }

    @Test
    void multihashOf_cidV0_isTheSha256MultihashAndRoundTrips() {
        String cid = IpfsCid.v0(LIT_ACTION.getBytes(StandardCharsets.UTF_8));

        byte[] multihash = IpfsCid.multihashOf(cid).orElseThrow();

        assertEquals(34, multihash.length);
        assertEquals(0x12, multihash[0]);
        assertEquals(32, multihash[1]);
        assertEquals(cid, IpfsCid.ofMultihash(multihash));
        assertEquals("[0, 0, 1]", java.util.Arrays.toString(IpfsCid.multihashOf("112").orElseThrow()));
    }

    @Test
    void multihashOf_emptyTooLongOrNotBase58_isEmpty() {
        assertTrue(IpfsCid.multihashOf("").isEmpty());
        assertTrue(IpfsCid.multihashOf("Qm0OIl").isEmpty());
        assertTrue(IpfsCid.multihashOf("2".repeat(IpfsCid.MAX_CID_CHARS + 1)).isEmpty());
    }
}
