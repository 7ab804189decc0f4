package io.litj.threshold.testing;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * A deterministic {@link SecureRandom} for tests: the stream SHA-256(seed ‖ counter). Same seed, same bytes, on every
 * JDK. Never use outside tests.
 */
public final class SeededRandom extends SecureRandom {
    private static final long serialVersionUID = 1L;

    private final long seed;
    private long counter;
    private final byte[] block = new byte[32];
    private int used = 32;

    public SeededRandom(long seed) {
        this.seed = seed;
    }

    @Override
    public synchronized void nextBytes(byte[] out) {
        for (int i = 0; i < out.length; i++) {
            if (used == block.length) {
                refill();
            }
            out[i] = block[used++];
        }
    }

    private void refill() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(ByteBuffer.allocate(16).putLong(seed).putLong(counter++).array());
            System.arraycopy(sha.digest(), 0, block, 0, 32);
            used = 0;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "SeededRandom[" + seed + "]";
    }
}
