package io.litj.node.registry;

import java.util.List;
import java.util.Optional;

/**
 * What the network knows about itself: nodes, epoch and threshold, and recent blocks. On a devnet it is an embedded
 * SQLite file shared by the launcher, the chain view and every node ({@link SqliteRegistry}); on a real network it
 * would be read from the chain.
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

    /** Token ids of the PKPs that permit this auth method (type 1: address; type 2: CID), oldest first. */
    List<String> pkpsPermitting(int authMethodType, String id);

    @Override
    void close();
}
