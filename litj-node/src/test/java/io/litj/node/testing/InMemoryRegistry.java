package io.litj.node.testing;

import io.litj.node.LitNodeException;
import io.litj.node.registry.Block;
import io.litj.node.registry.CapacityCredit;
import io.litj.node.registry.NetworkInfo;
import io.litj.node.registry.NodeEntry;
import io.litj.node.registry.Pkp;
import io.litj.node.registry.PkpPermission;
import io.litj.node.registry.Registry;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.EthAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link Registry} held in memory, for node tests that need no SQLite file (style rule R16: a fake, not a mock): a
 * fixed network and node list, blocks, PKPs and capacity credits the test adds. It keeps the role's contract as
 * {@code SqliteRegistry} does: block hashes and token ids are found in any case, wallet permissions without case,
 * blocks must come in sequence, and every call after {@link #close()} fails with {@code NodeSystemFault} (so a test
 * can see who closed it). Thread-safe.
 */
public final class InMemoryRegistry implements Registry {
    private final NetworkInfo network;
    private final List<NodeEntry> nodes;
    private final List<Block> blocks = new ArrayList<>();
    private final List<Pkp> pkps = new ArrayList<>();
    private final List<CapacityCredit> credits = new ArrayList<>();
    private final java.util.Map<String, String> actionCode = new java.util.HashMap<>();
    private final java.util.Map<String, EthAddress> owners = new java.util.HashMap<>();
    private boolean closed;

    public InMemoryRegistry(NetworkInfo network, List<NodeEntry> nodes) {
        this.network = Objects.requireNonNull(network, "network");
        this.nodes = List.copyOf(nodes);
    }

    /** Appends the next block (number = latest + 1, or 0 first), as a devnet's block producer would. */
    public synchronized void appendBlock(Block block) {
        ensureOpen();
        long expected = blocks.isEmpty() ? 0 : blocks.getLast().number() + 1;
        if (block.number() != expected) {
            throw new LitNodeException(LitErrorCode.InvalidArgument, "expected block number " + expected + " but got "
                    + block.number());
        }
        blocks.add(block);
    }

    /** Records a PKP, as a devnet's minter would. */
    public synchronized void addPkp(Pkp pkp) {
        ensureOpen();
        if (pkp(pkp.tokenId()).isPresent()) {
            throw new LitNodeException(LitErrorCode.NodeSystemFault, "PKP " + pkp.tokenId() + " is already listed");
        }
        pkps.add(pkp);
    }

    /** Records {@code owner} as the owner of the listed PKP {@code pkp}, as a devnet's minter would. */
    public synchronized void setOwner(Pkp pkp, EthAddress owner) {
        ensureOpen();
        owners.put(pkp.ethAddress().toLowerCase(java.util.Locale.ROOT), owner);
    }

    @Override
    public synchronized Optional<EthAddress> pkpOwner(EthAddress pkpAddress) {
        ensureOpen();
        return Optional.ofNullable(owners.get(pkpAddress.toLowerHex()));
    }

    /**
     * Stores {@code code} under {@code cid} as given: a test may store code under a CID that is not its own, as a
     * registry that cannot be trusted might.
     */
    public synchronized void putActionCode(String cid, String code) {
        ensureOpen();
        actionCode.put(cid, code);
    }

    @Override
    public synchronized Optional<String> actionCode(String cid) {
        ensureOpen();
        return Optional.ofNullable(actionCode.get(cid));
    }

    /** Records a capacity credit, as a devnet's writer would (a token id already listed is refused). */
    public synchronized void addCapacityCredit(CapacityCredit credit) {
        ensureOpen();
        if (capacityCredit(credit.tokenId()).isPresent()) {
            throw new LitNodeException(LitErrorCode.NodeSystemFault, "credit " + credit.tokenId() + " is listed");
        }
        credits.add(credit);
    }

    /** Replaces a listed credit (a transfer to another owner, say), keeping its place. */
    public synchronized void replaceCapacityCredit(CapacityCredit credit) {
        ensureOpen();
        credits.replaceAll(c -> c.tokenId().equals(credit.tokenId()) ? credit : c);
    }

    @Override
    public synchronized Optional<CapacityCredit> capacityCredit(String tokenId) {
        ensureOpen();
        return credits.stream().filter(c -> c.tokenId().equals(tokenId)).findFirst();
    }

    @Override
    public synchronized List<CapacityCredit> capacityCreditsOwnedBy(EthAddress owner) {
        ensureOpen();
        return credits.stream().filter(c -> c.owner().equals(owner)).toList();
    }

    @Override
    public synchronized List<CapacityCredit> capacityCredits() {
        ensureOpen();
        return List.copyOf(credits);
    }

    @Override
    public synchronized List<NodeEntry> nodes() {
        ensureOpen();
        return nodes;
    }

    @Override
    public synchronized NetworkInfo network() {
        ensureOpen();
        return network;
    }

    @Override
    public synchronized Block latestBlock() {
        ensureOpen();
        if (blocks.isEmpty()) {
            throw new LitNodeException(LitErrorCode.NodeSystemFault, "registry " + this + " holds no block yet");
        }
        return blocks.getLast();
    }

    @Override
    public synchronized Optional<Block> block(String hash) {
        ensureOpen();
        if (!hash.matches("0[xX][0-9a-fA-F]{64}")) {
            return Optional.empty();
        }
        String key = "0x" + hash.substring(2).toLowerCase(Locale.ROOT);
        return blocks.stream().filter(b -> b.hash().equals(key)).findFirst();
    }

    @Override
    public synchronized List<Pkp> pkps() {
        ensureOpen();
        return List.copyOf(pkps);
    }

    @Override
    public synchronized Optional<Pkp> pkp(String tokenId) {
        ensureOpen();
        return pkps.stream().filter(p -> p.tokenId().equalsIgnoreCase(tokenId)).findFirst();
    }

    @Override
    public synchronized List<String> pkpsPermitting(int authMethodType, String id) {
        ensureOpen();
        return pkps.stream().filter(p -> p.permissions().stream().anyMatch(perm -> permits(perm, authMethodType, id)))
                .map(Pkp::tokenId).toList();
    }

    private static boolean permits(PkpPermission perm, int authMethodType, String id) {
        return perm.authMethodType() == authMethodType && (authMethodType == PkpPermission.ETH_WALLET
                ? perm.id().equalsIgnoreCase(id) : perm.id().equals(id));
    }

    /** True after {@link #close()}. */
    public synchronized boolean isClosed() {
        return closed;
    }

    @Override
    public synchronized void close() {
        closed = true;
    }

    private void ensureOpen() {
        if (closed) {
            throw new LitNodeException(LitErrorCode.NodeSystemFault, "registry " + this + " is closed");
        }
    }

    @Override
    public String toString() {
        return "InMemoryRegistry[" + nodes.size() + " nodes]";
    }
}
