package io.litj.protocol.auth.internal;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.Text;
import io.litj.protocol.auth.SessionKeyPair;
import java.util.Optional;

/**
 * §2.3: the SIWE delegates to this session key: {@code URI = lit:session:<session key>} (hex compared without
 * case). A capacity delegation ({@code lit:capability:delegation}) never grants a session. Code:
 * {@code NodeSIWEMessageError}.
 */
public final class SiweUriCheck implements CapabilityCheck {
    @Override
    public Optional<CheckFailure> check(CapabilityState capability, SessionState session) {
        String uri = capability.siwe().uri();
        String expected = SessionKeyPair.URI_PREFIX + session.sessionKeyHex();
        boolean same = uri.startsWith(SessionKeyPair.URI_PREFIX) && uri.length() == expected.length()
                && uri.regionMatches(true, 0, expected, 0, expected.length());
        if (!same) {
            return CheckFailure.fail(LitErrorCode.NodeSIWEMessageError, "SIWE URI expected " + expected + " but got "
                    + Text.cut(uri));
        }
        return Optional.empty();
    }
}
