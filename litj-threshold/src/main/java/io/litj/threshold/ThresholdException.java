package io.litj.threshold;

import io.litj.protocol.LitErrorCode;
import java.util.Objects;

/**
 * The one exception family of {@code litj-threshold}: input that is malformed, refused or cannot be combined, with
 * its {@link LitErrorCode}. Unchecked.
 *
 * <p>The codes this module raises, and what a caller does with each:
 * <ul>
 *   <li>{@code NodeParserError}: bytes, hex or JSON that do not encode what they claim (a point off the curve or
 *       outside the prime-order subgroup, the identity where it is not allowed, a wrong length, a malformed share
 *       object, a time-lock ciphertext that is not in its wire form). The input came from outside; drop it and, if
 *       it came from a peer, blame that peer.</li>
 *   <li>{@code InvalidArgument}: a call that breaks its own contract (threshold outside {@code 1..n}, duplicate
 *       share indices, mixed groups, a DKG message out of phase), or a share that does not match its Feldman
 *       commitments ({@code FeldmanCommitments.verify}), or a time-lock plaintext over the size limit. Usually a
 *       bug in the caller or a misbehaving peer; when the input proves which peer, it is an
 *       {@code ecdsa.CheatingPartyException} naming it.</li>
 *   <li>{@code NoValidShares}: shares were well-formed but no {@code t} of them combine into something that
 *       verifies, or too few DKG dealers qualified; ECDSA shares that disagree on {@code big_r} or sum to zero.</li>
 *   <li>{@code InvalidSignature}: a signature or signature share was checked with {@code Bls.verify} or
 *       {@code Bls.verifyShare} and does not verify, or combined ECDSA shares do not verify under the key; or a
 *       time-lock ciphertext does not open under the signature given as its key ({@code bls.TimeLock.decrypt}:
 *       altered, or a signature over another identity).</li>
 * </ul>
 * Messages name the input and say expected and actual values; they never contain secrets.
 */
public class ThresholdException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final LitErrorCode code;

    public ThresholdException(LitErrorCode code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    public ThresholdException(LitErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** The error code of this failure. */
    public LitErrorCode code() {
        return code;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + code.wireName() + "]: " + getMessage();
    }
}
