package io.litj.node.auth;

import io.litj.node.LitNodeException;
import io.litj.protocol.LitErrorCode;
import java.util.Set;

/**
 * One named step of {@code /web/pkp/sign/v1}, run by {@link PkpSignAuthorizer} in its fixed order. A check reads
 * the request and what earlier checks recorded in the {@link PkpSignState}, records what it learned, and never calls
 * another check.
 */
interface PkpSignCheck {
    /**
     * Runs the check.
     *
     * @throws LitNodeException with one of {@link #codes()} if the request is refused
     */
    void check(PkpSignState state);

    /** The codes this check refuses with (the session check: the validator's main codes). */
    Set<LitErrorCode> codes();

    /** The check's name, as it appears in refusals. */
    default String name() {
        return getClass().getSimpleName();
    }
}
