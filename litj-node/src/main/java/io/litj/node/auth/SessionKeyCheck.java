package io.litj.node.auth;

import io.litj.node.LitNodeException;
import io.litj.protocol.LitErrorCode;
import java.util.Set;

/**
 * One named step of {@code sign_session_key} ({@code lit-node-behaviour.md} §3.1), run by
 * {@link SessionKeyAuthorizer} in its fixed order. A check reads the request and what earlier checks recorded in
 * the {@link SessionKeyState}, records what it learned, and never calls another check.
 */
interface SessionKeyCheck {
    /**
     * Runs the check.
     *
     * @throws LitNodeException with one of {@link #codes()} if the request is refused
     */
    void check(SessionKeyState state);

    /** The codes this check refuses with. */
    Set<LitErrorCode> codes();

    /** The check's name, as it appears in refusals. */
    default String name() {
        return getClass().getSimpleName();
    }
}
