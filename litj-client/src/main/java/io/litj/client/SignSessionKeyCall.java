package io.litj.client;

import io.litj.client.internal.NodeCalls;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.auth.AuthSig;
import io.litj.protocol.auth.BlsSessionMessage;
import io.litj.protocol.crypto.Hex;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonValue;
import io.litj.threshold.ThresholdException;
import io.litj.threshold.bls.BlsCombiner;
import io.litj.threshold.bls.BlsPublicKey;
import io.litj.threshold.bls.BlsSignature;
import io.litj.threshold.bls.BlsSignatureShare;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code signSessionKey} ({@code js-sdk-v7-wire-format.md} §5.2–5.4): asks every node to BLS-sign a SIWE that
 * delegates a PKP to the session key, after the node checked the auth methods / Lit Action and the PKP's
 * permissions; takes the SIWE most nodes returned, checks {@code dataSigned} itself, combines at least {@code t}
 * shares and keeps the result only if it verifies under the network key — the {@code lit.bls} AuthSig.
 */
final class SignSessionKeyCall {
    static final String PATH = "/web/sign_session_key/v1";

    private SignSessionKeyCall() {
    }

    /**
     * One {@code sign_session_key} round for {@code request}, asking for a grant of {@code params} (the SIWE the
     * client proposes); the combined {@code lit.bls} AuthSig, verified under the network key.
     *
     * @throws LitClientException {@code InitError} when the network has no BLS key; {@code NodeError} (or
     *         {@code NoValidShares}) when fewer than {@code t} nodes answer with agreeing valid shares;
     *         {@code InvalidSignature} when the shares do not combine into a signature the network key verifies
     */
    static AuthSig run(PkpSessionRequest request, AuthCallbackParams params, ClientConfig cfg,
                       ConnectionState state) {
        BlsPublicKey networkKey = state.requireNetworkKey();
        String siwe = params.toSiwe(request.pkpAddress(), cfg.clock()).render();
        JsonValue.JsonObject body = body(request, params.uri(), siwe, state.epoch());
        String json = JsJson.stringify(body);
        List<NodeCalls.Outcome> outcomes = NodeCalls.postAll(cfg.transport(), state.nodeUrls(), PATH, url -> json,
                NodeCalls.newRequestId(cfg.random()), cfg.requestTimeout());
        Map<String, List<BlsSignatureShare>> bySiwe = new HashMap<>();
        List<NodeFailure> failures = new ArrayList<>();
        for (NodeCalls.Outcome o : outcomes) {
            o.failure().ifPresent(failures::add);
            o.answer().ifPresent(a -> read(o.nodeUrl(), a, failures)
                    .ifPresent(r -> bySiwe.computeIfAbsent(r.siwe(), k -> new ArrayList<>()).add(r.share())));
        }
        Optional<Map.Entry<String, List<BlsSignatureShare>>> best = bySiwe.entrySet().stream()
                .max((a, b) -> Integer.compare(a.getValue().size(), b.getValue().size()));
        int t = state.minNodeCount();
        if (best.isEmpty() || best.get().getValue().size() < t) {
            List<NodeFailure> ordered = NodeCalls.ordered(failures);
            throw new LitClientException(failures.isEmpty() ? LitErrorCode.NoValidShares : LitErrorCode.NodeError,
                    "sign_session_key: " + best.map(e -> e.getValue().size()).orElse(0) + " agreeing valid shares, "
                            + t + " needed" + (ordered.isEmpty() ? "" : "; " + NodeCalls.describeAll(ordered)),
                    ordered);
        }
        String nodeSiwe = best.get().getKey();
        byte[] message = BlsSessionMessage.of(nodeSiwe);
        BlsSignature signature;
        try {
            signature = BlsCombiner.combineAndVerify(best.get().getValue(), t, networkKey, message);
        } catch (ThresholdException e) {
            throw new LitClientException(LitErrorCode.InvalidSignature, "the nodes' signature shares do not "
                    + "combine into a signature the network key verifies: " + e.getMessage(), e);
        }
        return AuthSig.bls(signature.toWireJson(), nodeSiwe, request.pkpAddress().toChecksumString());
    }

    private static JsonValue.JsonObject body(PkpSessionRequest request, String sessionKeyUri, String siwe, long epoch) {
        List<JsonValue> methods = new ArrayList<>();
        request.authMethods().forEach(m -> methods.add(JsonValue.object()
                .put("authMethodType", new JsonValue.JsonNumber(m.authMethodType()))
                .put("accessToken", m.accessToken()).build()));
        JsonValue.ObjectBuilder b = JsonValue.object()
                .put("sessionKey", sessionKeyUri)
                .put("authMethods", new JsonValue.JsonArray(methods))
                .put("pkpPublicKey", request.publicKeyHex())
                .put("siweMessage", siwe)
                .put("curveType", "BLS");
        request.litActionCode().ifPresent(c -> b.put("code",
                Base64.getEncoder().encodeToString(c.getBytes(StandardCharsets.UTF_8))));
        request.litActionIpfsId().ifPresent(id -> b.put("litActionIpfsId", id));
        request.jsParams().ifPresent(p -> b.put("jsParams", p));
        return b.put("epoch", new JsonValue.JsonNumber(epoch)).build();
    }

    private record Answer(String siwe, BlsSignatureShare share) {
    }

    /** A valid answer, or a failure recorded for it. */
    private static Optional<Answer> read(String url, JsonValue.JsonObject a, List<NodeFailure> failures) {
        try {
            String siwe = string(a, "siweMessage");
            String dataSigned = string(a, "dataSigned");
            if (!"success".equals(string(a, "result")) || !"BLS".equals(string(a, "curveType"))) {
                throw new LitClientException(LitErrorCode.NoValidShares, "result is not success or curve not BLS");
            }
            if (!dataSigned.equalsIgnoreCase(Hex.encode(BlsSessionMessage.of(siwe)))) {
                throw new LitClientException(LitErrorCode.NoValidShares,
                        "dataSigned is not SHA-256(\"lit_session:\" + keccak(EIP-191(siweMessage)))");
            }
            JsonValue share = a.get("signatureShare").orElseThrow(() ->
                    new LitClientException(LitErrorCode.NoValidShares, "no signatureShare"));
            return Optional.of(new Answer(siwe, BlsSignatureShare.parseWire(JsJson.stringify(share))));
        } catch (LitClientException | LitProtocolException | ThresholdException | ClassCastException e) {
            failures.add(new NodeFailure(url, 200, Optional.empty(), "unusable sign_session_key answer: "
                    + e.getMessage(), List.of()));
            return Optional.empty();
        }
    }

    private static String string(JsonValue.JsonObject o, String name) {
        return ((JsonValue.JsonString) o.get(name).orElseThrow(() ->
                new LitClientException(LitErrorCode.NoValidShares, "no " + name))).value();
    }
}
