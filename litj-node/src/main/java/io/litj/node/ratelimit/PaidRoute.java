package io.litj.node.ratelimit;

/**
 * The endpoints that capacity credits pay for ({@code lit-node-behaviour.md} §1.1), with the HTTP status of their
 * {@code rate_limit_exceeded} answer (Datil: 402, but 400 on {@code /web/pkp/sign}).
 */
public enum PaidRoute {
    EXECUTE(402),
    PKP_SIGN(400),
    ENCRYPTION_SIGN(402),
    SIGNING_ACC(402);

    private final int exceededStatus;

    PaidRoute(int exceededStatus) {
        this.exceededStatus = exceededStatus;
    }

    /** The HTTP status of {@code rate_limit_exceeded} on this route. */
    public int exceededStatus() {
        return exceededStatus;
    }
}
