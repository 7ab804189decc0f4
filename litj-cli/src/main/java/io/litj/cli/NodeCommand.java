package io.litj.cli;

import io.litj.devnet.evm.EvmRegistryWriter;
import io.litj.node.LitNode;
import io.litj.node.LitNodeException;
import io.litj.node.NodeConfig;
import io.litj.node.RegistryChain;
import io.litj.node.keys.NodeIdentity;
import io.litj.node.registry.EvmRegistry;
import io.litj.node.registry.Registry;
import io.litj.node.registry.SqliteRegistry;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonValue;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code litj node --config <file>}: one node in its own process (stops on SIGTERM / Ctrl-C). This command opens the
 * config's registry (a registry file, or litj's contracts on the config's {@code chain}), gives it to the node, and
 * closes it after the node has stopped. {@code litj node init} and {@code litj node register} prepare a node of a
 * network on a chain (see {@code docs/deploy.md}).
 */
@Command(name = "node", mixinStandardHelpOptions = true, description = "Run one Lit node from a config file.",
        subcommands = {NodeCommand.Init.class, NodeCommand.Register.class})
final class NodeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Option(names = "--config",
            description = "node config JSON: {\"registry\":…, \"index\":…, \"dataDir\":…} or"
                    + " {\"chain\":{\"rpcUrl\":…, \"stakingAddress\":…}, \"dataDir\":…}")
    Path config;
    @Option(names = "--verbose", description = "log every request")
    boolean verbose;

    @Override
    public Integer call() throws InterruptedException {
        if (config == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing required option: "
                    + "'--config=<config>' (or a subcommand: init, register)");
        }
        NodeConfig nodeConfig = NodeConfig.read(config);
        Registry registry = open(nodeConfig);
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
        String bound = node.listenAddress().equals(node.url()) ? "" : " (bound to " + node.listenAddress() + ")";
        spec.commandLine().getOut().println("litj node " + node.entry().index() + " listening on " + node.url()
                + bound);
        spec.commandLine().getOut().flush();
        stopped.await();
        return 0;
    }

    private static Registry open(NodeConfig config) {
        RegistryChain chain = config.registryChain();
        if (chain == null) {
            return SqliteRegistry.open(config.registryFile());
        }
        EvmRegistry registry = EvmRegistry.openAt(chain.rpcUrl(), chain.stakingAddress(), Clock.systemUTC(),
                EvmRegistry.DEFAULT_CACHE_TTL);
        registry.followEvents(EvmRegistry.DEFAULT_EVENT_POLL);
        return registry;
    }

    /** The config of a node on a chain; refuses a registry file's. */
    static NodeConfig chainConfig(Path file) {
        NodeConfig config = NodeConfig.read(file);
        if (config.registryChain() == null) {
            throw new LitNodeException(LitErrorCode.InvalidArgument, "node config " + file + " names a registry "
                    + "file; init and register are for a node on a chain ({\"chain\":{…}})");
        }
        return config;
    }

    @Command(name = "init", mixinStandardHelpOptions = true,
            description = "Create the node's identity and wallet keys in its data folder and print their public "
                    + "halves (the wallet address is what the Staking owner admits and funds).")
    static final class Init implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--config", required = true, description = "the node's config (with \"chain\")")
        Path config;

        @Override
        public Integer call() {
            NodeIdentity identity = NodeIdentity.loadOrCreate(chainConfig(config).dataDir(), new SecureRandom());
            spec.commandLine().getOut().println(JsJson.stringify(JsonValue.object()
                    .put("nodeAddress", identity.wallet().address().toChecksumString())
                    .put("identityKey", identity.identityPublicKey()).build()));
            return Exit.OK;
        }
    }

    @Command(name = "register", mixinStandardHelpOptions = true,
            description = "Join the network on chain from the node's wallet (requestToJoin) at the address clients "
                    + "and peers reach it; the wallet must be admitted (litj chain admit) and funded.")
    static final class Register implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--config", required = true, description = "the node's config (with \"chain\")")
        Path config;
        @Option(names = "--address", required = true, paramLabel = "IPV4:PORT",
                description = "where the node listens and is reached, e.g. 10.0.0.5:7470")
        String address;

        @Override
        public Integer call() {
            NodeConfig node = chainConfig(config);
            int colon = address.lastIndexOf(':');
            int port;
            try {
                port = colon < 1 ? -1 : Integer.parseInt(address.substring(colon + 1));
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 1 || port > 65535) {
                throw new LitNodeException(LitErrorCode.InvalidArgument, "--address must be IPV4:PORT with a port in "
                        + "1..65535 but is " + address);
            }
            NodeIdentity identity = NodeIdentity.loadOrCreate(node.dataDir(), new SecureRandom());
            RegistryChain chain = node.registryChain();
            try (ChainWallet wallet = new ChainWallet(chain.rpcUrl(), identity.wallet())) {
                EvmRegistryWriter.join(chain.stakingAddress(), address.substring(0, colon), port,
                        identity.identityPublicKey(), wallet.sender());
            }
            spec.commandLine().getOut().println("registered node " + identity.wallet().address().toChecksumString()
                    + " at " + address);
            return Exit.OK;
        }
    }
}
