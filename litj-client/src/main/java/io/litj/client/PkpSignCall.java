package io.litj.client;

import io.litj.client.internal.NodeCalls;
import io.litj.protocol.auth.SessionSig;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code pkpSign} ({@code js-sdk-v7-wire-format.md} §8.1, §8.3): check the session sigs locally, POST
 * {@code /web/pkp/sign/v1} to every connected node with {@code {toSign, pubkey, authSig, epoch}} (the JS SDK's body,
 * that node's own session sig), require every answer to succeed, and combine the shares
 * ({@link ShareCombination}) into a signature verified under the PKP key.
 */
final class PkpSignCall {
    static final String PATH = "/web/pkp/sign/v1";

    private PkpSignCall() {
    }

    /** @throws LitClientException as {@link LitClient#pkpSign} */
    static PkpSignature run(PkpSignRequest request, ClientConfig cfg, ConnectionState state) {
        List<String> targets = state.nodeUrls();
        SessionPost post = SessionPost.send(cfg, targets, request.sessionSigs(), PATH,
                (url, sig) -> body(request, sig, state.epoch()));
        String requestId = post.requestId();
        List<NodeFailure> failures = new ArrayList<>();
        Map<String, JsonValue> shares = new LinkedHashMap<>();
        Map<String, JsonValue> checks = new LinkedHashMap<>();
        for (NodeCalls.Outcome o : post.outcomes()) {
            o.failure().ifPresent(failures::add);
            o.answer().ifPresent(a -> {
                if (a.get("success").orElse(null) instanceof JsonValue.JsonBoolean ok && ok.value()) {
                    shares.put(o.nodeUrl(), a.get("signatureShare").orElse(JsonValue.JsonNull.INSTANCE));
                    a.get(ShareChecks.MEMBER).ifPresent(c -> checks.put(o.nodeUrl(), c));
                } else {
                    failures.add(new NodeFailure(o.nodeUrl(), 200, Optional.empty(), "answered without"
                            + " success=true", List.of()));
                }
            });
        }
        if (!failures.isEmpty()) {
            throw NodeCalls.failed("pkpSign", failures, targets.size(), requestId);
        }
        return ShareCombination.combine("pkpSign (request " + requestId + ")", shares, checks,
                Optional.of(request.publicKey()), Optional.of(request.toSign()), state.minNodeCount());
    }

    /** {@code {"toSign":[…],"pubkey":"0x…","authSig":{…},"epoch":n}}, in the JS SDK's order. */
    static String body(PkpSignRequest request, SessionSig sig, long epoch) {
        List<JsonValue> bytes = new ArrayList<>(32);
        for (byte b : request.toSign().toByteArray()) {
            bytes.add(new JsonValue.JsonNumber(b & 0xff));
        }
        return JsJson.stringify(JsonValue.object()
                .put("toSign", new JsonValue.JsonArray(bytes))
                .put("pubkey", request.publicKey().hex0x())
                .put("authSig", sig.toAuthSig().toJson())
                .put("epoch", new JsonValue.JsonNumber(epoch))
                .build());
    }
}
