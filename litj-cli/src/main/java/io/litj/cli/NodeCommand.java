package io.litj.cli;

import io.litj.node.LitNode;
import io.litj.node.NodeConfig;
import io.litj.node.registry.SqliteRegistry;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code litj node --config <file>}: one node in its own process (stops on SIGTERM / Ctrl-C). This command opens the
 * config's registry file, gives it to the node, and closes it after the node has stopped.
 */
@Command(name = "node", mixinStandardHelpOptions = true, description = "Run one Lit node from a config file.")
final class NodeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Option(names = "--config", required = true,
            description = "node config JSON: {\"registry\":…, \"index\":…, \"dataDir\":…}")
    Path config;
    @Option(names = "--verbose", description = "log every request")
    boolean verbose;

    @Override
    public Integer call() throws InterruptedException {
        NodeConfig nodeConfig = NodeConfig.read(config);
        SqliteRegistry registry = SqliteRegistry.open(nodeConfig.registryFile());
        LitNode node;
        try {
            node = LitNode.builder(nodeConfig).registry(registry).start();
        } catch (RuntimeException e) {
            registry.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
            } finally {
                registry.close();
                stopped.countDown();
            }
        }, "litj-node-shutdown"));
        spec.commandLine().getOut().println("litj node " + node.entry().index() + " listening on " + node.url());
        spec.commandLine().getOut().flush();
        stopped.await();
        return 0;
    }
}
