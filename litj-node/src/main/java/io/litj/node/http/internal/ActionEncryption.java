package io.litj.node.http.internal;

import io.litj.node.LitNodeException;
import io.litj.node.acc.ConditionEvaluator;
import io.litj.node.acc.EvaluationContext;
import io.litj.node.actions.ActionHost;
import io.litj.node.actions.ActionHostException;
import io.litj.node.auth.AccAuthGate;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.acc.AccIdentity;
import io.litj.protocol.acc.ConditionKind;
import io.litj.protocol.acc.ConditionSet;
import io.litj.protocol.auth.AuthContext;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.resource.ResourceAbilityRequest;
import io.litj.threshold.ThresholdException;
import io.litj.threshold.bls.TimeLock;
import io.litj.threshold.bls.TimeLockCiphertext;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The access-control functions of one Lit Action run ({@code lit-node-behaviour.md} §6, §13;
 * {@code docs/encryption.md}):
 * <ul>
 *   <li>{@code checkConditions({conditions, authSig, chain})} — whether the conditions hold for the caller;</li>
 *   <li>{@code encrypt({accessControlConditions, to_encrypt})} — {@code {ciphertext, dataToEncryptHash}} under the
 *   network key, as {@code encryptString} makes them;</li>
 *   <li>{@code decryptAndCombine} and {@code decryptToSingleNode} — see {@link ActionDecryption}.</li>
 * </ul>
 * The caller is the address the {@code authSig} argument proves ({@link AccAuthGate}, for the resource the
 * conditions name), or without one the session's proven caller; {@code :currentActionIpfsId} is the running
 * action's CID and {@code :litParam:<name>} its {@code jsParams}. Refusals reject the action's promise with
 * {@code "<code>: <message>"}. Thread-safe.
 */
final class ActionEncryption implements ActionHost {
    /** The functions this host answers. */
    static final List<String> FUNCTIONS = List.of("checkConditions", "encrypt", "decryptAndCombine",
            "decryptToSingleNode");
    /** Largest {@code to_encrypt}: the host's argument budget leaves no room for more as a JSON array anyway. */
    static final int MAX_PLAINTEXT_BYTES = ActionHost.MAX_ARGS_CHARS / 2;

    private final ConditionEvaluator evaluator;
    private final AccAuthGate gate;
    private final RootShareSigner signer;
    private final ActionDecryption decryption;
    private final AuthContext auth;
    private final String actionCid;
    private final Map<String, String> litParams;
    private final SecureRandom random;

    ActionEncryption(ConditionEvaluator evaluator, AccAuthGate gate, RootShareSigner signer,
            ActionDecryption decryption, AuthContext auth, String actionCid, Map<String, String> litParams,
            SecureRandom random) {
        this.evaluator = Objects.requireNonNull(evaluator, "evaluator");
        this.gate = Objects.requireNonNull(gate, "gate");
        this.signer = Objects.requireNonNull(signer, "signer");
        this.decryption = decryption;
        this.auth = Objects.requireNonNull(auth, "auth");
        this.actionCid = Objects.requireNonNull(actionCid, "actionCid");
        this.litParams = Map.copyOf(litParams);
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * The access-control functions of a child action {@code cid} ({@code Lit.Actions.call}): {@code
     * :currentActionIpfsId} is the child's CID; decryptions count with this run's.
     */
    ActionEncryption forAction(String cid) {
        return new ActionEncryption(evaluator, gate, signer, decryption, auth, cid, litParams, random);
    }

    @Override
    public String call(String function, String argsJson) {
        JsonValue.JsonObject args = PermissionArgs.object(argsJson, function, "expects an argument object");
        try {
            return switch (function) {
                case "checkConditions" -> {
                    ConditionSet set = conditions(args, "conditions");
                    yield Boolean.toString(holds(set, caller(args, AccIdentity.signingRequest(set))));
                }
                case "encrypt" -> encrypt(args);
                case "decryptAndCombine", "decryptToSingleNode" -> {
                    if (decryption == null) {
                        throw new ActionHostException("this node does not exchange decryption shares");
                    }
                    yield decryption.decrypt(this, args, function.equals("decryptToSingleNode"));
                }
                default -> throw new ActionHostException("is not an access-control function");
            };
        } catch (LitNodeException e) {
            throw new ActionHostException(e.code().wireName() + ": " + e.getMessage());
        }
    }

    private String encrypt(JsonValue.JsonObject args) {
        ConditionSet set = conditions(args, "accessControlConditions");
        byte[] plaintext = switch (args.get("to_encrypt").orElse(JsonValue.JsonNull.INSTANCE)) {
            case JsonValue.JsonArray a -> PermissionArgs.bytes(a, MAX_PLAINTEXT_BYTES, "to_encrypt");
            case JsonValue.JsonString s -> s.value().getBytes(StandardCharsets.UTF_8);
            default -> throw new ActionHostException("to_encrypt must be a Uint8Array or a string");
        };
        AccIdentity identity = AccIdentity.of(set, plaintext);
        TimeLockCiphertext ciphertext = TimeLock.encrypt(signer.rootPublicKey(), identity.message(), plaintext,
                random);
        return JsJson.stringify(JsonValue.object()
                .put("ciphertext", ciphertext.toBase64())
                .put("dataToEncryptHash", identity.dataToEncryptHash())
                .build());
    }

    /** The condition set under {@code name} (or any of the four kinds' fields), as the endpoints read it. */
    static ConditionSet conditions(JsonValue.JsonObject args, String name) {
        try {
            Optional<JsonValue> list = args.get(name);
            if (list.isPresent() && list.get() != JsonValue.JsonNull.INSTANCE) {
                return ConditionSet.fromJson(unified(list.get()) ? ConditionKind.UNIFIED : ConditionKind.BASIC,
                        list.get());
            }
            return ConditionSet.fromRequest(args);
        } catch (LitProtocolException e) {
            throw new LitNodeException(e.code(), e.getMessage());
        }
    }

    /** Whether a list's conditions carry {@code conditionType}, as unified conditions do. */
    private static boolean unified(JsonValue list) {
        return list instanceof JsonValue.JsonArray a && a.items().stream().anyMatch(item ->
                item instanceof JsonValue.JsonObject o && o.get("conditionType").isPresent());
    }

    /** The proven caller: the {@code authSig} argument's for {@code resource}, else the session's. */
    EthAddress caller(JsonValue.JsonObject args, ResourceAbilityRequest resource) {
        Optional<JsonValue> authSig = args.get("authSig").filter(v -> v != JsonValue.JsonNull.INSTANCE);
        return authSig.isPresent() ? gate.authorize(authSig, resource) : auth.caller();
    }

    /** Whether {@code set} holds for {@code caller} in this action. */
    boolean holds(ConditionSet set, EthAddress caller) {
        return evaluator.evaluate(set, new EvaluationContext(caller, Optional.of(actionCid), litParams));
    }

    RootShareSigner signer() {
        return signer;
    }

    /** {@code ThresholdException}s of parsing, as the action sees them. */
    static LitNodeException refused(ThresholdException e) {
        return new LitNodeException(e.code(), e.getMessage());
    }
}
