package io.litj.node.keys;

import io.litj.node.LitNodeException;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.auth.SessionKeyPair;
import io.litj.protocol.crypto.Hex;
import io.litj.protocol.crypto.PrivateKeyEthSigner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

/**
 * A node's long-lived keys, kept in its data folder: an Ed25519 identity key ({@code identity.key}) that
 * authenticates it to other nodes (and, converted to X25519, receives secrets from them), and a secp256k1 wallet
 * ({@code wallet.key}) that is its on-chain address. Files are owner-only; {@link #toString()} shows public halves
 * only.
 */
public final class NodeIdentity {
    static final String IDENTITY_FILE = "identity.key";
    static final String WALLET_FILE = "wallet.key";

    private final SessionKeyPair identity;
    private final X25519KeyPair keyAgreement;
    private final PrivateKeyEthSigner wallet;

    private NodeIdentity(SessionKeyPair identity, X25519KeyPair keyAgreement, PrivateKeyEthSigner wallet) {
        this.identity = identity;
        this.keyAgreement = keyAgreement;
        this.wallet = wallet;
    }

    /** Loads the keys of {@code dataDir}, creating them on first use. */
    public static NodeIdentity loadOrCreate(Path dataDir, SecureRandom random) {
        Path identityFile = dataDir.resolve(IDENTITY_FILE);
        Path walletFile = dataDir.resolve(WALLET_FILE);
        if (!Files.exists(identityFile)) {
            byte[] seed = new byte[32];
            random.nextBytes(seed);
            SecretFiles.write(identityFile, Hex.encode(seed));
        }
        if (!Files.exists(walletFile)) {
            byte[] key = new byte[32];
            random.nextBytes(key);
            SecretFiles.write(walletFile, Hex.encode(key));
        }
        byte[] seed = decodeKey(identityFile);
        byte[] walletKey = decodeKey(walletFile);
        try {
            return new NodeIdentity(SessionKeyPair.fromSeed(seed), X25519KeyPair.fromEd25519Seed(seed),
                    PrivateKeyEthSigner.fromBytes(walletKey));
        } finally {
            java.util.Arrays.fill(seed, (byte) 0);
            java.util.Arrays.fill(walletKey, (byte) 0);
        }
    }

    private static byte[] decodeKey(Path file) {
        try {
            return Hex.decodeExact(SecretFiles.read(file), 32, file.getFileName().toString());
        } catch (LitProtocolException e) {
            throw new LitNodeException(LitErrorCode.NodeSystemFault, file + " does not hold a 32-byte hex key");
        }
    }

    /** The Ed25519 identity key pair (signing node-to-node messages). */
    public SessionKeyPair identity() {
        return identity;
    }

    /**
     * The X25519 pair derived from the identity key ({@link X25519KeyPair#fromEd25519Seed}): other nodes encrypt
     * secrets to this node (DKG shares) under {@link X25519KeyPair#publicKeyFromEd25519} of its registry
     * identity key.
     */
    public X25519KeyPair keyAgreement() {
        return keyAgreement;
    }

    /** The node's wallet. */
    public PrivateKeyEthSigner wallet() {
        return wallet;
    }

    /** The identity public key, 64 hex. */
    public String identityPublicKey() {
        return identity.publicKeyHex();
    }

    @Override
    public String toString() {
        return "NodeIdentity[identity=" + identity.fingerprint() + " wallet=" + wallet.address() + "]";
    }
}
