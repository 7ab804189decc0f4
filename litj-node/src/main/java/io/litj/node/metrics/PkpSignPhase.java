package io.litj.node.metrics;

/**
 * The phases of one {@code /web/pkp/sign} request on a node, each timed into
 * {@code litj_pkp_sign_phase_seconds{phase}} ({@link NodeMetrics#pkpSignPhase}). A node outside the request's
 * signing set records only the first three; {@link #ON_DEMAND} only when the members had no presignature in common.
 */
public enum PkpSignPhase {
    /** The authorizer's checks: body, session sig, PKP, permissions. */
    AUTHORIZE("authorize"),
    /** The capacity-credit charge. */
    CAPACITY("capacity"),
    /** The signing set's choice (live nodes ranked by the request). */
    SIGNING_SET("signing_set"),
    /** The agreement round with the other members on the presignature. */
    AGREE("agree"),
    /** A presignature made during the request (no common one was ready). */
    ON_DEMAND("on_demand"),
    /** The durable bind of the presignature to the digest. */
    BIND("bind"),
    /** The share's arithmetic. */
    SHARE("share");

    private final String label;

    PkpSignPhase(String label) {
        this.label = label;
    }

    /** The {@code phase} label value. */
    public String label() {
        return label;
    }

    /** Where a node's signing path reports how long each phase took. */
    @FunctionalInterface
    public interface Recorder {
        /** Records nothing. */
        Recorder NONE = (phase, nanos) -> { };

        /** One {@code phase} that took {@code nanos}. */
        void record(PkpSignPhase phase, long nanos);
    }
}
