package io.litj.client;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.auth.SessionSigs;
import io.litj.protocol.crypto.Bytes;
import io.litj.protocol.crypto.Hashes;
import io.litj.protocol.crypto.Hex;
import io.litj.protocol.resource.LitAbility;
import io.litj.protocol.resource.LitResource;
import io.litj.protocol.resource.ResourceAbilityRequest;
import java.util.List;
import java.util.Objects;

/**
 * What {@link LitClient#pkpSign} signs: a 32-byte digest (nodes sign it as given, they do not hash), the PKP's
 * 65-byte uncompressed public key, and the session sigs (each node receives only its own).
 *
 * <p>The session must grant {@code pkp-signing} on {@code lit-pkp://<tokenId>}; a wallet session must also grant
 * Lit Action execution, as Datil requires. {@link #sessionResources(String)} lists both, e.g.
 * {@code SessionTerms.of(PkpSignRequest.sessionResources(publicKey))}.
 *
 * <p>Immutable. {@link #toString()} shows the digest and the key, never the session sigs.
 *
 * @param toSign the 32-byte digest
 * @param publicKey the PKP key, 65 bytes starting with {@code 04}
 * @param sessionSigs session sigs for every connected node
 */
public record PkpSignRequest(Bytes toSign, Bytes publicKey, SessionSigs sessionSigs) {
    /** @throws LitClientException {@code InvalidArgument} for a digest that is not 32 bytes or a malformed key */
    public PkpSignRequest {
        Objects.requireNonNull(toSign, "toSign");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(sessionSigs, "sessionSigs");
        if (toSign.size() != 32) {
            throw new LitClientException(LitErrorCode.InvalidArgument, "pkpSign signs a 32-byte digest (nodes do not"
                    + " hash) but toSign is " + toSign.size() + " bytes");
        }
        if (publicKey.size() != 65 || publicKey.get(0) != 4) {
            throw new LitClientException(LitErrorCode.InvalidArgument, "the PKP public key must be 65 bytes starting"
                    + " with 04 (uncompressed) but is " + publicKey.size() + " bytes");
        }
    }

    /**
     * A request from a digest and the key as hex ({@code 0x} optional).
     *
     * @throws LitClientException {@code InvalidArgument} as the constructor, or for a key that is not hex
     */
    public static PkpSignRequest of(byte[] digest32, String publicKeyHex, SessionSigs sessionSigs) {
        return new PkpSignRequest(Bytes.of(digest32), publicKey(publicKeyHex), sessionSigs);
    }

    /** The PKP's token id: {@code keccak256} of the key, 64 lowercase hex digits without {@code 0x}. */
    public String tokenId() {
        return Hex.encode(Hashes.keccak256(publicKey.toByteArray()));
    }

    /**
     * What a session for {@code pkpSign} with this PKP must grant: {@code pkp-signing} on its token id, and Lit
     * Action execution on {@code *} (which Datil requires of wallet sessions; harmless for PKP sessions).
     *
     * @param publicKeyHex the PKP key, 130 hex digits starting with {@code 04}, {@code 0x} optional
     * @throws LitClientException {@code InvalidArgument} for a malformed key
     */
    public static List<ResourceAbilityRequest> sessionResources(String publicKeyHex) {
        String tokenId = Hex.encode(Hashes.keccak256(publicKey(publicKeyHex).toByteArray()));
        return List.of(ResourceAbilityRequest.of(LitResource.pkp(tokenId), LitAbility.PKP_SIGNING),
                ResourceAbilityRequest.of(LitResource.action("*"), LitAbility.LIT_ACTION_EXECUTION));
    }

    private static Bytes publicKey(String hex) {
        Objects.requireNonNull(hex, "publicKeyHex");
        try {
            Bytes key = Bytes.of(Hex.decodeExact(hex, 65, "PKP public key"));
            if (key.get(0) != 4) {
                throw new LitClientException(LitErrorCode.InvalidArgument, "the PKP public key must start with 04");
            }
            return key;
        } catch (LitProtocolException e) {
            throw new LitClientException(LitErrorCode.InvalidArgument, e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "PkpSignRequest[toSign=" + toSign.hex() + " publicKey=" + publicKey.hex() + " nodes="
                + sessionSigs.byNodeUrl().size() + "]";
    }
}
