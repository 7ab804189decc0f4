package io.litj.client;

import static io.litj.protocol.testing.JsonAccess.array;
import static io.litj.protocol.testing.JsonAccess.object;
import static io.litj.protocol.testing.JsonAccess.string;
import static io.litj.protocol.testing.JsonAccess.strings;
import static io.litj.protocol.testing.SessionCases.describeDifference;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.client.testing.FakeLitNetwork;
import io.litj.client.testing.RecordingNodeTransport;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.auth.AuthSig;
import io.litj.protocol.auth.SessionKeyPair;
import io.litj.protocol.auth.SessionSig;
import io.litj.protocol.auth.SessionSigs;
import io.litj.protocol.crypto.Hex;
import io.litj.protocol.crypto.PrivateKeyEthSigner;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.testing.InteropRuns;
import io.litj.protocol.testing.SessionCases;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The real JS SDK 7.4.0 as referee for the client API: for every case of {@code interop/gen-session-cases.mjs} that
 * calls {@code createCapacityDelegationAuthSig} (frozen clock, fixed nonce, see {@code interop/README.md}), the same
 * inputs go through {@link LitClient#createCapacityDelegationAuthSig} and then {@link LitClient#getSessionSigs} with
 * the delegation in {@code capabilityAuthSigs}, on a client connected (through a fake transport answering only the
 * handshake, with the case's nonce) to the case's node URLs. The delegation AuthSig and every node's session sig must
 * equal the SDK's JSON byte for byte. All differences of all cases are reported together.
 */
class LitClientCapacityJsSdkTest {
    /**
     * Inputs the JS SDK signs but this client refuses on purpose, by case id, with the code expected: {@code uses: 0}
     * makes a delegation that pays for nothing ({@link CapacityDelegationRequest} wants at least 1).
     */
    private static final Map<String, LitErrorCode> KNOWN_DEVIATIONS =
            Map.of("capacity-two-delegatees-uses-zero", LitErrorCode.InvalidArgument);
    /**
     * The case whose wallet grant has a wildcard ACC entry shadowing an exact grant: Lit nodes refuse it, so the
     * client refuses the fresh grant with {@code InvalidSignature} (the delegation itself is still compared).
     */
    private static final String SHADOWED = "everything-at-once";

    @Test
    void everyCapacityCase_delegationAndSessionSigs_areByteIdenticalToTheJsSdk() {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (JsonValue.JsonObject c : SessionCases.cases()) {
            JsonValue.JsonObject in = object(c, "input");
            if (!(in.get("capacity").orElseThrow() instanceof JsonValue.JsonObject capacity)) {
                continue;
            }
            String id = string(c, "id");
            checked++;
            try {
                check(id, in, capacity, object(c, "output"), failures);
            } catch (LitClientException e) {
                failures.add(id + ": the client threw " + e);
            }
        }
        assertTrue(checked >= 8, "only " + checked + " capacity cases");
        InteropRuns.assertNoDifferences(failures, checked);
    }

    private static void check(String id, JsonValue.JsonObject in, JsonValue.JsonObject cap, JsonValue.JsonObject out,
                              List<String> failures) {
        Clock clock = Clock.fixed(Instant.parse(string(in, "now")), ZoneOffset.UTC);
        String nonce = string(in, "nonce");
        RecordingNodeTransport handshakes = new RecordingNodeTransport(call -> new RawHttpResponse(200,
                "application/json", JsJson.stringify(FakeLitNetwork.handshakeAnswer(FakeLitNetwork.NETWORK_KEY,
                nonce))));
        try (LitClient client = LitClient.builder().nodeUrls(strings(in, "nodeUrls")).allowPlainHttp().clock(clock)
                .transport(handshakes).build()) {
            PrivateKeyEthSigner wallet = PrivateKeyEthSigner.fromHex(string(in, "walletPrivateKey"));
            PrivateKeyEthSigner owner = optional(cap, "ownerPrivateKey").map(PrivateKeyEthSigner::fromHex)
                    .orElse(wallet);
            CapacityDelegationRequest request;
            try {
                request = delegationRequest(owner, cap);
            } catch (LitClientException e) {
                if (e.code() != KNOWN_DEVIATIONS.get(id)) {
                    failures.add(id + ": the options were refused: " + e);
                }
                return;
            }
            if (KNOWN_DEVIATIONS.containsKey(id)) {
                failures.add(id + ": listed as refused with " + KNOWN_DEVIATIONS.get(id) + " but accepted");
                return;
            }
            AuthSig delegation = client.createCapacityDelegationAuthSig(request);
            same(failures, id, "capacity AuthSig JSON", string(out, "capacityAuthSigJson"), delegation.toJsonString());
            SessionTerms.Builder terms = SessionTerms.builder()
                    .resourceAbilityRequests(SessionCases.requests(array(in, "resourceAbilityRequests")))
                    .capabilityAuthSigs(List.of(delegation));
            optional(in, "expiration").map(Instant::parse).ifPresent(terms::expiration);
            optional(in, "statement").ifPresent(terms::statement);
            optional(in, "domain").ifPresent(terms::domain);
            SessionRequest session = SessionRequest.builder().terms(terms.build()).signer(wallet)
                    .sessionKey(SessionKeyPair.fromSeed(Hex.decode(string(in, "sessionSeed"), "sessionSeed"))).build();
            if (id.equals(SHADOWED)) {
                LitErrorCode code = refusal(() -> client.getSessionSigs(session));
                if (code != LitErrorCode.InvalidSignature) {
                    failures.add(id + ": the wallet grant nodes would refuse was not refused before use: " + code);
                }
                return;
            }
            SessionSigs sigs = client.getSessionSigs(session);
            for (Map.Entry<String, JsonValue> node : object(out, "sessionSigJsonByNode").members().entrySet()) {
                Optional<SessionSig> made = sigs.forNode(node.getKey());
                same(failures, id, "session sig for " + node.getKey(),
                        ((JsonValue.JsonString) node.getValue()).value(),
                        made.map(s -> s.toAuthSig().toJsonString()).orElse("<none>"));
            }
        }
    }

    private static LitErrorCode refusal(Runnable call) {
        try {
            call.run();
            return null;
        } catch (LitClientException e) {
            return e.code();
        }
    }

    /** The case's options, each set only when the case passed it to the SDK. */
    private static CapacityDelegationRequest delegationRequest(PrivateKeyEthSigner owner, JsonValue.JsonObject cap) {
        CapacityDelegationRequest.Builder b = CapacityDelegationRequest.builder(owner);
        optional(cap, "capacityTokenId").ifPresent(b::capacityTokenId);
        if (cap.get("delegateeAddresses").orElseThrow() instanceof JsonValue.JsonArray) {
            b.delegateeAddresses(strings(cap, "delegateeAddresses"));
        }
        JsonValue uses = cap.get("uses").orElseThrow();
        if (uses != JsonValue.JsonNull.INSTANCE) {
            b.uses(Long.parseLong(SessionCases.jsToString(uses)));
        }
        optional(cap, "expiration").map(Instant::parse).ifPresent(b::expiration);
        optional(cap, "domain").ifPresent(b::domain);
        optional(cap, "statement").ifPresent(b::statement);
        return b.build();
    }

    private static Optional<String> optional(JsonValue.JsonObject o, String key) {
        return o.get(key).filter(v -> v != JsonValue.JsonNull.INSTANCE).map(v -> ((JsonValue.JsonString) v).value());
    }

    private static void same(List<String> failures, String id, String what, String js, String java) {
        if (!js.equals(java)) {
            failures.add(id + ": " + what + " differs " + describeDifference(js, java));
        }
    }
}
