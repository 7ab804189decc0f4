package io.litj.protocol.auth;

import io.litj.protocol.IsoTime;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.crypto.Hex;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.resource.ResourceAbilityRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Signs one {@link SessionSigPayload} per node with a session key, as the JS SDK's {@code getSessionSigs} does
 * after it has the wallet AuthSig (§4.5–4.6): same {@code issuedAt} (now) and {@code expiration} for every node,
 * only {@code nodeAddress} and the signature differ. No node is contacted.
 *
 * <p>Rules ({@link SessionTimeRules}): default lifetime {@value SessionTimeRules#DEFAULT_LIFETIME_HOURS} h; an
 * expiration not after now or more than 30 days after it (what nodes accept) is refused with
 * {@code InvalidArgument} ({@link SessionTimeRules#checkRequestedExpiration}). Capabilities are used in the order
 * given: put capacity-delegation AuthSigs first and the session-granting AuthSig last ({@link #capabilities}).
 *
 * <p>Immutable and thread-safe.
 */
public final class SessionSigIssuer {
    private final Clock clock;

    public SessionSigIssuer(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The JS SDK's capability order: the extra capability AuthSigs, then the session-granting one. */
    public static List<AuthSig> capabilities(List<AuthSig> capabilityAuthSigs, AuthSig sessionGrant) {
        return java.util.stream.Stream.concat(capabilityAuthSigs.stream(), java.util.stream.Stream.of(sessionGrant))
                .toList();
    }

    /** Issues with the default lifetime of 24 hours. */
    public SessionSigs issue(SessionKeyPair key, List<ResourceAbilityRequest> requests, List<AuthSig> capabilities,
                             List<String> nodeUrls) {
        return issue(key, requests, capabilities, clock.instant().plus(SessionTimeRules.DEFAULT_LIFETIME), nodeUrls);
    }

    /**
     * Issues one session sig per node URL.
     *
     * @param expiration when the session sigs stop being accepted (at most 30 days from now)
     * @throws LitProtocolException {@code InvalidArgument} for an empty list or an expiration nodes would refuse
     */
    public SessionSigs issue(SessionKeyPair key, List<ResourceAbilityRequest> requests, List<AuthSig> capabilities,
                             Instant expiration, List<String> nodeUrls) {
        Instant now = clock.instant();
        require(!requests.isEmpty(), "resourceAbilityRequests must not be empty");
        require(!capabilities.isEmpty(), "capabilities must hold at least the session-granting AuthSig");
        require(!nodeUrls.isEmpty(), "at least one node URL is needed");
        SessionTimeRules.checkRequestedExpiration(expiration, now).ifPresent(broken -> {
            throw new LitProtocolException(broken.code(), broken.message());
        });
        String prefix = commonPrefix(key, requests, capabilities, IsoTime.format(now), IsoTime.format(expiration));
        Map<String, SessionSig> out = new LinkedHashMap<>();
        String pub = key.publicKeyHex();
        for (String url : nodeUrls) {
            String message = prefix + JsJson.quote(url) + "}";
            byte[] sig = key.sign(message.getBytes(StandardCharsets.UTF_8));
            out.put(url, new SessionSig(Hex.encode(sig), message, pub));
        }
        return new SessionSigs(out);
    }

    /** The payload text up to the value of {@code nodeAddress}: identical for every node. */
    private static String commonPrefix(SessionKeyPair key, List<ResourceAbilityRequest> requests,
                                       List<AuthSig> capabilities, String issuedAt, String expiration) {
        JsonValue.JsonObject withoutNode = JsonValue.object().put("sessionKey", key.publicKeyHex())
                .put("resourceAbilityRequests", SessionSigPayload.requestsJson(requests))
                .put("capabilities", SessionSigPayload.capabilitiesJson(capabilities))
                .put("issuedAt", issuedAt).put("expiration", expiration).build();
        String json = JsJson.stringify(withoutNode);
        return json.substring(0, json.length() - 1) + ",\"nodeAddress\":";
    }

    private static void require(boolean ok, String problem) {
        if (!ok) {
            throw new LitProtocolException(LitErrorCode.InvalidArgument, problem);
        }
    }
}
