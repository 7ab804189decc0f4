package io.litj.client;

import io.litj.protocol.IsoTime;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.Text;
import io.litj.protocol.auth.AuthSig;
import io.litj.protocol.auth.SessionSig;
import io.litj.protocol.auth.SessionSigPayload;
import io.litj.protocol.auth.SessionSigs;
import io.litj.protocol.auth.SessionTimeRules;
import io.litj.protocol.siwe.SiweMessage;
import io.litj.protocol.siwe.SiweParser;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The client's look at a session sig before sending it, as the JS SDK's {@code validateSessionSigs} (§4.7): the
 * payload parses, is addressed to this node, has capabilities, each capability is a SIWE with an
 * {@code Expiration Time}, and neither the payload nor any capability has expired
 * ({@link SessionTimeRules#hasExpired}). A failure is {@code InvalidSessionSigs} naming the node and the problem,
 * so no request is wasted.
 */
final class SessionSigsCheck {
    private SessionSigsCheck() {
    }

    /**
     * The session sig of each of {@code nodeUrls}, in that order, each checked by {@link #check}.
     *
     * @throws LitClientException {@code InvalidArgument} when a node has none; as {@link #check}
     */
    static Map<String, SessionSig> forNodes(SessionSigs sigs, List<String> nodeUrls, Instant now) {
        Map<String, SessionSig> out = new LinkedHashMap<>();
        for (String url : nodeUrls) {
            out.put(url, sigs.forNode(url).orElseThrow(() -> new LitClientException(LitErrorCode.InvalidArgument,
                    "could not find session sig for node " + url)));
        }
        out.forEach((url, sig) -> check(url, sig, now));
        return out;
    }

    static void check(String nodeUrl, SessionSig sig, Instant now) {
        SessionSigPayload payload;
        try {
            payload = sig.payload();
        } catch (LitProtocolException e) {
            throw invalid("session sig for " + nodeUrl + " has an unreadable signedMessage: " + e.getMessage());
        }
        if (!payload.nodeAddress().equals(nodeUrl)) {
            throw invalid("session sig for " + nodeUrl + " is addressed to node " + Text.cut(payload.nodeAddress()));
        }
        List<AuthSig> capabilities = payload.capabilities();
        if (capabilities.isEmpty()) {
            throw invalid("session sig for " + nodeUrl + " has no capabilities");
        }
        for (int i = 0; i < capabilities.size(); i++) {
            String where = "capability " + i + " of the session sig for " + nodeUrl;
            Instant expiration = capabilityExpiration(capabilities.get(i), where);
            requireUnexpired(expiration, now, where);
        }
        requireUnexpired(time(payload.expiration(), "session sig for " + nodeUrl), now, "session sig for " + nodeUrl);
    }

    private static Instant capabilityExpiration(AuthSig capability, String where) {
        SiweMessage siwe;
        try {
            siwe = SiweParser.parse(capability.signedMessage());
        } catch (LitProtocolException e) {
            throw invalid(where + " is not a SIWE message: " + e.getMessage());
        }
        return siwe.expirationInstant().orElseThrow(() -> invalid(where + " has no Expiration Time"));
    }

    private static void requireUnexpired(Instant expiration, Instant now, String where) {
        if (SessionTimeRules.hasExpired(expiration, now)) {
            throw invalid(where + " expired at " + IsoTime.format(expiration) + " (now " + IsoTime.format(now) + ")");
        }
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
}
