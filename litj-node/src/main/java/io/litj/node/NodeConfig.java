package io.litj.node;

import io.litj.node.fetch.FetchLimits;
import io.litj.node.keys.AdminToken;
import io.litj.node.ratelimit.CapacityLimits;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonFields;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * How to run one node: which registry it belongs to, its index there (which gives its host and port), its data
 * folder (keys), its largest request body and its other HTTP limits. Read from and written to a small JSON file for
 * {@code litj node --config <file>}:
 * {@code {"registry":"…/registry.sqlite","index":0,"dataDir":"…/node-0","maxBodyBytes":25165824}}, or for a node of
 * a network on an EVM chain {@code {"chain":{"rpcUrl":…,"stakingAddress":…},"dataDir":…}} ({@link RegistryChain}:
 * no registry file, and the node's entry is the one the chain lists with its identity key), plus the optional
 * members of {@link HttpLimits}, of {@link ChainConfig} ({@code "chains":{"ethereum":"http://127.0.0.1:8545"}}) and of
 * {@link CapacityLimits} ({@code "capacityMode":"allocation"}) and of {@link FetchLimits}
 * ({@code "fetchAllow":["127.0.0.1:8080"]}) and of {@link ListenConfig} ({@code "listen"}, {@code "tls"},
 * {@code "peerCaFile"}), and {@code "metrics":false} to turn {@code GET /metrics} off.
 *
 * @param registryFile the registry file whoever starts the node opens and gives it ({@link LitNode.Builder#registry});
 *     the node itself only looks next to it for the network's admin token; null for a node on a chain
 * @param index        the node's index in the registry file; 0 and unused for a node on a chain
 * @param maxBodyBytes the body limit of {@code /web/execute} (sized for Lit Action code) and the most any route reads:
 *     every other route reads at most the smaller of this and its own limit in {@link HttpLimits}
 * @param http         connection, request and timeout limits of the node's listener
 * @param chains       the JSON-RPC endpoints access-control conditions are evaluated against
 * @param capacity     whether and how capacity credits are enforced (default off)
 * @param fetch        what a Lit Action's {@code fetch} may do: limits and the egress allow list (default: public
 *                     addresses only)
 * @param registryChain where a node on an EVM chain reads its registry; null for a registry file
 * @param metrics      whether the node keeps meters and serves them at {@code GET /metrics} on its listener
 *                     (default on; unauthenticated, see {@code docs/operations.md})
 * @param listen       where the listener binds (default: the registered address) and its TLS and peer trust
 */
public record NodeConfig(Path registryFile, int index, Path dataDir, long maxBodyBytes, HttpLimits http,
        ChainConfig chains, CapacityLimits capacity, FetchLimits fetch, RegistryChain registryChain,
        boolean metrics, ListenConfig listen) {
    /** Default body limit: enough for a 16 MiB Lit Action in base64. */
    public static final long DEFAULT_MAX_BODY_BYTES = 24L * 1024 * 1024;
    private static final Set<String> FIELDS = Stream.concat(Stream.of("registry", "index", "dataDir", "maxBodyBytes",
                    "metrics", RegistryChain.FIELD),
            Stream.of(HttpLimits.FIELDS, ListenConfig.FIELDS, ChainConfig.FIELDS, CapacityLimits.FIELDS,
                    FetchLimits.FIELDS)
                    .flatMap(Set::stream)).collect(Collectors.toUnmodifiableSet());

    public NodeConfig {
        if ((registryFile == null) == (registryChain == null)) {
            throw new LitNodeException(LitErrorCode.InvalidArgument, "a node config names either a registry file or"
                    + " a chain, not " + (registryFile == null ? "neither" : "both"));
        }
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(chains, "chains");
        Objects.requireNonNull(capacity, "capacity");
        Objects.requireNonNull(fetch, "fetch");
        Objects.requireNonNull(listen, "listen");
        if (index < 0) {
            throw new LitNodeException(LitErrorCode.InvalidArgument, "node index must be >= 0 but is " + index);
        }
        if (maxBodyBytes < 1024 || maxBodyBytes > 256L * 1024 * 1024) {
            throw new LitNodeException(LitErrorCode.InvalidArgument,
                    "maxBodyBytes must be in [1 KiB, 256 MiB] but is " + maxBodyBytes);
        }
    }

    /** A config of a registry file, with metrics on. */
    public NodeConfig(Path registryFile, int index, Path dataDir, long maxBodyBytes, HttpLimits http,
            ChainConfig chains, CapacityLimits capacity, FetchLimits fetch) {
        this(registryFile, index, dataDir, maxBodyBytes, http, chains, capacity, fetch, null, true,
                ListenConfig.registered());
    }

    /** A config of a node on an EVM chain, with default limits, no ACC chains, capacity credits off, metrics on. */
    public static NodeConfig onChain(RegistryChain chain, Path dataDir) {
        return new NodeConfig(null, 0, dataDir, DEFAULT_MAX_BODY_BYTES, HttpLimits.defaults(), ChainConfig.none(),
                CapacityLimits.off(), FetchLimits.defaults(), Objects.requireNonNull(chain, "chain"), true,
                ListenConfig.registered());
    }

    /**
     * The network's admin token file ({@code AdminToken}): next to the registry file, or for a node on a chain in
     * its own data folder.
     */
    public Path adminTokenFile() {
        return registryChain == null ? AdminToken.fileFor(registryFile)
                : dataDir.toAbsolutePath().resolve(AdminToken.FILE_NAME);
    }

    /** A config without chains ({@link ChainConfig#none()}), with capacity credits off and default fetch limits. */
    public NodeConfig(Path registryFile, int index, Path dataDir, long maxBodyBytes, HttpLimits http) {
        this(registryFile, index, dataDir, maxBodyBytes, http, ChainConfig.none(), CapacityLimits.off(),
                FetchLimits.defaults());
    }

    /** A copy evaluating conditions against {@code chains}. */
    public NodeConfig withChains(ChainConfig chains) {
        return new NodeConfig(registryFile, index, dataDir, maxBodyBytes, http, chains, capacity, fetch,
                registryChain, metrics, listen);
    }

    /** A copy enforcing capacity credits by {@code capacity}. */
    public NodeConfig withCapacity(CapacityLimits capacity) {
        return new NodeConfig(registryFile, index, dataDir, maxBodyBytes, http, chains, capacity, fetch,
                registryChain, metrics, listen);
    }

    /** A copy whose Lit Actions fetch under {@code fetch}. */
    public NodeConfig withFetch(FetchLimits fetch) {
        return new NodeConfig(registryFile, index, dataDir, maxBodyBytes, http, chains, capacity, fetch,
                registryChain, metrics, listen);
    }

    /** A copy with meters and {@code GET /metrics} on or off. */
    public NodeConfig withMetrics(boolean metrics) {
        return new NodeConfig(registryFile, index, dataDir, maxBodyBytes, http, chains, capacity, fetch,
                registryChain, metrics, listen);
    }

    /** A copy binding, serving TLS and trusting peers by {@code listen}. */
    public NodeConfig withListen(ListenConfig listen) {
        return new NodeConfig(registryFile, index, dataDir, maxBodyBytes, http, chains, capacity, fetch,
                registryChain, metrics, listen);
    }

    /** A config with the default {@link HttpLimits}. */
    public NodeConfig(Path registryFile, int index, Path dataDir, long maxBodyBytes) {
        this(registryFile, index, dataDir, maxBodyBytes, HttpLimits.defaults());
    }

    public static NodeConfig of(Path registryFile, int index, Path dataDir) {
        return new NodeConfig(registryFile, index, dataDir, DEFAULT_MAX_BODY_BYTES);
    }

    /** Reads a config file; relative paths are resolved against the file's folder. */
    public static NodeConfig read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new LitNodeException(LitErrorCode.InvalidArgument, "cannot read node config " + file + ": "
                    + e.getMessage());
        }
        try {
            return parse(text, file);
        } catch (LitProtocolException e) {
            throw new LitNodeException(LitErrorCode.InvalidArgument, e.getMessage(), List.of(), e);
        }
    }

    private static NodeConfig parse(String text, Path file) {
        String where = "node config " + file;
        JsonValue.JsonObject object = JsonReader.parseObject(text, LitErrorCode.InvalidArgument, where);
        JsonFields f = new JsonFields(object, LitErrorCode.InvalidArgument, where).onlyKnown(FIELDS);
        Path base = file.toAbsolutePath().getParent();
        long maxBody = f.has("maxBodyBytes") ? f.integer("maxBodyBytes") : DEFAULT_MAX_BODY_BYTES;
        RegistryChain chain = RegistryChain.read(f).orElse(null);
        if (chain != null && (f.has("registry") || f.has("index"))) {
            throw f.fail("a node on a chain finds itself there: give 'chain' without 'registry' and 'index'");
        }
        long index = chain != null ? 0 : f.integer("index");
        if (index > Integer.MAX_VALUE) {
            throw f.fail("field 'index' is too large");
        }
        return new NodeConfig(chain != null ? null : base.resolve(f.string("registry")), (int) index,
                base.resolve(f.string("dataDir")), maxBody, HttpLimits.read(f), ChainConfig.read(f),
                CapacityLimits.read(f), FetchLimits.read(f), chain, metricsOn(object, f),
                ListenConfig.read(f, base));
    }

    private static boolean metricsOn(JsonValue.JsonObject object, JsonFields f) {
        JsonValue v = object.get("metrics").orElse(null);
        if (v == null) {
            return true;
        }
        if (v instanceof JsonValue.JsonBoolean b) {
            return b.value();
        }
        throw f.fail("field 'metrics' must be true or false");
    }

    /** The JSON text of this config (absolute paths). */
    public String toJson() {
        JsonValue.ObjectBuilder b = JsonValue.object();
        if (registryChain != null) {
            registryChain.write(b);
        } else {
            b.put("registry", registryFile.toAbsolutePath().toString()).put("index", new JsonValue.JsonNumber(index));
        }
        b.put("dataDir", dataDir.toAbsolutePath().toString())
                .put("maxBodyBytes", new JsonValue.JsonNumber(maxBodyBytes));
        http.write(b);
        chains.write(b);
        capacity.write(b);
        fetch.write(b);
        b.put("metrics", new JsonValue.JsonBoolean(metrics));
        listen.write(b);
        return JsJson.stringify(b.build());
    }
}
