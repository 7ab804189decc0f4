package io.litj.devnet;

import io.litj.node.LitNodeException;
import io.litj.node.actions.ActionLimits;
import io.litj.node.fetch.FetchLimits;
import io.litj.node.ratelimit.CapacityLimits;
import io.litj.protocol.LitErrorCode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to run a devnet: how many nodes, where their data lives, and the ports. Defaults follow the JS SDK's
 * conventions for a custom network: chain view on 127.0.0.1:{@value #DEFAULT_RPC_PORT}, nodes on
 * {@value #DEFAULT_BASE_PORT}, {@value #DEFAULT_BASE_PORT}+1, …
 *
 * @param rpcPort the chain view's port (0: any free port)
 * @param basePort node {@code i} listens on {@code basePort + i} (0: any free ports)
 * @param capacity how every node enforces capacity credits (default off: a free network)
 * @param fetch what every node's Lit Actions may fetch (default: public addresses only; {@code litj devnet up
 *     --allow-fetch 127.0.0.1:PORT} adds allow entries)
 */
public record DevnetConfig(int nodes, Path dataDir, int rpcPort, int basePort, Duration blockInterval,
                           ActionLimits actionLimits, CapacityLimits capacity, FetchLimits fetch) {
    public static final int DEFAULT_NODES = 3;
    public static final int MAX_NODES = 30;
    public static final int DEFAULT_RPC_PORT = 8545;
    public static final int DEFAULT_BASE_PORT = 7470;
    public static final String HOST = "127.0.0.1";
    /** The registry's file name inside the data folder. */
    public static final String REGISTRY_FILE_NAME = "registry.sqlite";

    public DevnetConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(blockInterval, "blockInterval");
        Objects.requireNonNull(actionLimits, "actionLimits");
        Objects.requireNonNull(capacity, "capacity");
        Objects.requireNonNull(fetch, "fetch");
        if (nodes < 1 || nodes > MAX_NODES) {
            throw new LitNodeException(LitErrorCode.InvalidArgument,
                    "a devnet has 1 to " + MAX_NODES + " nodes, not " + nodes);
        }
        if (rpcPort < 0 || rpcPort > 65535 || basePort < 0 || basePort + nodes - 1 > 65535) {
            throw new LitNodeException(LitErrorCode.InvalidArgument, "ports out of range: rpc " + rpcPort
                    + ", nodes " + basePort + ".." + (basePort + nodes - 1));
        }
    }

    /** Defaults: 3 nodes, ports 8545 and 7470+, a block every 2 s. */
    public static DevnetConfig defaults(Path dataDir) {
        return new DevnetConfig(DEFAULT_NODES, dataDir, DEFAULT_RPC_PORT, DEFAULT_BASE_PORT, Duration.ofSeconds(2),
                ActionLimits.defaults(), CapacityLimits.off(), FetchLimits.defaults());
    }

    public DevnetConfig withNodes(int n) {
        return new DevnetConfig(n, dataDir, rpcPort, basePort, blockInterval, actionLimits, capacity, fetch);
    }

    public DevnetConfig withPorts(int rpc, int base) {
        return new DevnetConfig(nodes, dataDir, rpc, base, blockInterval, actionLimits, capacity, fetch);
    }

    public DevnetConfig withBlockInterval(Duration interval) {
        return new DevnetConfig(nodes, dataDir, rpcPort, basePort, interval, actionLimits, capacity, fetch);
    }

    /** The Lit Action limits of every node. */
    public DevnetConfig withActionLimits(ActionLimits limits) {
        return new DevnetConfig(nodes, dataDir, rpcPort, basePort, blockInterval, limits, capacity, fetch);
    }

    /** How every node enforces capacity credits ({@code litj devnet up --require-capacity}: allocation). */
    public DevnetConfig withCapacity(CapacityLimits limits) {
        return new DevnetConfig(nodes, dataDir, rpcPort, basePort, blockInterval, actionLimits, limits, fetch);
    }

    /** What every node's Lit Actions may fetch ({@code litj devnet up --allow-fetch}). */
    public DevnetConfig withFetch(FetchLimits limits) {
        return new DevnetConfig(nodes, dataDir, rpcPort, basePort, blockInterval, actionLimits, capacity, limits);
    }

    /** The registry file inside the data folder. */
    public Path registryFile() {
        return registryFileIn(dataDir);
    }

    /** The registry file of the devnet whose data folder is {@code dataDir}: {@code <dataDir>/registry.sqlite}. */
    public static Path registryFileIn(Path dataDir) {
        return dataDir.resolve(REGISTRY_FILE_NAME);
    }

    /** Node {@code i}'s data folder. */
    public Path nodeDir(int index) {
        return dataDir.resolve("node-" + index);
    }
}
