package io.litj.node.http.internal;

import io.litj.node.LitNodeException;
import io.litj.node.actions.ActionHost;
import io.litj.node.actions.ActionHostException;
import io.litj.node.auth.PkpSignAuthorizer;
import io.litj.node.auth.PkpSignGrant;
import io.litj.node.ecdsa.ActionCombiner;
import io.litj.node.ecdsa.PkpSigner;
import io.litj.node.ecdsa.SignatureShare;
import io.litj.node.registry.PkpPermission;
import io.litj.protocol.auth.AuthContext;
import io.litj.protocol.crypto.Bytes;
import io.litj.protocol.crypto.Eip191;
import io.litj.threshold.ecdsa.EcdsaSignature;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The PKP signing functions of one Lit Action run ({@code lit-node-behaviour.md} §1.8, §13;
 * {@code js-sdk-v7-wire-format.md} §8.2):
 * <ul>
 *   <li>{@code signEcdsa({toSign, publicKey, sigName})} — {@code toSign} 32 bytes, scope 1 (sign anything);</li>
 *   <li>{@code ethPersonalSignMessageEcdsa({message, publicKey, sigName})} — the EIP-191 hash of {@code message}
 *   (text, or bytes; at most {@value #MAX_MESSAGE_BYTES}), scope 2 (personal sign) suffices;</li>
 *   <li>{@code signAndCombineEcdsa({toSign, publicKey, sigName})} — as {@code signEcdsa}, but the nodes exchange
 *   their shares and combine them ({@link ActionCombiner}); the action gets the verified signature as Datil gives
 *   it, JSON text {@code {"r":"<02|03><64 hex>","s":"<64 hex>","v":<0|1>}} (lowercase; {@code r} is the
 *   compressed {@code R} whose parity {@code v} names), and {@code signedData} gets no entry for it.</li>
 * </ul>
 * The PKP must permit the action's CID or the session's caller ({@link PkpSignAuthorizer#authorizeAction}); the
 * node's share then comes from the {@link PkpSigner}, with the signing set ranked by the request id and the
 * {@code sigName}. Each share lands in {@link #signedData()} under its {@code sigName}, in the form the JS SDK
 * combines (values uppercase hex in JSON quotes; a node outside the signing set sends empty {@code signatureShare}
 * and {@code bigR}, which the SDK skips). At most {@value #MAX_SIGNATURES} signatures per run, names unique.
 * Thread-safe.
 */
final class ActionSigner implements ActionHost {
    static final int MAX_SIGNATURES = 8;
    static final int MAX_MESSAGE_BYTES = 64 << 10;
    private static final Pattern SIG_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private final PkpSignAuthorizer authorizer;
    private final PkpSigner signer;
    private final ActionCombiner combiner;
    private final AuthContext auth;
    private final String actionCid;
    private final String requestId;
    /** The run's signatures by name, shared with its child actions; guarded by itself. */
    private final Map<String, JsonValue> signedData;

    ActionSigner(PkpSignAuthorizer authorizer, PkpSigner signer, AuthContext auth, String actionCid,
            String requestId) {
        this(authorizer, signer, new ActionCombiner(signer), auth, actionCid, requestId, new LinkedHashMap<>());
    }

    private ActionSigner(PkpSignAuthorizer authorizer, PkpSigner signer, ActionCombiner combiner, AuthContext auth,
            String actionCid, String requestId, Map<String, JsonValue> signedData) {
        this.authorizer = authorizer;
        this.signer = signer;
        this.combiner = combiner;
        this.auth = auth;
        this.actionCid = actionCid;
        this.requestId = requestId;
        this.signedData = signedData;
    }

    /**
     * The signing functions of a child action {@code cid} ({@code Lit.Actions.call}): permitted by the child's CID,
     * its signatures counted with this run's and landing in this run's {@link #signedData()}.
     */
    ActionSigner forAction(String cid) {
        return new ActionSigner(authorizer, signer, combiner, auth, cid, requestId, signedData);
    }

    @Override
    public String call(String function, String argsJson) {
        JsonValue.JsonObject args = PermissionArgs.object(argsJson, function,
                "expects an object like {toSign, publicKey, sigName}");
        String sigName = string(args, "sigName");
        if (!SIG_NAME.matcher(sigName).matches()) {
            throw new ActionHostException("sigName must be 1 to 64 letters, digits, '_', '.' or '-'");
        }
        boolean personal = function.equals("ethPersonalSignMessageEcdsa");
        boolean combine = function.equals("signAndCombineEcdsa");
        JsonValue toSign = personal ? bytesJson(Eip191.hash(message(args))) : args.get("toSign")
                .orElse(JsonValue.JsonNull.INSTANCE);
        reserve(sigName);
        try {
            PkpSignGrant grant = authorizer.authorizeAction(auth, actionCid, toSign, args.get("publicKey")
                    .orElse(JsonValue.JsonNull.INSTANCE), personal ? PkpPermission.SCOPE_PERSONAL_SIGN
                    : PkpPermission.SCOPE_SIGN_ANYTHING);
            if (combine) {
                return JsJson.quote(datilJson(combiner.signAndCombine(grant, requestId + "\n" + sigName)));
            }
            Optional<SignatureShare> share = signer.sign(grant, requestId + "\n" + sigName);
            record(sigName, entry(sigName, grant, share));
            return "\"success\"";
        } catch (LitNodeException e) {
            release(sigName);
            throw new ActionHostException(e.code().wireName() + ": " + e.getMessage());
        }
    }

    /** {@code signedData} of the execute response: one share object per {@code sigName}. */
    JsonValue.JsonObject signedData() {
        JsonValue.ObjectBuilder b = JsonValue.object();
        synchronized (signedData) {
            signedData.forEach((k, v) -> {
                if (v != null) {
                    b.put(k, v);
                }
            });
        }
        return b.build();
    }

    private void reserve(String sigName) {
        synchronized (signedData) {
            if (signedData.containsKey(sigName)) {
                throw new ActionHostException("sigName " + sigName + " is used twice in this action");
            }
            if (signedData.size() >= MAX_SIGNATURES) {
                throw new ActionHostException("an action signs at most " + MAX_SIGNATURES + " times");
            }
            signedData.put(sigName, null);
        }
    }

    private void release(String sigName) {
        synchronized (signedData) {
            signedData.remove(sigName);
        }
    }

    private void record(String sigName, JsonValue entry) {
        synchronized (signedData) {
            signedData.put(sigName, entry);
        }
    }

    private static JsonValue entry(String sigName, PkpSignGrant grant, Optional<SignatureShare> share) {
        return JsonValue.object()
                .put("sigType", "K256")
                .put("dataSigned", quoted(grant.digest()))
                .put("signatureShare", share.map(s -> quoted(s.share())).orElse(""))
                .put("shareIndex", new JsonValue.JsonNumber(0))
                .put("bigR", share.map(s -> quoted(s.bigR())).orElse(""))
                .put("publicKey", quoted(Bytes.fromHex(grant.pkp().publicKey(), "publicKey")))
                .put("sigName", sigName)
                .build();
    }

    /** The signature as Datil's {@code signAndCombineEcdsa} gives it. */
    static String datilJson(EcdsaSignature signature) {
        return JsJson.stringify(JsonValue.object()
                .put("r", (signature.recid() == 0 ? "02" : "03") + signature.r().hex())
                .put("s", signature.s().hex())
                .put("v", new JsonValue.JsonNumber(signature.recid()))
                .build());
    }

    private static String quoted(Bytes value) {
        return "\"" + value.hex().toUpperCase(Locale.ROOT) + "\"";
    }

    private static String string(JsonValue.JsonObject args, String name) {
        if (args.get(name).orElse(null) instanceof JsonValue.JsonString s) {
            return s.value();
        }
        throw new ActionHostException(name + " must be a string");
    }

    private static byte[] message(JsonValue.JsonObject args) {
        JsonValue m = args.get("message").orElse(JsonValue.JsonNull.INSTANCE);
        if (m instanceof JsonValue.JsonString s) {
            byte[] bytes = s.value().getBytes(StandardCharsets.UTF_8);
            if (bytes.length <= MAX_MESSAGE_BYTES) {
                return bytes;
            }
        } else if (m instanceof JsonValue.JsonArray a && a.items().size() <= MAX_MESSAGE_BYTES) {
            return PermissionArgs.bytes(a, MAX_MESSAGE_BYTES, "message");
        }
        throw new ActionHostException("message must be text or bytes, at most " + MAX_MESSAGE_BYTES + " bytes");
    }

    private static JsonValue bytesJson(byte[] bytes) {
        List<JsonValue> out = new ArrayList<>();
        for (byte b : bytes) {
            out.add(new JsonValue.JsonNumber(b & 0xff));
        }
        return new JsonValue.JsonArray(out);
    }
}
