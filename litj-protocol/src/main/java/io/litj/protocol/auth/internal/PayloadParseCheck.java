package io.litj.protocol.auth.internal;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.auth.SessionSigPayload;
import java.util.Optional;

/**
 * §2.2 step 2: {@code signedMessage} is a session payload JSON ({@code sessionKey}, {@code resourceAbilityRequests},
 * {@code capabilities} with strict AuthSig objects, {@code issuedAt}, {@code expiration}, {@code nodeAddress}).
 * Code: {@code NodeAuthSigSignedMessageConversionError}.
 */
public final class PayloadParseCheck implements SessionCheck {
    @Override
    public Optional<CheckFailure> check(SessionState state) {
        try {
            state.payload = SessionSigPayload.parse(state.sessionSig().signedMessage());
            return Optional.empty();
        } catch (LitProtocolException e) {
            return CheckFailure.fail(LitErrorCode.NodeAuthSigSignedMessageConversionError, e.getMessage());
        }
    }
}
