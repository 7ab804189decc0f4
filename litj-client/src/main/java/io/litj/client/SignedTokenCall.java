package io.litj.client;

import io.litj.client.internal.NodeCalls;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.auth.SessionSig;
import io.litj.protocol.crypto.Base64Url;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonValue;
import io.litj.threshold.bls.BlsSignature;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code getSignedToken} ({@code lit-node-behaviour.md} §1.6, {@code js-sdk-v7-wire-format.md} §8.5): POSTs
 * {@code {<conditions>, chain, authSig, iat, exp, epoch}} to {@code /web/signing/access_control_condition/v1} on
 * every node; takes the {@code unsignedJwt} most nodes returned, checks that it claims what was asked (issuer
 * {@code LIT}, chain, conditions, {@code iat}, {@code exp}), combines at least {@code minNodeCount} shares over its
 * ASCII bytes, verifies the signature under the network key and returns {@code unsignedJwt.base64url(signature)},
 * as the removed JS SDK {@code getSignedToken} joined them.
 */
final class SignedTokenCall {
    static final String PATH = "/web/signing/access_control_condition/v1";

    private SignedTokenCall() {
    }

    /** @throws LitClientException as {@link LitClient#getSignedToken} */
    static String run(SignedTokenRequest request, ClientConfig cfg, ConnectionState state) {
        var key = state.requireNetworkKey();
        Instant now = cfg.clock().instant();
        long iat = request.issuedAt().orElse(now).getEpochSecond();
        long exp = request.expiresAt().map(Instant::getEpochSecond)
                .orElse(iat + SignedTokenRequest.MAX_LIFETIME.toSeconds());
        List<String> targets = state.nodeUrls();
        SessionPost post = SessionPost.send(cfg, targets, request.sessionSigs(), PATH,
                (url, sig) -> body(request, sig, iat, exp, state.epoch()));
        String requestId = post.requestId();
        List<NodeFailure> failures = new ArrayList<>();
        Map<String, List<BlsShareAnswers.NodeShare>> byJwt = new HashMap<>();
        for (BlsShareAnswers.NodeShare s : BlsShareAnswers.read(post.outcomes(), failures)) {
            if (s.answer().get("unsignedJwt").orElse(null) instanceof JsonValue.JsonString jwt) {
                byJwt.computeIfAbsent(jwt.value(), k -> new ArrayList<>()).add(s);
            } else {
                failures.add(new NodeFailure(s.nodeUrl(), 200, Optional.empty(), "answered without unsignedJwt",
                        List.of()));
            }
        }
        Optional<Map.Entry<String, List<BlsShareAnswers.NodeShare>>> best = byJwt.entrySet().stream()
                .max((a, b) -> Integer.compare(a.getValue().size(), b.getValue().size()));
        if (best.isEmpty() || best.get().getValue().size() < state.minNodeCount()) {
            throw NodeCalls.failed("getSignedToken", failures, targets.size(), requestId);
        }
        String unsigned = best.get().getKey();
        requireAsked(unsigned, request, iat, exp);
        BlsSignature signature = BlsShareAnswers.combine("getSignedToken (request " + requestId + ")",
                best.get().getValue(), state.minNodeCount(), key, unsigned.getBytes(StandardCharsets.US_ASCII));
        return unsigned + "." + Base64Url.encode(signature.toBytes().toByteArray());
    }

    /** The body, in the removed JS SDK's order, with the request's {@code epoch} at the end. */
    static String body(SignedTokenRequest request, SessionSig sig, long iat, long exp, long epoch) {
        return JsJson.stringify(JsonValue.object()
                .put(request.conditions().kind().field(), request.conditions().canonicalArray())
                .put("chain", request.chain())
                .put("authSig", sig.toAuthSig().toJson())
                .put("iat", new JsonValue.JsonNumber(iat))
                .put("exp", new JsonValue.JsonNumber(exp))
                .put("epoch", new JsonValue.JsonNumber(epoch))
                .build());
    }

    /** @throws LitClientException {@code InvalidSignature} when the nodes' token claims something else */
    private static void requireAsked(String unsigned, SignedTokenRequest request, long iat, long exp) {
        int dot = unsigned.indexOf('.');
        if (dot < 0 || unsigned.indexOf('.', dot + 1) >= 0) {
            throw wrong("it is not header.payload");
        }
        JsonValue.JsonObject header = Jwt.object(unsigned.substring(0, dot), "header");
        JwtClaims claims = Jwt.claims(Jwt.object(unsigned.substring(dot + 1), "payload"));
        if (!(header.get("alg").orElse(null) instanceof JsonValue.JsonString alg) || !Jwt.ALG.equals(alg.value())) {
            throw wrong("its header does not say alg " + Jwt.ALG);
        }
        if (!"LIT".equals(claims.issuer()) || !request.chain().equals(claims.chain())
                || claims.issuedAt().getEpochSecond() != iat || claims.expiresAt().getEpochSecond() != exp
                || !claims.conditions().hash().equals(request.conditions().hash())) {
            throw wrong("it claims iss " + claims.issuer() + ", chain " + claims.chain() + ", iat "
                    + claims.issuedAt().getEpochSecond() + ", exp " + claims.expiresAt().getEpochSecond()
                    + ", conditions " + claims.conditions().hashHex() + " but LIT, " + request.chain() + ", " + iat
                    + ", " + exp + ", " + request.conditions().hashHex() + " were asked for");
        }
    }

    private static LitClientException wrong(String why) {
        return new LitClientException(LitErrorCode.InvalidSignature, "getSignedToken: the nodes' unsignedJwt is not"
                + " the token asked for: " + why);
    }
}
