package io.litj.protocol.auth.internal;

import io.litj.protocol.crypto.Eip191;
import io.litj.protocol.recap.Recap;
import io.litj.protocol.recap.RecapCodec;
import io.litj.protocol.siwe.SiweMessage;
import io.litj.protocol.siwe.SiweParser;
import java.util.Map;
import java.util.function.Function;

/**
 * Remembers what parsing a capability produced, keyed by the exact text: its SIWE ({@link SiweParser#parse}), its
 * ReCaps ({@link RecapCodec#decode}) and its EIP-191 digest. A session sends the same capability with every
 * request, so the capability checks then parse and hash it once per node. Each result is a pure function of its
 * text and immutable (the digest is copied out), so a hit is as good as a parse; failures are not kept (they are
 * parsed again and fail again). Time, URI, coverage and signature checks still run on every request.
 *
 * <p>Bounded: each of the three kinds keeps at most {@code capacity} entries, the least recently used evicted, and
 * text longer than {@code maxTextChars} is never kept. Thread-safe. Capacity 0 disables it.
 */
public final class CapabilityParseCache {
    /** A cache that keeps nothing: every call parses. */
    public static final CapabilityParseCache NONE = new CapabilityParseCache(0, 0);

    private final int capacity;
    private final int maxTextChars;
    private final Map<String, SiweMessage> siwes;
    private final Map<String, Recap> recaps;
    private final Map<String, byte[]> digests;

    public CapabilityParseCache(int capacity, int maxTextChars) {
        if (capacity < 0 || maxTextChars < 0) {
            throw new IllegalArgumentException("capacity and maxTextChars must be >= 0");
        }
        this.capacity = capacity;
        this.maxTextChars = maxTextChars;
        this.siwes = LruMaps.bounded(capacity);
        this.recaps = LruMaps.bounded(capacity);
        this.digests = LruMaps.bounded(capacity);
    }

    /** {@link SiweParser#parse} of {@code text}, remembered; throws as it does. */
    public SiweMessage siwe(String text) {
        return remembered(siwes, text, SiweParser::parse);
    }

    /** {@link RecapCodec#decode} of {@code urn}, remembered; throws as it does. */
    public Recap recap(String urn) {
        return remembered(recaps, urn, RecapCodec::decode);
    }

    /** {@link Eip191#hash} of {@code text}, remembered; a fresh copy each time. */
    public byte[] eip191Digest(String text) {
        return remembered(digests, text, Eip191::hash).clone();
    }

    /** Entries kept now, over the three kinds. */
    public synchronized int size() {
        return siwes.size() + recaps.size() + digests.size();
    }

    private <V> V remembered(Map<String, V> map, String text, Function<String, V> compute) {
        boolean keep = capacity > 0 && text.length() <= maxTextChars;
        if (keep) {
            synchronized (this) {
                V known = map.get(text);
                if (known != null) {
                    return known;
                }
            }
        }
        V value = compute.apply(text);
        if (keep) {
            synchronized (this) {
                map.put(text, value);
            }
        }
        return value;
    }
}
