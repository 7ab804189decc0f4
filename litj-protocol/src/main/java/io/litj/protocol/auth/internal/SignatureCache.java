package io.litj.protocol.auth.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Remembers capability signatures that verified, so that the same wallet or network AuthSig, sent with every
 * request of a session, is verified once. Keyed by the exact message digest and signature text; only successes are
 * stored (a pure function's result, so a hit is as good as a check). Bounded, least recently used evicted;
 * thread-safe. Capacity 0 disables it.
 */
public final class SignatureCache {
    private final int capacity;
    private final LinkedHashMap<Key, Object> entries;

    public SignatureCache(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must be >= 0");
        }
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Object> eldest) {
                return size() > SignatureCache.this.capacity;
            }
        };
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
