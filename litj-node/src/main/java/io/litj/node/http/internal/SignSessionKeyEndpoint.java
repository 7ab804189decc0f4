package io.litj.node.http.internal;

import io.litj.node.LitNodeException;
import io.litj.node.actions.ActionRuntime;
import io.litj.node.auth.LoginLimits;
import io.litj.node.auth.SessionKeyAuthorizer;
import io.litj.node.auth.SessionKeyGrant;
import io.litj.node.auth.SessionKeyRequest;
import io.litj.node.keys.NetworkKeyShares;
import io.litj.node.registry.NodeEntry;
import io.litj.node.registry.Registry;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.Text;
import io.litj.protocol.auth.BlsSessionMessage;
import io.litj.protocol.crypto.Hex;
import io.litj.protocol.json.JsonValue;
import io.litj.threshold.bls.BlsPublicKey;
import io.litj.threshold.bls.BlsSignatureShare;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /web/sign_session_key/v1}: this node's BLS share of the network signature over a session SIWE for a
 * PKP ({@code lit-node-behaviour.md} §1.3, §3; {@code js-sdk-v7-wire-format.md} §5.3–5.4). The client sends the
 * request to every node and combines {@code t} answers into a {@code lit.bls} AuthSig.
 *
 * <p>Here: the request shape ({@code authSig} present: {@code NodeInvalidAuthSigForSessionKey}; {@code curveType}
 * other than {@code BLS}: {@code NodeInvalidCurveType}; missing or mistyped fields, {@code code} not base64 UTF-8
 * text, {@code jsParams} not an object: {@code NodeBadInput}), then {@link SessionKeyAuthorizer} decides and
 * builds the SIWE, then the root key share signs {@link BlsSessionMessage} of it (no share or root key yet:
 * {@code NodeBLSRootKeyNotFound}). The answer, keys in the order Datil nodes write them:
 * {@code {result: "success", signatureShare: {"ProofOfPossession": "<194 hex>"}, shareIndex, curveType: "BLS",
 * siweMessage, dataSigned: "<64 hex>", blsRootPubkey: "<96 hex>"}}; {@code shareIndex} is this node's index, the
 * share's identifier is index + 1. The request's {@code epoch} is ignored: a litj network has one root key.
 */
public final class SignSessionKeyEndpoint implements Endpoint {
    private static final Logger LOG = LoggerFactory.getLogger(SignSessionKeyEndpoint.class);
    private static final String CURVE = "BLS";

    private final RootShareSigner signer;
    private final SessionKeyAuthorizer authorizer;

    public SignSessionKeyEndpoint(NodeEntry self, Registry registry, NetworkKeyShares keys, ActionRuntime runtime,
                                  Clock clock, LoginLimits loginLimits) {
        this.signer = new RootShareSigner(self, keys);
        this.authorizer = new SessionKeyAuthorizer(registry, runtime, clock, loginLimits);
    }

    @Override
    public NodeResponse handle(NodeRequest request) {
        SessionKeyRequest parsed = parse(request);
        SessionKeyGrant grant = authorizer.authorize(parsed);
        BlsPublicKey root = signer.rootPublicKey();
        byte[] toSign = BlsSessionMessage.of(grant.siweMessage());
        BlsSignatureShare signature = signer.sign(toSign);
        LOG.debug("[{}] signed a session SIWE for PKP {} and {}", request.correlationId(), grant.pkp().ethAddress(),
                parsed.sessionKey());
        return NodeResponse.ok(JsonValue.object()
                .put("result", "success")
                .put("signatureShare", RootShareSigner.wire(signature))
                .put("shareIndex", new JsonValue.JsonNumber(signer.index()))
                .put("curveType", CURVE)
                .put("siweMessage", grant.siweMessage())
                .put("dataSigned", Hex.encode(toSign))
                .put("blsRootPubkey", root.toHex())
                .build());
    }

    private static SessionKeyRequest parse(NodeRequest request) {
        JsonValue.JsonObject body = request.body();
        if (RequestBodies.present(body, "authSig")) {
            throw new LitNodeException(LitErrorCode.NodeInvalidAuthSigForSessionKey,
                    "authSig is not accepted by sign_session_key; prove the session with authMethods or a Lit Action");
        }
        Optional<String> curve = RequestBodies.optionalString(body, "curveType");
        if (curve.isEmpty() || !curve.get().equals(CURVE)) {
            throw new LitNodeException(LitErrorCode.NodeInvalidCurveType, "curveType must be " + CURVE + " but is "
                    + curve.map(c -> "'" + Text.cut(c) + "'").orElse("missing"));
        }
        return new SessionKeyRequest(
                RequestBodies.requiredString(body, "sessionKey"),
                authMethods(body),
                RequestBodies.optionalString(body, "pkpPublicKey"),
                RequestBodies.requiredString(body, "siweMessage"),
                RequestBodies.optionalString(body, "code").map(RequestBodies::codeBytes).map(RequestBodies::codeText),
                RequestBodies.optionalString(body, "litActionIpfsId"),
                RequestBodies.jsParams(body),
                Map.of("x-correlation-id", request.correlationId()));
    }

    private static List<SessionKeyRequest.AuthMethod> authMethods(JsonValue.JsonObject body) {
        JsonValue value = body.get("authMethods").filter(v -> !(v instanceof JsonValue.JsonNull))
                .orElseThrow(() -> new LitNodeException(LitErrorCode.NodeBadInput,
                        "authMethods is missing (send [] when a Lit Action alone authorizes)"));
        if (!(value instanceof JsonValue.JsonArray array)) {
            throw new LitNodeException(LitErrorCode.NodeBadInput, "authMethods must be an array");
        }
        List<SessionKeyRequest.AuthMethod> out = new ArrayList<>();
        for (int i = 0; i < array.items().size(); i++) {
            String where = "authMethods[" + i + "]";
            if (!(array.items().get(i) instanceof JsonValue.JsonObject item)) {
                throw new LitNodeException(LitErrorCode.NodeBadInput, where + " must be an object");
            }
            JsonValue type = item.get("authMethodType").orElse(JsonValue.JsonNull.INSTANCE);
            if (!(type instanceof JsonValue.JsonNumber n) || n.value() < 0 || n.value() > Integer.MAX_VALUE
                    || n.value() != Math.rint(n.value())) {
                throw new LitNodeException(LitErrorCode.NodeBadInput, where + ".authMethodType must be a "
                        + "non-negative integer");
            }
            if (!(item.get("accessToken").orElse(JsonValue.JsonNull.INSTANCE) instanceof JsonValue.JsonString t)) {
                throw new LitNodeException(LitErrorCode.NodeBadInput, where + ".accessToken must be a string");
            }
            out.add(new SessionKeyRequest.AuthMethod((int) n.value(), t.value()));
        }
        return out;
    }
}
