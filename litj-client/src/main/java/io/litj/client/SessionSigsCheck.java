package io.litj.client;

import io.litj.protocol.IsoTime;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.auth.AuthSig;
import io.litj.protocol.auth.SessionSig;
import io.litj.protocol.auth.SessionSigPayload;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The client's look at a session sig before sending it, as the JS SDK's {@code validateSessionSigs} (§4.7): the
 * payload parses, is addressed to this node, has capabilities, and neither it nor any capability has expired.
 * A failure is {@code InvalidSessionSigs} naming the node and the problem, so no request is wasted.
 */
final class SessionSigsCheck {
    private static final String EXPIRATION_LINE = "Expiration Time: ";

    private SessionSigsCheck() {
    }

    static void check(String nodeUrl, SessionSig sig, Instant now) {
        SessionSigPayload payload;
        try {
            payload = sig.payload();
        } catch (LitProtocolException e) {
            throw invalid("session sig for " + nodeUrl + " has an unreadable signedMessage: " + e.getMessage());
        }
        if (!payload.nodeAddress().equals(nodeUrl)) {
            throw invalid("session sig for " + nodeUrl + " is addressed to node " + cut(payload.nodeAddress()));
        }
        List<AuthSig> capabilities = payload.capabilities();
        if (capabilities.isEmpty()) {
            throw invalid("session sig for " + nodeUrl + " has no capabilities");
        }
        for (int i = 0; i < capabilities.size(); i++) {
            String where = "capability " + i + " of the session sig for " + nodeUrl;
            String text = expirationLine(capabilities.get(i).signedMessage())
                    .orElseThrow(() -> invalid(where + " has no Expiration Time"));
            Instant expiration = time(text, where);
            if (!expiration.isAfter(now)) {
                throw invalid(where + " expired at " + IsoTime.format(expiration) + " (now " + IsoTime.format(now)
                        + ")");
            }
        }
        Instant expiration = time(payload.expiration(), "session sig for " + nodeUrl);
        if (!expiration.isAfter(now)) {
            throw invalid("session sig for " + nodeUrl + " expired at " + IsoTime.format(expiration) + " (now "
                    + IsoTime.format(now) + ")");
        }
    }

    private static Optional<String> expirationLine(String siwe) {
        for (String line : siwe.split("\n", -1)) {
            if (line.startsWith(EXPIRATION_LINE)) {
                return Optional.of(line.substring(EXPIRATION_LINE.length()));
            }
        }
        return Optional.empty();
    }

    private static Instant time(String text, String where) {
        try {
            return IsoTime.parse(text, LitErrorCode.InvalidSessionSigs, where + " expiration");
        } catch (LitProtocolException e) {
            throw invalid(e.getMessage());
        }
    }

    private static LitClientException invalid(String message) {
        return new LitClientException(LitErrorCode.InvalidSessionSigs, message);
    }

    private static String cut(String s) {
        return s.length() <= 64 ? s : s.substring(0, 64) + "…";
    }
}
