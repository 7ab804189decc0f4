package io.litj.client;

import io.litj.protocol.acc.AccIdentity;
import io.litj.protocol.acc.ConditionSet;
import java.util.Objects;

/**
 * What {@link LitClient#encrypt} returns, in the JS SDK 7.4.0's form ({@code js-sdk-v7-wire-format.md} §8.4): the
 * time-lock ciphertext as standard base64 and {@code dataToEncryptHash}, the lowercase hex SHA-256 of the
 * plaintext. Both are public: the ciphertext opens only with the network's signature over the identity, which nodes
 * give only to callers who meet the conditions. Immutable.
 *
 * @param ciphertext standard base64 of the serialized ciphertext ({@code U ‖ V ‖ varint ‖ W ‖ scheme})
 * @param dataToEncryptHash 64 lowercase hex digits
 */
public record EncryptResult(String ciphertext, String dataToEncryptHash) {
    public EncryptResult {
        Objects.requireNonNull(ciphertext, "ciphertext");
        Objects.requireNonNull(dataToEncryptHash, "dataToEncryptHash");
    }

    /** The identity this ciphertext is bound to under {@code conditions}. */
    public AccIdentity identity(ConditionSet conditions) {
        return new AccIdentity(conditions.hashHex(), dataToEncryptHash);
    }

    @Override
    public String toString() {
        return "EncryptResult[dataToEncryptHash=" + dataToEncryptHash + " ciphertext=" + ciphertext.length()
                + " chars]";
    }
}
