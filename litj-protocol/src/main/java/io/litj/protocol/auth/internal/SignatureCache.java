package io.litj.protocol.auth.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Optional;

/**
 * Remembers the outcome of capability signature checks, so that the same wallet or network AuthSig, sent with
 * every request of a session, is verified once — and so that a bad one, sent again and again, costs one recovery
 * or pairing, not one per request. Keyed by the exact signed bytes (or their digest) and the signature text; each
 * outcome is a pure function of its key, so a hit is as good as a check.
 *
 * <p>Successes and failures are kept apart, each bounded to {@code capacity} entries with the least recently used
 * evicted, so a flood of distinct bad signatures cannot evict the good ones. Thread-safe. Capacity 0 disables both.
 */
public final class SignatureCache {
    private final int capacity;
    private final LinkedHashMap<Key, Object> entries;
    private final LinkedHashMap<Key, String> failures;

    public SignatureCache(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must be >= 0");
        }
        this.capacity = capacity;
        this.entries = LruMaps.bounded(capacity);
        this.failures = LruMaps.bounded(capacity);
    }

    /** What was recorded for this digest and signature, if anything. */
    public synchronized Optional<Object> get(byte[] digest, String signature) {
        return capacity == 0 ? Optional.empty() : Optional.ofNullable(entries.get(new Key(digest, signature)));
    }

    /** Records a verified signature and what it proved. */
    public synchronized void put(byte[] digest, String signature, Object proven) {
        if (capacity > 0) {
            entries.put(new Key(digest, signature), proven);
        }
    }

    /** Why this digest and signature failed to verify before, if they did. */
    public synchronized Optional<String> failure(byte[] digest, String signature) {
        return capacity == 0 ? Optional.empty() : Optional.ofNullable(failures.get(new Key(digest, signature)));
    }

    /** Records a signature that did not verify, and why (a public message, no secrets). */
    public synchronized void putFailure(byte[] digest, String signature, String reason) {
        if (capacity > 0) {
            failures.put(new Key(digest, signature), reason);
        }
    }

    private record Key(byte[] digest, String signature) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(digest, k.digest) && signature.equals(k.signature);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(digest) * 31 + signature.hashCode();
        }

        @Override
        public String toString() {
            return "Key";
        }
    }
}
