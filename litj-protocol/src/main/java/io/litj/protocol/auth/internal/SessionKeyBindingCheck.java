package io.litj.protocol.auth.internal;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.Text;
import java.util.Locale;
import java.util.Optional;

/**
 * litj (not in the reference node): the payload's {@code sessionKey} must be the key that signed it (hex compared
 * without case or {@code 0x}), so a payload cannot claim one session key while being signed by another.
 * Code: {@code NodeInvalidAuthSig}.
 */
public final class SessionKeyBindingCheck implements SessionCheck {
    @Override
    public Optional<CheckFailure> check(SessionState state) {
        String claimed = normalize(state.payload().sessionKey());
        if (!claimed.equals(state.sessionKeyHex())) {
            return CheckFailure.fail(LitErrorCode.NodeInvalidAuthSig, "payload sessionKey "
                    + Text.cut(claimed) + " is not the signing key " + state.sessionKeyHex());
        }
        return Optional.empty();
    }

    static String normalize(String hex) {
        String h = hex.startsWith("0x") ? hex.substring(2) : hex;
        return h.toLowerCase(Locale.ROOT);
    }
}
