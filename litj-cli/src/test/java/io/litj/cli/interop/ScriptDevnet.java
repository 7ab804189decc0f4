package io.litj.cli.interop;

import static io.litj.protocol.testing.JsonAccess.bool;
import static io.litj.protocol.testing.JsonAccess.object;
import static io.litj.protocol.testing.JsonAccess.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.devnet.AnvilDevnet;
import io.litj.devnet.Devnet;
import io.litj.devnet.DevnetConfig;
import io.litj.devnet.testing.TestAnvil;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.testing.NodeJs;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What the interop tests that run one flows script against a devnet share: the 3-node devnet (started only when
 * Node.js and {@code interop/} are there, so a skipped run starts nothing) and reading the script's
 * {@code flows.<name>} entries, each {@code {ok, …, error?: {name, errorCode, …}}}.
 */
final class ScriptDevnet {
    /** A started devnet as a flows script sees it (its chain's URLs and its nodes); closing it stops the devnet. */
    record Network(String rpcUrl, String blockHashUrl, List<String> nodeUrls, AutoCloseable devnet)
            implements AutoCloseable {
        static Network of(Devnet devnet) {
            return new Network(devnet.rpcUrl(), devnet.blockHashUrl(), devnet.nodeUrls(), devnet);
        }

        static Network of(AnvilDevnet devnet) {
            return new Network(devnet.rpcUrl(), devnet.blockHashUrl(), devnet.nodeUrls(), devnet);
        }

        @Override
        public void close() throws Exception {
            devnet.close();
        }
    }

    private ScriptDevnet() {
    }

    /** A 3-node devnet in {@code dir}, or empty when the script cannot run here. */
    static Optional<Devnet> startIfScriptsCanRun(Path dir) {
        return startIfScriptsCanRun(dir, UnaryOperator.identity());
    }

    /** As {@link #startIfScriptsCanRun(Path)}, with the 3-node config changed by {@code adjust}. */
    static Optional<Devnet> startIfScriptsCanRun(Path dir, UnaryOperator<DevnetConfig> adjust) {
        if (NodeJs.findOnPath("node").isEmpty() || NodeJs.findInteropDir().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Devnet.start(adjust.apply(DevnetConfig.defaults(dir).withNodes(3).withPorts(0, 0)),
                Clock.systemUTC(), new SecureRandom()));
    }

    /** A 3-node devnet with the embedded registry in {@code dir}. */
    static Devnet startEmbedded(Path dir) {
        return Devnet.start(DevnetConfig.defaults(dir).withNodes(3).withPorts(0, 0), Clock.systemUTC(),
                new SecureRandom());
    }

    /**
     * A 3-node devnet on anvil in {@code dir}, with no PKP keys made ahead of time (a mint makes its own); skips or
     * fails like {@link TestAnvil#cacheDir()} when anvil cannot be had.
     */
    static AnvilDevnet startAnvil(Path dir) {
        return AnvilDevnet.start(DevnetConfig.defaults(dir).withPorts(0, 0), TestAnvil.cacheDir(), Clock.systemUTC(),
                new SecureRandom(), 0);
    }

    /** The flow {@code name}, which must have succeeded (otherwise the failure shows the SDK's error and chatter). */
    static JsonValue.JsonObject flow(JsonValue.JsonObject document, String name) {
        JsonValue.JsonObject flow = object(document, "flows", name);
        assertTrue(bool(flow, "ok"), () -> "flow " + name + " failed: " + JsJson.stringify(flow)
                + document.get("sdkConsole").map(c -> "\nSDK console: " + JsJson.stringify(c)).orElse(""));
        return flow;
    }

    /** The flow {@code name}, which the nodes must have refused with {@code expected} (a {@code NodeError}). */
    static JsonValue.JsonObject assertRefused(JsonValue.JsonObject document, String name, LitErrorCode expected) {
        JsonValue.JsonObject refused = object(document, "flows", name);
        assertFalse(bool(refused, "ok"), () -> "the nodes accepted it: " + JsJson.stringify(refused));
        JsonValue.JsonObject error = object(refused, "error");
        assertEquals("NodeError", string(error, "name"), () -> JsJson.stringify(error));
        assertEquals(expected.wireName(), string(error, "errorCode"), () -> JsJson.stringify(error));
        return refused;
    }

    /**
     * Runs the flows script {@code script} against {@code devnet} ({@code --rpc-url} and {@code --block-hash-url}
     * first, then {@code args}) and parses its one JSON document. Without Node.js or {@code interop/} it skips with
     * the reason (or fails under CI), as {@link NodeJs} does.
     */
    static JsonValue.JsonObject runFlows(Devnet devnet, String script, String... args) {
        NodeJs.requireScripts();
        assertNotNull(devnet, "the devnet did not start");
        return runFlows(Network.of(devnet), script, args);
    }

    /** As {@link #runFlows(Devnet, String, String...)}, for a started {@code network}. */
    static JsonValue.JsonObject runFlows(Network network, String script, String... args) {
        String[] all = new String[args.length + 4];
        all[0] = "--rpc-url";
        all[1] = network.rpcUrl();
        all[2] = "--block-hash-url";
        all[3] = network.blockHashUrl();
        System.arraycopy(args, 0, all, 4, args.length);
        return JsonReader.parseObject(NodeJs.runScript(script, all), LitErrorCode.NodeParserError,
                script + " output");
    }
}
