package io.litj.bench;

import io.litj.devnet.Devnet;
import io.litj.devnet.DevnetConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * A litj devnet in its own JVM for load scripts ({@code bench/js-sdk-load.sh}): starts N nodes (default 3) on free
 * ports with a new data folder, prints one JSON line {@code {"network":"litj","pid","rpcUrl","blockHashUrl","nodes"}}
 * and runs until stdin closes or the process is stopped. The same as {@code litj devnet up --json} without the CLI
 * (so the bench build needs no {@code mvn install}).
 * Usage: {@code BenchDevnet [nodes=3] [dataDir=a new temporary folder]}.
 */
public final class BenchDevnet {
    private BenchDevnet() {
    }

    public static void main(String[] args) throws Exception {
        NetworkProcess.quietLogging();
        int nodes = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path data = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("litj-bench-devnet-");
        Devnet devnet = Devnet.start(DevnetConfig.defaults(data).withNodes(nodes).withPorts(0, 0), Clock.systemUTC(),
                new SecureRandom());
        NetworkProcess.announceAndWait("litj", devnet.rpcUrl(), devnet.blockHashUrl(), devnet.nodeUrls(), devnet);
    }
}
