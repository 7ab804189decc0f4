package io.litj.threshold.internal;

import java.security.MessageDigest;

/** Helpers for secret byte arrays. */
public final class Secrets {
    private Secrets() {
    }

    /** Constant-time equality of two arrays (length may leak). */
    public static boolean equal(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }
}
