package io.litj.client.testing;

import io.litj.client.RawHttpResponse;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.acc.AccIdentity;
import io.litj.protocol.acc.ConditionKind;
import io.litj.protocol.acc.ConditionSet;
import io.litj.protocol.crypto.Base64Url;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import io.litj.threshold.bls.BlsSecretKeyShare;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The answers of {@link FakeBlsNetwork}'s nodes to {@code /web/encryption/sign/} (a share over the identity) and
 * {@code /web/signing/access_control_condition/v1} (a share over the unsigned JWT they build), with switches to
 * make a node refuse, sign another identity, or claim something else in its JWT. The conditions are not evaluated.
 */
public final class FakeAccAnswers {
    public static final String ENCRYPTION_SIGN = "/web/encryption/sign/";
    public static final String SIGN_ACCS = "/web/signing/access_control_condition/v1";
    public static final String SUBJECT = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";

    private final Map<Integer, LitErrorCode> refusals = new ConcurrentHashMap<>();
    private volatile String signedDataHash;
    private volatile UnaryOperator<String> payloadEdit = UnaryOperator.identity();

    /** Node {@code node} answers every request with {@code code}. */
    public FakeAccAnswers refuse(int node, LitErrorCode code) {
        refusals.put(node, code);
        return this;
    }

    /** Every node signs the identity with this data hash instead of the requested one. */
    public FakeAccAnswers signDataHash(String dataHash) {
        this.signedDataHash = dataHash;
        return this;
    }

    /** Every node edits its JWT payload JSON text with {@code edit} before signing. */
    public FakeAccAnswers editPayload(UnaryOperator<String> edit) {
        this.payloadEdit = edit;
        return this;
    }

    RawHttpResponse answer(RecordingNodeTransport.Call call, int node, BlsSecretKeyShare share) {
        LitErrorCode refusal = refusals.get(node);
        if (refusal != null) {
            return new RawHttpResponse(refusal.httpStatus(), "application/json", JsJson.stringify(JsonValue.object()
                    .put("errorKind", "Validation").put("errorCode", refusal.wireName()).put("message", "refused")
                    .build()));
        }
        JsonValue.JsonObject body = JsonReader.parseObject(call.body(), LitErrorCode.NodeParserError, "body");
        ConditionSet conditions = ConditionSet.fromRequest(body);
        JsonValue.ObjectBuilder answer = JsonValue.object().put("result", "success");
        byte[] message;
        String unsignedJwt = null;
        if (call.path().equals(ENCRYPTION_SIGN)) {
            String dataHash = signedDataHash != null ? signedDataHash
                    : ((JsonValue.JsonString) body.get("dataToEncryptHash").orElseThrow()).value();
            message = new AccIdentity(conditions.hashHex(), dataHash).message();
        } else {
            unsignedJwt = unsignedJwt(body, conditions);
            message = unsignedJwt.getBytes(StandardCharsets.US_ASCII);
        }
        answer.put("signatureShare", JsonReader.parse(share.sign(message).toWireJson(), LitErrorCode.NodeParserError,
                "share")).put("shareIndex", new JsonValue.JsonNumber(share.identifier() - 1));
        if (unsignedJwt != null) {
            answer.put("unsignedJwt", unsignedJwt);
        }
        return new RawHttpResponse(200, "application/json", JsJson.stringify(answer.build()));
    }

    private String unsignedJwt(JsonValue.JsonObject body, ConditionSet conditions) {
        JsonValue.ObjectBuilder payload = JsonValue.object().put("iss", "LIT").put("sub", SUBJECT)
                .put("chain", body.get("chain").orElseThrow())
                .put("iat", body.get("iat").orElseThrow()).put("exp", body.get("exp").orElseThrow());
        for (ConditionKind kind : ConditionKind.values()) {
            payload.put(kind.field(), kind == conditions.kind() ? conditions.canonicalArray()
                    : JsonValue.JsonNull.INSTANCE);
        }
        return Base64Url.encode("{\"alg\":\"BLS12-381\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + Base64Url.encode(payloadEdit.apply(JsJson.stringify(payload.build()))
                .getBytes(StandardCharsets.UTF_8));
    }
}
