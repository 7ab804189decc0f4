package io.litj.node.registry;

import io.litj.protocol.crypto.EthAddress;
import java.util.List;
import java.util.Optional;

/**
 * What the network knows about itself, as a node reads it: nodes, epoch and threshold, recent blocks, PKPs,
 * capacity credits and stored Lit Action code. On a
 * devnet it is an embedded SQLite file written by the devnet launcher and read by the chain view and every node
 * ({@link SqliteRegistry}); on a real network it would be read from the chain. The role has no writes: whatever
 * fills the registry (a devnet, a chain) does so outside the node.
 *
 * <p>A node is given its registry ({@code LitNode.builder(config).registry(registry)}) and never closes it: whoever
 * opened a registry closes it, after the nodes that read it have stopped. Implementations are thread-safe.
 */
public interface Registry extends AutoCloseable {
    /** The nodes of the current epoch, by index. */
    List<NodeEntry> nodes();

    /** The network facts. */
    NetworkInfo network();

    /** The newest block. */
    Block latestBlock();

    /** The block with this hash ({@code 0x}-hex, any case), if the registry still holds it. */
    Optional<Block> block(String hash);

    /** Every PKP, oldest first. */
    List<Pkp> pkps();

    /** The PKP with this token id (64 hex, any case). */
    Optional<Pkp> pkp(String tokenId);

    /**
     * The owner of the PKP whose Ethereum address is {@code pkpAddress} (the holder of its PKPNFT token; on the
     * embedded registry, the owner recorded at mint), or empty if no PKP has this address or none is recorded. Read
     * when a PKP's owner revokes one of its grants ({@code docs/revocation.md}).
     */
    Optional<EthAddress> pkpOwner(EthAddress pkpAddress);

    /** Token ids of the PKPs that permit this auth method (type 1: address; type 2: CID), oldest first. */
    List<String> pkpsPermitting(int authMethodType, String id);

    /** The capacity credit with this token id (decimal, as Datil's {@code RateLimitNFT.capacity(id)}), if any. */
    Optional<CapacityCredit> capacityCredit(String tokenId);

    /**
     * The capacity credits {@code owner} holds now, oldest first, expired ones included (Datil's {@code balanceOf} and
     * {@code tokenOfOwnerByIndex}).
     */
    List<CapacityCredit> capacityCreditsOwnedBy(EthAddress owner);

    /** Every capacity credit, oldest first. */
    List<CapacityCredit> capacityCredits();

    /**
     * The Lit Action source stored under this IPFS CIDv0 ({@code litj action put}), if any. What a registry returns
     * is not trusted: a node recomputes the CID of the code before it runs it.
     */
    Optional<String> actionCode(String cid);

    /** Releases what the registry holds; called by whoever opened it, never by a node it was given to. */
    @Override
    void close();
}
