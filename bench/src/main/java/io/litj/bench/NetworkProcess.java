package io.litj.bench;

import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonValue;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * What {@link BenchDevnet} and {@link StandInNetwork} share: quiet logging, the one JSON line that tells a load
 * script where the network listens ({@code {"network", "pid", "rpcUrl", "blockHashUrl", "nodes"}}), and running until
 * stdin closes or the process is asked to stop.
 */
final class NetworkProcess {
    private NetworkProcess() {
    }

    /** Warnings only (as {@code litj devnet} without {@code --verbose}); call before any logger exists. */
    static void quietLogging() {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        root.setLevel(java.util.logging.Level.WARNING);
        for (java.util.logging.Handler h : root.getHandlers()) {
            h.setLevel(java.util.logging.Level.WARNING);
        }
    }

    /** Prints the network's address line, then blocks until stdin reaches its end or the JVM shuts down. */
    static void announceAndWait(String name, String rpcUrl, String blockHashUrl, List<String> nodes,
            AutoCloseable network) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            closeQuietly(network);
            stopped.countDown();
        }, name + "-shutdown"));
        System.out.println(JsJson.stringify(JsonValue.object()
                .put("network", name)
                .put("pid", new JsonValue.JsonNumber(ProcessHandle.current().pid()))
                .put("rpcUrl", rpcUrl)
                .put("blockHashUrl", blockHashUrl)
                .put("nodes", new JsonValue.JsonArray(nodes.stream().map(n -> (JsonValue) new JsonValue.JsonString(n))
                        .toList()))
                .build()));
        System.out.flush();
        Thread stdin = Thread.ofPlatform().daemon(true).start(() -> {
            try {
                while (System.in.read() >= 0) {
                    // ignore input; the end of stdin means: stop
                }
            } catch (IOException e) {
                // stop as well
            }
            System.exit(0);
        });
        stdin.setName(name + "-stdin");
        stopped.await();
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            System.err.println("closing failed: " + e);
        }
    }
}
