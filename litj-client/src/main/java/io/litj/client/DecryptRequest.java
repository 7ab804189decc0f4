package io.litj.client;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.acc.AccIdentity;
import io.litj.protocol.acc.ConditionSet;
import io.litj.protocol.auth.SessionSigs;
import io.litj.protocol.resource.ResourceAbilityRequest;
import java.util.List;
import java.util.Objects;

/**
 * What {@link LitClient#decrypt} opens: the conditions the data was encrypted under, the ciphertext and
 * {@code dataToEncryptHash} as {@link LitClient#encrypt} (or the JS SDK's {@code encrypt}) returned them, the chain
 * the conditions are checked on, and session sigs for every connected node granting
 * {@code access-control-condition-decryption} on the identity ({@link #sessionResources}).
 *
 * <p>Immutable. {@link #toString()} shows the identity and sizes, never the session sigs.
 *
 * @param conditions the conditions, exactly as at encryption (their hash is part of the identity)
 * @param ciphertext standard base64, as the JS SDK transmits it
 * @param dataToEncryptHash 64 lowercase hex digits
 * @param chain the {@code chain} sent to nodes (the JS SDK's parameter; e.g. {@code ethereum})
 * @param sessionSigs session sigs for every connected node
 */
public record DecryptRequest(ConditionSet conditions, String ciphertext, String dataToEncryptHash, String chain,
                             SessionSigs sessionSigs) {
    /** @throws LitClientException {@code InvalidArgument} for a hash that is not 64 lowercase hex digits */
    public DecryptRequest {
        Objects.requireNonNull(conditions, "conditions");
        Objects.requireNonNull(ciphertext, "ciphertext");
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(sessionSigs, "sessionSigs");
        identity(conditions, dataToEncryptHash);
    }

    /** A request on chain {@code ethereum}. */
    public static DecryptRequest of(ConditionSet conditions, EncryptResult encrypted, SessionSigs sessionSigs) {
        return new DecryptRequest(conditions, encrypted.ciphertext(), encrypted.dataToEncryptHash(), "ethereum",
                sessionSigs);
    }

    /** The identity the ciphertext is bound to: the message nodes sign. */
    public AccIdentity identity() {
        return identity(conditions, dataToEncryptHash);
    }

    /**
     * What a session for decrypting this data must grant: {@code access-control-condition-decryption} on
     * {@code lit-accesscontrolcondition://<accHash>/<dataToEncryptHash>}.
     *
     * @throws LitClientException {@code InvalidArgument} for a malformed hash
     */
    public static List<ResourceAbilityRequest> sessionResources(ConditionSet conditions, String dataToEncryptHash) {
        return List.of(identity(conditions, dataToEncryptHash).decryptionRequest());
    }

    private static AccIdentity identity(ConditionSet conditions, String dataToEncryptHash) {
        Objects.requireNonNull(dataToEncryptHash, "dataToEncryptHash");
        try {
            return new AccIdentity(conditions.hashHex(), dataToEncryptHash);
        } catch (LitProtocolException e) {
            throw new LitClientException(LitErrorCode.InvalidArgument, e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "DecryptRequest[" + identity().uri() + " chain=" + chain + " ciphertext=" + ciphertext.length()
                + " chars nodes=" + sessionSigs.byNodeUrl().size() + "]";
    }
}
