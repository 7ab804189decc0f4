package io.litj.protocol.acc;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.Text;
import io.litj.protocol.crypto.Hex;
import io.litj.protocol.crypto.Hashes;
import io.litj.protocol.resource.LitAbility;
import io.litj.protocol.resource.LitResource;
import io.litj.protocol.resource.ResourceAbilityRequest;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What a ciphertext is bound to: {@code lit-accesscontrolcondition://<accHash>/<dataToEncryptHash>}, the BLS
 * identity of time-lock encryption and the message nodes sign after the conditions pass
 * ({@code lit-node-behaviour.md} §1.5, §6.2; {@code js-sdk-v7-wire-format.md} §8.4). Both hashes are 64 lowercase
 * hex digits: {@code accHash} is {@link ConditionSet#hashHex()}, {@code dataToEncryptHash} the SHA-256 of the
 * plaintext. Immutable; holds no secret (the plaintext's hash is public on the wire).
 *
 * <p>The session-sig resource of decryption is {@link #resource()} with ability
 * {@code access-control-condition-decryption}; signing (JWT) uses {@link #signingResource(ConditionSet)}, whose id
 * is the conditions' hash alone, with {@code access-control-condition-signing}.
 */
public record AccIdentity(String accHash, String dataToEncryptHash) {
    /** The URI scheme and separator in front of the hashes. */
    public static final String PREFIX = "lit-accesscontrolcondition://";

    /** @throws LitProtocolException {@code InvalidArgument} unless both are 64 lowercase hex digits */
    public AccIdentity {
        requireSha256Hex(accHash, "accHash");
        requireSha256Hex(dataToEncryptHash, "dataToEncryptHash");
    }

    /** The identity of {@code plaintext} under {@code conditions}. */
    public static AccIdentity of(ConditionSet conditions, byte[] plaintext) {
        return new AccIdentity(conditions.hashHex(), dataToEncryptHash(plaintext));
    }

    /** {@code dataToEncryptHash}: lowercase hex of SHA-256 of {@code plaintext}. */
    public static String dataToEncryptHash(byte[] plaintext) {
        return Hex.encode(Hashes.sha256(Objects.requireNonNull(plaintext, "plaintext")));
    }

    /**
     * Parses {@code lit-accesscontrolcondition://<accHash>/<dataToEncryptHash>}.
     *
     * @throws LitProtocolException {@code InvalidArgument} for any other text
     */
    public static AccIdentity parse(String uri) {
        Objects.requireNonNull(uri, "uri");
        int slash = uri.indexOf('/', PREFIX.length());
        if (!uri.startsWith(PREFIX) || slash < 0) {
            throw new LitProtocolException(LitErrorCode.InvalidArgument, "identity '" + Text.cut(uri)
                    + "' must look like " + PREFIX + "<accHash>/<dataToEncryptHash>");
        }
        return new AccIdentity(uri.substring(PREFIX.length(), slash), uri.substring(slash + 1));
    }

    /** {@code lit-accesscontrolcondition://<accHash>/<dataToEncryptHash>}. */
    public String uri() {
        return PREFIX + accHash + "/" + dataToEncryptHash;
    }

    /** The UTF-8 bytes of {@link #uri()}: the BLS message and time-lock identity. */
    public byte[] message() {
        return uri().getBytes(StandardCharsets.UTF_8);
    }

    /** The ACC resource {@code lit-accesscontrolcondition://<accHash>/<dataToEncryptHash>} of a decryption. */
    public LitResource resource() {
        return LitResource.accessControlCondition(accHash + "/" + dataToEncryptHash);
    }

    /** {@link #resource()} with {@code access-control-condition-decryption}: what a decrypting session asks for. */
    public ResourceAbilityRequest decryptionRequest() {
        return ResourceAbilityRequest.of(resource(), LitAbility.ACCESS_CONTROL_CONDITION_DECRYPTION);
    }

    /** The ACC resource of a signed JWT over {@code conditions}: id = the conditions' hash alone (§1.6). */
    public static LitResource signingResource(ConditionSet conditions) {
        return LitResource.accessControlCondition(conditions.hashHex());
    }

    /** {@link #signingResource} with {@code access-control-condition-signing}. */
    public static ResourceAbilityRequest signingRequest(ConditionSet conditions) {
        return ResourceAbilityRequest.of(signingResource(conditions), LitAbility.ACCESS_CONTROL_CONDITION_SIGNING);
    }

    private static void requireSha256Hex(String value, String name) {
        Objects.requireNonNull(value, name);
        boolean ok = value.length() == 64;
        for (int i = 0; ok && i < value.length(); i++) {
            char c = value.charAt(i);
            ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
        }
        if (!ok) {
            throw new LitProtocolException(LitErrorCode.InvalidArgument, name + " must be 64 lowercase hex digits"
                    + " but is '" + Text.cut(value) + "'");
        }
    }

    @Override
    public String toString() {
        return uri();
    }
}
