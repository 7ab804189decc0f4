package io.litj.cli;

import io.litj.devnet.AnvilDevnet;
import io.litj.devnet.DevnetConfig;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonValue;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code litj devnet up --chain anvil}: a devnet whose registry is litj's contracts on anvil, until Ctrl-C or
 * {@code litj devnet down} (with {@code --background} in a child process). It publishes {@code devnet.json} as the
 * embedded devnet does ({@code blockHashUrl} empty: block hashes are anvil's) and removes it when it stops. Anvil
 * comes from {@code $LITJ_ANVIL} or the pinned npm package in {@code $LITJ_HOME/cache}.
 */
final class AnvilUp {
    private AnvilUp() {
    }

    /** The anvil install cache: {@code $LITJ_HOME/cache} (or {@code ~/.litj/cache}). */
    static Path cacheDir() {
        return LitjHome.dir().resolve("cache");
    }

    static int run(DevnetConfig config, int keyPool, boolean json, PrintWriter out, PrintWriter err)
            throws Exception {
        Files.createDirectories(config.dataDir());
        err.println("litj: starting anvil, deploying litj's contracts and registering " + config.nodes()
                + " nodes in " + config.dataDir() + " (the nodes then run a DKG for the network key)");
        err.flush();
        AnvilDevnet devnet = AnvilDevnet.start(config, cacheDir(), Clock.systemUTC(), new SecureRandom(), keyPool);
        DevnetState state = new DevnetState(ProcessHandle.current().pid(), devnet.rpcUrl(), "", devnet.nodeUrls(),
                devnet.networkPublicKey().toHex(), config.capacity().mode().wireName());
        try {
            state.write(config.dataDir());
        } catch (IOException | RuntimeException e) {
            devnet.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            devnet.close();
            DevnetState.delete(config.dataDir());
            stopped.countDown();
        }, "litj-anvil-devnet-shutdown"));
        if (json) {
            List<JsonValue> urls = new ArrayList<>();
            devnet.nodeUrls().forEach(u -> urls.add(new JsonValue.JsonString(u)));
            out.println(JsJson.stringify(JsonValue.object().put("chain", "anvil").put("rpcUrl", devnet.rpcUrl())
                    .put("nodes", new JsonValue.JsonArray(urls))
                    .put("networkPublicKey", devnet.networkPublicKey().toHex())
                    .put("contracts", devnet.contractsJson())
                    .put("capacityMode", state.capacityMode())
                    .put("keyPool", new JsonValue.JsonNumber(keyPool))
                    .put("pid", new JsonValue.JsonNumber(ProcessHandle.current().pid())).build()));
        } else {
            out.println("litj devnet on anvil: " + devnet.nodeUrls().size() + " nodes (threshold "
                    + devnet.registry().network().threshold() + "), data in " + config.dataDir());
            out.println("  rpcUrl        " + devnet.rpcUrl() + "  (anvil; the JS SDK needs nothing else)");
            out.println("  networkPublicKey " + devnet.networkPublicKey().toHex());
            devnet.contracts().byLitName().forEach((name, address) ->
                    out.println("  " + String.format("%-14s", name) + address));
            for (int i = 0; i < devnet.nodeUrls().size(); i++) {
                out.println("  node " + i + "        " + devnet.nodeUrls().get(i));
            }
            out.println("  capacityMode  " + state.capacityMode());
            out.println("  keyPool       " + keyPool + " PKP keys made ahead of time (filled in the background)");
            out.println("Ctrl-C (or `litj devnet down`) stops it; the chain is not kept.");
        }
        out.flush();
        stopped.await();
        return 0;
    }
}
