package io.litj.protocol.auth;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonFields;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An auth signature object: {@code {sig, derivedVia, signedMessage, address[, algo]}}. It is the wallet's SIWE
 * signature, a network BLS signature, or (with {@code derivedVia = litSessionSignViaNacl}) a session signature.
 *
 * <p>JSON is strict as on Lit nodes: exactly these keys (unknown or duplicate keys are refused), all strings.
 * The key order is remembered, so that re-serializing gives the JS SDK's bytes (EOA:
 * {@code sig, derivedVia, signedMessage, address}; BLS: {@code sig, algo, derivedVia, signedMessage, address}).
 *
 * <p>Security: a bearer credential until its SIWE expires. {@link #toString()} shows kind, address and message size,
 * never the signature or the message.
 */
public record AuthSig(String sig, String derivedVia, String signedMessage, String address, Optional<String> algo,
                      List<String> keyOrder) {
    public static final String WALLET_DERIVED_VIA = "web3.eth.personal.sign";
    public static final String SESSION_DERIVED_VIA = "litSessionSignViaNacl";
    public static final String SESSION_ALGO = "ed25519";
    public static final String BLS_DERIVED_VIA = "lit.bls";
    public static final String BLS_ALGO = "LIT_BLS";
    /** A contract wallet's AuthSig (EIP-1271) over the EIP-191 hash of its message. */
    public static final String CONTRACT_DERIVED_VIA = "EIP1271";
    /** A contract wallet's AuthSig (EIP-1271) over the SHA-256 of its message. */
    public static final String CONTRACT_SHA256_DERIVED_VIA = "EIP1271_SHA256";
    private static final Set<String> KEYS = Set.of("sig", "derivedVia", "signedMessage", "address", "algo");
    private static final List<String> EOA_ORDER = List.of("sig", "derivedVia", "signedMessage", "address", "algo");
    private static final List<String> BLS_ORDER = List.of("sig", "algo", "derivedVia", "signedMessage", "address");

    public AuthSig {
        Objects.requireNonNull(sig, "sig");
        Objects.requireNonNull(derivedVia, "derivedVia");
        Objects.requireNonNull(signedMessage, "signedMessage");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(algo, "algo");
        keyOrder = List.copyOf(keyOrder);
        List<String> expected = new ArrayList<>(List.of("sig", "derivedVia", "signedMessage", "address"));
        algo.ifPresent(a -> expected.add("algo"));
        if (keyOrder.size() != expected.size() || !keyOrder.containsAll(expected)) {
            throw new LitProtocolException(LitErrorCode.InvalidArgument,
                    "AuthSig keyOrder " + keyOrder + " must list exactly " + expected);
        }
    }

    /** An AuthSig with the JS SDK's {@code generateAuthSig} key order. */
    public static AuthSig of(String sig, String derivedVia, String signedMessage, String address,
                             Optional<String> algo) {
        List<String> order = EOA_ORDER.stream().filter(k -> !k.equals("algo") || algo.isPresent()).toList();
        return new AuthSig(sig, derivedVia, signedMessage, address, algo, order);
    }

    /** A network-signed ({@code lit.bls}) AuthSig in the JS SDK's key order. */
    public static AuthSig bls(String sigJson, String signedMessage, String address) {
        return new AuthSig(sigJson, BLS_DERIVED_VIA, signedMessage, address, Optional.of(BLS_ALGO), BLS_ORDER);
    }

    /** Parses the JSON text of one AuthSig. Errors carry {@code code}. */
    public static AuthSig parse(String json, LitErrorCode code) {
        return fromJson(JsonReader.parse(json, code, "AuthSig"), code, "AuthSig");
    }

    /** Reads one AuthSig object (strict keys). */
    public static AuthSig fromJson(JsonValue value, LitErrorCode code, String where) {
        if (!(value instanceof JsonValue.JsonObject object)) {
            throw new LitProtocolException(code, where + " must be a JSON object");
        }
        JsonFields f = new JsonFields(object, code, where).onlyKnown(KEYS);
        return new AuthSig(f.string("sig"), f.string("derivedVia"), f.string("signedMessage"), f.string("address"),
                f.optionalString("algo"), List.copyOf(object.members().keySet()));
    }

    /** The node's classification of this AuthSig. */
    public AuthSigType type() {
        if (SESSION_DERIVED_VIA.equals(derivedVia) && algo.filter(SESSION_ALGO::equals).isPresent()) {
            return AuthSigType.SESSION_SIG;
        }
        if (CONTRACT_DERIVED_VIA.equals(derivedVia) || CONTRACT_SHA256_DERIVED_VIA.equals(derivedVia)) {
            return AuthSigType.CONTRACT_SIG;
        }
        if (BLS_DERIVED_VIA.equals(derivedVia) && algo.filter(BLS_ALGO::equals).isPresent()) {
            return AuthSigType.BLS_NETWORK_SIG;
        }
        return AuthSigType.WALLET_SIG;
    }

    /** The JSON object, keys in {@link #keyOrder()}. */
    public JsonValue.JsonObject toJson() {
        JsonValue.ObjectBuilder b = JsonValue.object();
        for (String key : keyOrder) {
            b.put(key, switch (key) {
                case "sig" -> sig;
                case "derivedVia" -> derivedVia;
                case "signedMessage" -> signedMessage;
                case "address" -> address;
                default -> algo.orElseThrow();
            });
        }
        return b.build();
    }

    /** {@code JSON.stringify} of this AuthSig. */
    public String toJsonString() {
        return JsJson.stringify(toJson());
    }

    @Override
    public String toString() {
        return "AuthSig[" + type() + " derivedVia=" + derivedVia + " address=" + address
                + " signedMessage=" + signedMessage.length() + " chars]";
    }
}
