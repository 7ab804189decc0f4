package io.litj.node.auth;

import io.litj.protocol.LitErrorCode;
import java.time.Clock;
import java.util.Objects;
import java.util.Set;

/**
 * litj (issue 8; the reference has no such rule, {@code lit-node-behaviour.md} §10 item 7): this node accepts an
 * EthWallet login for one session key only. The request's logins are accepted together in the node's
 * {@link LoginLedger}: one already accepted for another session key is {@code NodeInvalidAuthSig}; the same session
 * key again is an idempotent retry and passes. A node that remembers as many logins as its {@link LoginLimits} allow
 * refuses new ones with {@code NodeConcurrencyOverload}.
 *
 * <p>It runs after {@code PkpPermissionCheck}, so only logins that the PKP's permissions let through take room in the
 * ledger, and before {@code LitActionCheck}, so a replay runs no action. Thread-safe.
 */
final class LoginReplayCheck implements SessionKeyCheck {
    private final LoginLedger ledger;
    private final Clock clock;

    LoginReplayCheck(LoginLedger ledger, Clock clock) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void check(SessionKeyState state) {
        if (!state.logins().isEmpty()) {
            ledger.accept(state.logins(), state.request().sessionKey(), clock.instant());
        }
    }

    @Override
    public Set<LitErrorCode> codes() {
        return Set.of(LitErrorCode.NodeInvalidAuthSig, LitErrorCode.NodeConcurrencyOverload);
    }
}
