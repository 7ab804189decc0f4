package io.litj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.client.ExecuteJsRequest;
import io.litj.client.ExecuteJsResult;
import io.litj.client.LitClient;
import io.litj.client.LitClientException;
import io.litj.devnet.PkpMinter;
import io.litj.devnet.evm.AnvilProcess;
import io.litj.devnet.evm.EvmRegistryWriter;
import io.litj.devnet.evm.EvmSender;
import io.litj.devnet.evm.LitjContracts;
import io.litj.devnet.testing.TestAnvil;
import io.litj.node.keys.AdminToken;
import io.litj.node.registry.EvmContracts;
import io.litj.node.registry.EvmRegistry;
import io.litj.node.registry.Pkp;
import io.litj.node.registry.PkpPermission;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.auth.SessionSigs;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.crypto.Hex;
import io.litj.protocol.crypto.PrivateKeyEthSigner;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.testing.NodeJs;
import io.litj.protocol.json.JsonValue;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three {@code litj node} OS processes that share nothing but the chain (anvil): each has its own folder, config
 * ({@code {"chain":{rpcUrl, stakingAddress}, "dataDir"}}), identity and wallet, is admitted, registered and the set
 * sealed with the CLI, and the nodes make the network key among themselves. A PKP minted and permitted by transaction
 * gives a wallet PKP session sigs that run a Lit Action; a permission removed by transaction is refused; a node stopped
 * and restarted reloads its share and serves again; the unmodified JS SDK with only {@code rpcUrl} = anvil then
 * connects to all three and runs executeJs. Also: the CLI's owner and staker refusals.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChainNodesProcessesTest {
    private static final EthAddress STAKING = EthAddress.parse("0xD4507CD392Af2c80919219d7896508728f6A623F", "s");
    private static final BigInteger ETHER = BigInteger.TEN.pow(18);
    private static final Duration NETWORK_KEY_LIMIT = Duration.ofSeconds(120);
    private static final Duration REFUSAL_LIMIT = Duration.ofSeconds(60);
    private static final String ECHO = "Lit.Actions.setResponse({ response: 'hello from ' + who });\n";

    private final SecureRandom random = new SecureRandom();
    private final Clock clock = Clock.systemUTC();
    @TempDir
    Path temp;
    private AnvilProcess anvil;
    private EvmSender admin;
    private EvmContracts contracts;
    private Path adminKeyFile;

    @BeforeAll
    void chain(@TempDir Path chainDir) throws Exception {
        anvil = TestAnvil.start(chainDir);
        byte[] ownerKey = key();
        PrivateKeyEthSigner owner = PrivateKeyEthSigner.fromBytes(ownerKey);
        anvil.setBalance(owner.address(), ETHER.multiply(BigInteger.valueOf(100)));
        admin = new EvmSender(anvil.rpc(), owner, AnvilProcess.CHAIN_ID);
        contracts = LitjContracts.deploy(anvil, admin, STAKING, 86_400);
        adminKeyFile = Files.writeString(chainDir.resolve("admin.key"), Hex.encode(ownerKey));
    }

    @AfterAll
    void stopChain() {
        if (anvil != null) {
            anvil.close();
        }
    }

    @Test
    void threeNodeProcesses_sharingOnlyTheChain_makeTheKey_serveAPkp_refuseARevokedWallet_andRejoinAfterRestart()
            throws Exception {
        List<Path> configs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            configs.add(newNode("host-" + i, STAKING));
        }
        AdminToken adminToken = AdminToken.loadOrCreate(shareAdminToken(configs), random);
        List<NodeProcess> nodes = new ArrayList<>();
        try (EvmRegistry registry = EvmRegistry.openAt(anvil.url(), STAKING, clock, EvmRegistry.DEFAULT_CACHE_TTL)) {
            for (Path c : configs) {
                nodes.add(NodeProcess.start(c));
            }
            assertEquals(1, registry.network().epoch());
            cli("chain", "seal", "--rpc-url", anvil.url().toString(), "--staking", STAKING.toChecksumString(),
                    "--admin-key-file", adminKeyFile.toString());
            String networkKey = awaitNetworkKey(registry.nodes().stream().map(n -> n.url()).toList(),
                    () -> client(List.of()));

            PrivateKeyEthSigner wallet = PkpSessionFixture.WALLET;
            PrivateKeyEthSigner revoked = PkpSessionFixture.SCOPELESS;
            EvmRegistryWriter writer = new EvmRegistryWriter(contracts, admin);
            writer.routeKey(PkpMinter.makeKey(adminToken, registry, random));
            EvmSender pkpOwner = funded(PrivateKeyEthSigner.fromBytes(key()));
            String tokenId = writer.mintNext(pkpOwner, BigInteger.ZERO);
            for (PrivateKeyEthSigner w : List.of(wallet, revoked)) {
                writer.permit(pkpOwner, tokenId, new PkpPermission(PkpPermission.ETH_WALLET, w.address().toLowerHex(),
                        Set.of(PkpPermission.SCOPE_PERSONAL_SIGN)));
            }
            Pkp pkp = registry.pkp(tokenId).orElseThrow();

            try (LitClient client = client(List.of())) {
                assertEquals(networkKey, client.networkPublicKey().orElseThrow());
                assertEquals("hello from chain", runEcho(client, sessionOf(client, pkp, wallet), 3));
                sessionOf(client, pkp, revoked);
            }

            writer.revoke(pkpOwner, tokenId, PkpPermission.ETH_WALLET, revoked.address().toLowerHex());
            LitClientException refused = awaitRefusal(() -> {
                try (LitClient client = client(List.of())) {
                    return sessionOf(client, pkp, revoked);
                }
            });
            assertEquals(LitErrorCode.NodePKPNotAuthorized.wireName(), refused.nodeErrorCode().orElseThrow(),
                    refused::getMessage);

            String restartedUrl = registry.nodes().get(2).url();
            nodes.remove(2).close();
            nodes.add(NodeProcess.start(configs.get(2)));
            String otherUrl = registry.nodes().get(1).url();
            try (LitClient pair = client(List.of(otherUrl, restartedUrl))) {
                assertEquals(networkKey, pair.networkPublicKey().orElseThrow(), "the restarted node reloaded its share");
                assertEquals("hello from chain", runEcho(pair, sessionOf(pair, pkp, wallet), 2));
            }
            assertJsSdkRunsExecuteJs(registry.nodes().stream().map(n -> n.url()).sorted().toList());
        } finally {
            nodes.forEach(NodeProcess::close);
        }
    }

    @Test
    void chainDeploy_atOrdinaryAddresses_servesTheSeparateHostsFlow_andTheOperatorsKeyPool() throws Exception {
        JsonValue.JsonObject deployed = (JsonValue.JsonObject) JsonReader.parse(cli("chain", "deploy", "--rpc-url",
                anvil.url().toString(), "--admin-key-file", adminKeyFile.toString(), "--json"),
                LitErrorCode.InvalidArgument, "deploy");
        EthAddress staking = EthAddress.parse(string(deployed, "stakingAddress"), "stakingAddress");
        assertNotEquals(STAKING, staking, "a creation address, not the JS SDK's fixed one");
        assertEquals(AnvilProcess.CHAIN_ID, (long) ((JsonValue.JsonNumber) deployed.get("chainId").orElseThrow())
                .value());
        List<Path> configs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            configs.add(newNode("deployed-" + i, staking));
        }
        Path token = shareAdminToken(configs);
        List<NodeProcess> nodes = new ArrayList<>();
        try (EvmRegistry registry = EvmRegistry.openAt(anvil.url(), staking, clock, Duration.ZERO)) {
            JsonValue.JsonObject named = (JsonValue.JsonObject) deployed.get("contracts").orElseThrow();
            assertEquals(registry.contracts().byLitName().get("PKPNFT"), string((JsonValue.JsonObject) named
                    .get("PKPNFT").orElseThrow(), "address"), "Staking names the printed contracts");
            for (Path c : configs) {
                nodes.add(NodeProcess.start(c));
            }
            String[] owner = {"--rpc-url", anvil.url().toString(), "--staking", staking.toChecksumString(),
                "--admin-key-file", adminKeyFile.toString()};
            cli(concat(new String[] {"chain", "seal"}, owner));
            List<String> urls = registry.nodes().stream().map(n -> n.url()).toList();
            awaitNetworkKey(urls, () -> client(urls));

            String[] pool = concat(new String[] {"chain", "pool"}, owner, new String[] {"--admin-token-file",
                token.toString(), "--target", "2", "--once"});
            assertTrue(cli(pool).contains("made and routed 2 key(s); the pool holds 2"));
            EvmRegistryWriter writer = new EvmRegistryWriter(registry.contracts(), admin);
            assertEquals(2, writer.keyPoolSize());
            String tokenId = writer.mintNext(funded(PrivateKeyEthSigner.fromBytes(key())), BigInteger.ZERO);
            assertEquals(1, writer.keyPoolSize());
            assertTrue(cli(pool).contains("made and routed 1 key(s); the pool holds 2"), "refilled what was minted");
            assertTrue(registry.pkp(tokenId).isPresent());
        } finally {
            nodes.forEach(NodeProcess::close);
        }
    }

    private static String[] concat(String[]... parts) {
        return java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream).toArray(String[]::new);
    }

    /** The operator's admin token (for PKP key DKGs), made on the first host and placed on the others by copy. */
    private Path shareAdminToken(List<Path> configs) throws Exception {
        Path token = configs.get(0).resolveSibling("data").resolve(AdminToken.FILE_NAME);
        Files.createDirectories(token.getParent());
        AdminToken.loadOrCreate(token, random);
        for (Path c : configs.subList(1, configs.size())) {
            Files.copy(token, c.resolveSibling("data").resolve(AdminToken.FILE_NAME),
                    StandardCopyOption.COPY_ATTRIBUTES);
        }
        return token;
    }

    @Test
    void register_byAWalletTheOwnerDidNotAdmit_isRefusedWithTheContractsReason() throws Exception {
        Path config = nodeConfig("stranger", STAKING);
        JsonValue.JsonObject ids = (JsonValue.JsonObject) JsonReader.parse(cli("node", "init", "--config",
                config.toString()), LitErrorCode.InvalidArgument, "init");
        anvil.setBalance(EthAddress.parse(string(ids, "nodeAddress"), "a"), ETHER);
        LitjRun r = LitjRun.litj("node", "register", "--config", config.toString(), "--address", "127.0.0.1:7999");
        assertEquals(Exit.LOCAL_ERROR, r.code(), r.err());
        assertTrue(r.err().contains("litj: staker is not admitted"), r.err());
    }

    @Test
    void admit_withAKeyThatDoesNotOwnStaking_isRefusedWithTheContractsReason() throws Exception {
        byte[] notOwnerKey = key();
        PrivateKeyEthSigner notOwner = PrivateKeyEthSigner.fromBytes(notOwnerKey);
        anvil.setBalance(notOwner.address(), ETHER);
        Path keyFile = Files.writeString(temp.resolve("not-owner.key"), Hex.encode(notOwnerKey));
        LitjRun r = LitjRun.litj("chain", "admit", "--rpc-url", anvil.url().toString(), "--staking",
                STAKING.toChecksumString(), "--admin-key-file", keyFile.toString(), "--staker",
                notOwner.address().toChecksumString());
        assertEquals(Exit.LOCAL_ERROR, r.code(), r.err());
        assertTrue(r.err().contains("litj: caller is not the owner"), r.err());
    }

    @Test
    void nodeConfig_withChainAndARegistryFile_isRefused() throws Exception {
        Path config = Files.writeString(temp.resolve("both.json"), "{\"chain\":{\"rpcUrl\":\"" + anvil.url()
                + "\",\"stakingAddress\":\"" + STAKING.toChecksumString() + "\"},\"registry\":\"r.sqlite\","
                + "\"index\":0,\"dataDir\":\"d\"}");
        LitjRun r = LitjRun.litj("node", "--config", config.toString());
        assertEquals(Exit.LOCAL_ERROR, r.code(), r.err());
        assertTrue(r.err().contains("[invalid_argument_exception]") && r.err().contains("without 'registry' and"
                + " 'index'"), r.err());
    }

    /** The unmodified JS SDK 7.4.0 with only {@code rpcUrl} = anvil connects to all three and runs executeJs. */
    private void assertJsSdkRunsExecuteJs(List<String> urls) {
        String out = NodeJs.runScript("anvil-flows.mjs", "--rpc-url", anvil.url().toString(), "--block-hash-url",
                anvil.url() + "/get_most_recent_valid_block", "--user-key", PkpSessionFixture.STRANGER_KEY);
        JsonValue.JsonObject flows = (JsonValue.JsonObject) ((JsonValue.JsonObject) JsonReader.parse(out,
                LitErrorCode.InvalidArgument, "doc")).get("flows").orElseThrow();
        JsonValue.JsonObject connect = (JsonValue.JsonObject) flows.get("connect").orElseThrow();
        assertEquals(new JsonValue.JsonBoolean(true), connect.get("ok").orElseThrow(), out);
        assertEquals(urls, ((JsonValue.JsonArray) connect.get("connectedNodes").orElseThrow()).items().stream()
                .map(v -> ((JsonValue.JsonString) v).value()).sorted().toList(), out);
        JsonValue.JsonObject execute = (JsonValue.JsonObject) flows.get("executeJs").orElseThrow();
        assertEquals(new JsonValue.JsonBoolean(true), execute.get("ok").orElseThrow(), out);
        assertEquals(new JsonValue.JsonString("{\"chain\":\"anvil\",\"n\":3}"),
                execute.get("response").orElseThrow(), out);
    }

    /** A host folder with its config; the node's keys made, its wallet admitted, funded and registered. */
    private Path newNode(String host, EthAddress staking) throws Exception {
        Path config = nodeConfig(host, staking);
        JsonValue.JsonObject ids = (JsonValue.JsonObject) JsonReader.parse(cli("node", "init", "--config",
                config.toString()), LitErrorCode.InvalidArgument, "init");
        String address = string(ids, "nodeAddress");
        anvil.setBalance(EthAddress.parse(address, "node"), ETHER);
        cli("chain", "admit", "--rpc-url", anvil.url().toString(), "--staking", staking.toChecksumString(),
                "--admin-key-file", adminKeyFile.toString(), "--staker", address);
        cli("node", "register", "--config", config.toString(), "--address", "127.0.0.1:" + TestAnvil.freePort());
        return config;
    }

    private Path nodeConfig(String host, EthAddress staking) throws Exception {
        Path dir = Files.createDirectories(temp.resolve(host));
        return Files.writeString(dir.resolve("node.json"), "{\"chain\":{\"rpcUrl\":\"" + anvil.url()
                + "\",\"stakingAddress\":\"" + staking.toChecksumString() + "\"},\"dataDir\":\"data\"}");
    }

    /** Connects until every node ({@code urls}) reports the same network key, within {@link #NETWORK_KEY_LIMIT}. */
    private String awaitNetworkKey(List<String> urls, Supplier<LitClient> connect) throws InterruptedException {
        long deadline = System.nanoTime() + NETWORK_KEY_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            try (LitClient client = connect.get()) {
                if (client.networkPublicKey().isPresent() && client.nodeUrls().equals(urls)) {
                    return client.networkPublicKey().get();
                }
            } catch (LitClientException e) {
                // not all nodes hold the key yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the nodes did not make the network key within " + NETWORK_KEY_LIMIT);
    }

    private LitClientException awaitRefusal(Supplier<SessionSigs> attempt) throws InterruptedException {
        long deadline = System.nanoTime() + REFUSAL_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                attempt.get();
            } catch (LitClientException e) {
                if (e.nodeErrorCode().isPresent()) {
                    return e;
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the revoked wallet still got a session after " + REFUSAL_LIMIT);
    }

    /** A client of the chain (only the rpc URL), or of {@code urls} with threshold 2. */
    private LitClient client(List<String> urls) {
        LitClient.Builder b = LitClient.builder().allowPlainHttp().clock(clock).connectTimeout(Duration.ofSeconds(5))
                .requestTimeout(Duration.ofSeconds(30));
        LitClient client = urls.isEmpty() ? b.rpcUrl(anvil.url()).build()
                : b.nodeUrls(urls).minNodeCount(2).build();
        try {
            client.connect();
            return client;
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    private SessionSigs sessionOf(LitClient client, Pkp pkp, PrivateKeyEthSigner wallet) {
        return client.getPkpSessionSigs(PkpSessionFixture.walletRequest(client, pkp, wallet, clock));
    }

    private static String runEcho(LitClient client, SessionSigs sigs, int nodes) {
        ExecuteJsResult result = client.executeJs(ExecuteJsRequest.builder().code(ECHO)
                .jsParams(JsonValue.object().put("who", "chain").build()).sessionSigs(sigs).build());
        assertEquals(nodes, result.perNode().size());
        return result.response();
    }

    private EvmSender funded(PrivateKeyEthSigner wallet) {
        anvil.setBalance(wallet.address(), ETHER);
        return new EvmSender(anvil.rpc(), wallet, AnvilProcess.CHAIN_ID);
    }

    private byte[] key() {
        byte[] key = new byte[32];
        random.nextBytes(key);
        key[0] &= 0x7f;
        key[31] |= 1;
        return key;
    }

    private static String string(JsonValue.JsonObject o, String name) {
        return ((JsonValue.JsonString) o.get(name).orElseThrow()).value();
    }

    /** Runs a command that must succeed; returns its output. */
    private static String cli(String... args) {
        LitjRun r = LitjRun.litj(args);
        assertEquals(0, r.code(), () -> String.join(" ", args) + " failed: " + r.both());
        return r.out();
    }
}
