package io.litj.devnet;

import io.litj.devnet.registry.SqliteRegistryWriter;
import io.litj.node.LitNodeException;
import io.litj.node.keys.AdminToken;
import io.litj.node.registry.Pkp;
import io.litj.node.registry.PkpPermission;
import io.litj.node.registry.Registry;
import io.litj.node.registry.SqliteRegistry;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.crypto.Hex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Mints PKPs on a running devnet: a secp256k1 DKG among its nodes (through their admin API, so no one ever holds
 * the private key: each node keeps its share in {@code keys/pkp-<tokenId>.json}), then records the key, its token id
 * ({@code keccak256} of the uncompressed key) and its permissions in the registry. Used by {@link Devnet#mintPkp}
 * and by {@code litj pkp mint} from another process.
 *
 * <p>Nodes that do not answer take no part and hold no share; at least the network's threshold of nodes must
 * answer. Not thread-safe; close it to release the registry reader and writer it opened ({@link #open}); a minter
 * given them ({@code Devnet.mintPkp}) leaves them open.
 */
public final class PkpMinter implements AutoCloseable {
    /** How long a mint may take in all. */
    public static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Registry registry;
    private final SqliteRegistryWriter writer;
    private final boolean ownsRegistry;
    private final DkgCoordinator coordinator;

    private PkpMinter(Registry registry, SqliteRegistryWriter writer, boolean ownsRegistry, AdminToken token,
            SecureRandom random) {
        this.registry = registry;
        this.writer = writer;
        this.ownsRegistry = ownsRegistry;
        this.coordinator = new DkgCoordinator(token, random);
    }

    /**
     * A minter for the devnet whose data folder is {@code dataDir} (its {@code registry.sqlite} and
     * {@code admin.token}); the devnet must be running for {@link #mint} to succeed.
     *
     * @throws LitNodeException {@code InvalidArgument} if the folder holds no devnet or no admin token
     */
    public static PkpMinter open(Path dataDir, SecureRandom random) {
        Path registryFile = DevnetConfig.registryFileIn(dataDir);
        if (!Files.exists(registryFile)) {
            throw new LitNodeException(LitErrorCode.InvalidArgument, "there is no devnet in " + dataDir
                    + " (no registry.sqlite); start one with: litj devnet up --data " + dataDir);
        }
        AdminToken token = AdminToken.read(AdminToken.fileFor(registryFile)).orElseThrow(() -> new LitNodeException(
                LitErrorCode.InvalidArgument, "the devnet in " + dataDir + " has no " + AdminToken.FILE_NAME
                + "; restart it with this version of litj to create one"));
        SqliteRegistryWriter writer = SqliteRegistryWriter.open(registryFile);
        try {
            return new PkpMinter(SqliteRegistry.open(registryFile), writer, true, token, random);
        } catch (RuntimeException e) {
            writer.close();
            throw e;
        }
    }

    static PkpMinter of(Registry registry, SqliteRegistryWriter writer, AdminToken token, SecureRandom random) {
        return new PkpMinter(registry, writer, false, token, random);
    }

    /**
     * Mints a PKP that permits {@code permissions} and records it in the registry.
     *
     * @throws LitNodeException {@code NodeSystemFault} if fewer than the threshold of nodes answer, a node's DKG
     *     fails, the nodes disagree, or the run takes longer than {@link #TIMEOUT}
     */
    public Pkp mint(List<PkpPermission> permissions) {
        Objects.requireNonNull(permissions, "permissions");
        Pkp pkp = Pkp.of(makeKey(coordinator, registry), permissions);
        writer.addPkp(pkp);
        return pkp;
    }

    /**
     * As {@link #mint(List)}, with {@code owner} recorded as the PKP's owner, who may revoke its grants
     * ({@code docs/revocation.md}).
     */
    public Pkp mint(EthAddress owner, List<PkpPermission> permissions) {
        Objects.requireNonNull(owner, "owner");
        Pkp pkp = mint(permissions);
        writer.setPkpOwner(pkp.tokenId(), owner);
        return pkp;
    }

    /**
     * A new PKP key as {@link #makeKey(DkgCoordinator, Registry)}, started through the admin API with {@code token}:
     * for an operator of a network whose nodes run elsewhere (each node holding that admin token in its data folder).
     */
    public static byte[] makeKey(AdminToken token, Registry registry, SecureRandom random) {
        return makeKey(new DkgCoordinator(token, random), registry);
    }

    /**
     * A new PKP key made by a secp256k1 DKG among the nodes of {@code registry} (each keeps its share): the 65-byte
     * uncompressed public key, checked against the token id the nodes report.
     *
     * @throws LitNodeException {@code NodeSystemFault} as {@link #mint}
     */
    static byte[] makeKey(DkgCoordinator coordinator, Registry registry) {
        DkgCoordinator.Outcome outcome = coordinator.run(registry.nodes(), "pkp", registry.network().threshold(),
                false, TIMEOUT);
        byte[] publicKey;
        try {
            publicKey = Hex.decodeExact(outcome.publicKey(), 65, "PKP public key");
        } catch (LitProtocolException e) {
            throw new LitNodeException(LitErrorCode.NodeSystemFault, "nodes reported a malformed PKP key: "
                    + e.getMessage());
        }
        String tokenId = Pkp.tokenIdOf(publicKey);
        if (!tokenId.equals(outcome.field("tokenId"))) {
            throw new LitNodeException(LitErrorCode.NodeSystemFault, "nodes reported token id "
                    + outcome.field("tokenId") + " but keccak256 of the key is " + tokenId);
        }
        return publicKey;
    }

    @Override
    public void close() {
        if (ownsRegistry) {
            try {
                registry.close();
            } finally {
                writer.close();
            }
        }
    }
}
