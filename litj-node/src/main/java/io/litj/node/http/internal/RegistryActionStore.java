package io.litj.node.http.internal;

import io.litj.node.LitNodeException;
import io.litj.node.actions.IpfsCid;
import io.litj.node.registry.Registry;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.Text;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link ActionStore} that finds code in the network's registry (where {@code litj action put} stores it, read by
 * every node) behind this node's recent code in memory. The registry is not trusted: code read from it runs only if
 * its own CID is the CID asked for, and is then kept in memory. Thread-safe.
 */
public final class RegistryActionStore implements ActionStore {
    private static final Logger LOG = LoggerFactory.getLogger(RegistryActionStore.class);

    private final Registry registry;
    private final MemoryActionStore recent;

    public RegistryActionStore(Registry registry, MemoryActionStore recent) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.recent = Objects.requireNonNull(recent, "recent");
    }

    @Override
    public void remember(String cid, String code) {
        recent.remember(cid, code);
    }

    /**
     * {@inheritDoc}
     *
     * @throws LitNodeException {@code NodeSystemFault} if the registry holds code under {@code cid} whose CID is
     *     another (it is not run)
     */
    @Override
    public Optional<String> find(String cid) {
        Optional<String> known = recent.find(cid);
        if (known.isPresent()) {
            return known;
        }
        Optional<String> stored = registry.actionCode(cid);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        String actual = IpfsCid.v0(stored.get().getBytes(StandardCharsets.UTF_8));
        if (!actual.equals(cid)) {
            LOG.warn("the registry holds code under CID {} whose CID is {}; not run", Text.cut(cid), actual);
            throw new LitNodeException(LitErrorCode.NodeSystemFault, "the code stored under " + Text.cut(cid)
                    + " does not hash to that CID (it hashes to " + actual + "); this node does not run it");
        }
        recent.remember(cid, stored.get());
        return stored;
    }
}
