package io.litj.protocol.auth.internal;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.Text;
import io.litj.protocol.auth.AuthSig;
import io.litj.protocol.auth.AuthSigType;
import java.util.Optional;

/**
 * The auth material must be a session sig: {@code derivedVia = litSessionSignViaNacl} and {@code algo = ed25519}
 * ({@code lit-node-behaviour.md} §2.1). Code: {@code NodeInvalidAuthSig}.
 */
public final class SessionSigKindCheck implements SessionCheck {
    @Override
    public Optional<CheckFailure> check(SessionState state) {
        AuthSig sig = state.sessionSig();
        if (sig.type() != AuthSigType.SESSION_SIG) {
            return CheckFailure.fail(LitErrorCode.NodeInvalidAuthSig, "authSig is not a session sig: expected derivedVia "
                    + AuthSig.SESSION_DERIVED_VIA + " and algo " + AuthSig.SESSION_ALGO + " but got derivedVia "
                    + Text.cut(sig.derivedVia()) + " and algo " + sig.algo().map(Text::cut).orElse("(none)"));
        }
        return Optional.empty();
    }
}
