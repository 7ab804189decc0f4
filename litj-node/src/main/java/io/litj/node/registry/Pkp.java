package io.litj.node.registry;

import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.crypto.Hashes;
import io.litj.protocol.crypto.Hex;
import java.util.List;
import java.util.Objects;

/**
 * A programmable key pair: a secp256k1 key whose private half exists only as shares held by the nodes. Its token id
 * is {@code keccak256(uncompressed public key)} (64 hex, as Lit nodes compute it), its address the Ethereum address
 * of the key.
 *
 * @param publicKey {@code 04} + 128 hex, uncompressed SEC1, lowercase, no {@code 0x}
 */
public record Pkp(String tokenId, String publicKey, String ethAddress, List<PkpPermission> permissions) {
    public Pkp {
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(ethAddress, "ethAddress");
        permissions = List.copyOf(permissions);
        if (!publicKey.matches("04[0-9a-f]{128}") || !tokenId.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("PKP public key must be 04 + 128 lowercase hex, token id 64 hex");
        }
    }

    /** A PKP for {@code publicKey} (65 bytes, uncompressed) with its token id and address derived. */
    public static Pkp of(byte[] publicKey, List<PkpPermission> permissions) {
        String hex = Hex.encode(publicKey);
        return new Pkp(tokenIdOf(publicKey), hex, EthAddress.fromPublicKey(publicKey).toChecksumString(), permissions);
    }

    /** {@code keccak256} of the 65-byte uncompressed key, hex. */
    public static String tokenIdOf(byte[] publicKey) {
        return Hex.encode(Hashes.keccak256(publicKey));
    }
}
