package io.litj.threshold.internal;

import java.math.BigInteger;

/** An immutable point of a prime-order group, implemented by a library (blst or Bouncy Castle). */
public interface CurvePoint {
    CurvePoint add(CurvePoint other);

    /** {@code k · this} for a public {@code k} in {@code [0, q)} (timing may depend on {@code k}). */
    CurvePoint multiply(BigInteger k);

    /** The compressed encoding. */
    byte[] encode();

    boolean isIdentity();
}
