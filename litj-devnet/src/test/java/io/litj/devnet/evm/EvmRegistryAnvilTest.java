package io.litj.devnet.evm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.devnet.testing.TestAnvil;
import io.litj.node.LitNodeException;
import io.litj.node.registry.Block;
import io.litj.node.registry.CapacityCredit;
import io.litj.node.registry.EvmAuthMethods;
import io.litj.node.registry.EvmContracts;
import io.litj.node.registry.EvmRegistry;
import io.litj.node.registry.NetworkInfo;
import io.litj.node.registry.NodeEntry;
import io.litj.node.registry.Pkp;
import io.litj.node.registry.PkpPermission;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.chain.AbiCodec;
import io.litj.protocol.chain.AbiType;
import io.litj.protocol.chain.AbiValue;
import io.litj.protocol.chain.RateLimitNftContract;
import io.litj.protocol.chain.StakingContract;
import io.litj.protocol.crypto.Bytes;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.crypto.Hashes;
import io.litj.protocol.crypto.Hex;
import io.litj.protocol.crypto.PrivateKeyEthSigner;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.testing.MutableClock;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.ECKeyPair;

/**
 * litj's contracts on a real EVM (anvil) read through {@link EvmRegistry}: nodes registered by their stakers are what
 * the registry lists; only admitted stakers join; the key pool hands each key out once; only a PKP's owner changes its
 * permissions, and a removed permission is gone once the cache time has passed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvmRegistryAnvilTest {
    private static final EthAddress STAKING = EthAddress.parse("0xD4507CD392Af2c80919219d7896508728f6A623F", "s");
    private static final BigInteger ETHER = BigInteger.TEN.pow(18);

    private final SecureRandom random = new SecureRandom();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private AnvilProcess anvil;
    private EvmSender admin;
    private EvmContracts contracts;
    private EvmRegistryWriter writer;
    private EvmRegistry registry;
    private final List<NodeEntry> nodes = new ArrayList<>();

    @BeforeAll
    void deployAndRegister(@TempDir Path temp) {
        anvil = TestAnvil.start(temp);
        admin = funded();
        contracts = LitjContracts.deploy(anvil, admin, STAKING, 86_400);
        writer = new EvmRegistryWriter(contracts, admin);
        for (int i = 0; i < 3; i++) {
            EvmSender wallet = funded();
            NodeEntry node = new NodeEntry(i, "127.0.0.1", 7470 + i, wallet.address().toChecksumString(),
                    Hex.encode(randomBytes(32)));
            writer.registerNode(node, wallet);
            nodes.add(node);
        }
        registry = EvmRegistry.open(anvil.url(), contracts, clock, Duration.ofSeconds(2));
    }

    @AfterAll
    void stop() {
        if (registry != null) {
            registry.close();
        }
        if (anvil != null) {
            anvil.close();
        }
    }

    @Test
    void registeredNodes_areTheRegistrysNodesWithThresholdAndEpoch() {
        assertEquals(nodes, registry.nodes());
        NetworkInfo network = registry.network();
        assertEquals(AnvilProcess.CHAIN_ID, network.chainId());
        assertEquals(1, network.epoch());
        assertEquals(NetworkInfo.thresholdFor(3), network.threshold());
        assertEquals(86_400, network.epochLengthSeconds());
        assertEquals(STAKING.toChecksumString(), network.stakingAddress());
    }

    @Test
    void aStakerNotAdmitted_cannotJoin() {
        EvmSender stranger = funded();
        NodeEntry node = new NodeEntry(3, "127.0.0.1", 7480, stranger.address().toChecksumString(),
                Hex.encode(randomBytes(32)));
        LitNodeException e = assertThrows(LitNodeException.class, () -> stranger.send(contracts.staking(),
                StakingContract.REQUEST_TO_JOIN.encodeCall(List.of(
                        AbiValue.uint(0x7f000001L), AbiValue.uint(0),
                        AbiValue.uint(node.port()),
                        AbiValue.address(stranger.address()),
                        AbiValue.uint(1), AbiValue.uint(0)))));
        assertEquals(LitErrorCode.NodeSystemFault, e.code());
        assertTrue(e.getMessage().contains("litj: staker is not admitted"), e.getMessage());
        assertEquals(3, registry.nodes().size());
    }

    @Test
    void theKeyPool_handsEachKeyOutOnce_thenRefuses() {
        byte[] a = newKey();
        byte[] b = newKey();
        writer.routeKey(a);
        writer.routeKey(b);
        EvmSender minter = funded();
        String first = writer.mintNext(minter, BigInteger.ZERO);
        String second = writer.mintNext(minter, BigInteger.ZERO);
        assertNotEquals(first, second);
        assertEquals(Set.of(Pkp.tokenIdOf(a), Pkp.tokenIdOf(b)), Set.of(first, second));
        LitNodeException e = assertThrows(LitNodeException.class, () -> writer.mintNext(minter, BigInteger.ZERO));
        assertTrue(e.getMessage().contains("litj: the key pool is empty"), e.getMessage());
        assertEquals(Hex.encode(a), registry.pkp(Pkp.tokenIdOf(a)).orElseThrow().publicKey());
    }

    @Test
    void onlyTheOwner_changesPermissions_andARemovalIsSeenAfterTheCacheTime() {
        byte[] key = newKey();
        writer.routeKey(key);
        EvmSender owner = funded();
        String tokenId = writer.mintNext(owner, BigInteger.ZERO);
        String wallet = "0x" + Hex.encode(randomBytes(20));
        PkpPermission permission = new PkpPermission(PkpPermission.ETH_WALLET, wallet, Set.of(1));

        LitNodeException refused = assertThrows(LitNodeException.class,
                () -> writer.permit(funded(), tokenId, permission));
        assertTrue(refused.getMessage().contains("litj: only the PKP's owner"),
                refused.getMessage());
        assertEquals(List.of(), registry.pkpsPermitting(PkpPermission.ETH_WALLET, wallet));

        writer.permit(owner, tokenId, permission);
        String cid = "QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG";
        writer.permit(owner, tokenId, new PkpPermission(PkpPermission.LIT_ACTION, cid, Set.of(1, 2)));
        Pkp pkp = registry.pkp(tokenId).orElseThrow();
        assertEquals(List.of(permission, new PkpPermission(PkpPermission.LIT_ACTION, cid, Set.of(1, 2))),
                pkp.permissions());
        assertEquals(List.of(tokenId), registry.pkpsPermitting(PkpPermission.ETH_WALLET, wallet));
        assertEquals(List.of(tokenId), registry.pkpsPermitting(PkpPermission.LIT_ACTION, cid));

        writer.revoke(owner, tokenId, PkpPermission.ETH_WALLET, wallet);
        assertEquals(2, registry.pkp(tokenId).orElseThrow().permissions().size(), "served from the cache");
        clock.advance(Duration.ofSeconds(3));
        assertEquals(List.of(new PkpPermission(PkpPermission.LIT_ACTION, cid, Set.of(1, 2))),
                registry.pkp(tokenId).orElseThrow().permissions());
        assertEquals(List.of(), registry.pkpsPermitting(PkpPermission.ETH_WALLET, wallet));
    }

    @Test
    void thePermissionEvent_saysWhatTheStateHolds() {
        writer.routeKey(newKey());
        EvmSender owner = funded();
        String tokenId = writer.mintNext(owner, BigInteger.ZERO);
        String cid = "QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG";
        EvmSender.Receipt r = writer.permit(owner, tokenId, new PkpPermission(PkpPermission.LIT_ACTION, cid,
                Set.of(2)));
        String added = "0x" + Hex.encode(Hashes.keccak256("PermittedAuthMethodAdded(uint256,uint256,bytes,bytes)"));
        String scope = "0x" + Hex.encode(Hashes.keccak256(
                "PermittedAuthMethodScopeAdded(uint256,uint256,bytes,uint256)"));
        List<String> topics0 = new ArrayList<>();
        for (JsonValue log : r.logs()) {
            List<JsonValue> topics = ((JsonValue.JsonArray) ((JsonValue.JsonObject) log).get("topics").orElseThrow())
                    .items();
            topics0.add(((JsonValue.JsonString) topics.get(0)).value());
            assertEquals("0x" + tokenId, ((JsonValue.JsonString) topics.get(1)).value());
            if (topics0.getLast().equals(added)) {
                String data = ((JsonValue.JsonString) ((JsonValue.JsonObject) log).get("data").orElseThrow()).value();
                List<AbiValue> fields = AbiCodec.decode(List.of(AbiType.UINT256, AbiType.BYTES, AbiType.BYTES),
                        Bytes.fromHex(data, "log data"));
                assertEquals(BigInteger.TWO, fields.get(0).asUint());
                assertEquals(cid, EvmAuthMethods.idText(2, fields.get(1).asBytes().toByteArray()).orElseThrow());
            }
        }
        assertEquals(List.of(added, scope), topics0);
        assertEquals(List.of(new PkpPermission(PkpPermission.LIT_ACTION, cid, Set.of(2))),
                registry.pkp(tokenId).orElseThrow().permissions());
    }

    @Test
    void aCapacityCreditMintedOnChain_isReadWithItsOwnerRequestsAndExpiry() {
        EvmSender holder = funded();
        long expiresAt = registry.latestBlock().timestamp().getEpochSecond() + 86_400;
        List<AbiValue> quote = AbiCodec.decode(List.of(AbiType.UINT256), Bytes.fromHex(anvil.rpc().ethCall(
                contracts.rateLimitNft().toChecksumString(), RateLimitNftContract.CALCULATE_COST.encodeCall(List.of(
                        AbiValue.uint(5), AbiValue.uint(expiresAt))).hex0x()), "cost"));
        holder.send(Optional.of(contracts.rateLimitNft()), RateLimitNftContract.MINT.encodeCall(List.of(
                AbiValue.uint(expiresAt))), quote.getFirst().asUint());
        List<CapacityCredit> owned = registry.capacityCreditsOwnedBy(holder.address());
        assertEquals(1, owned.size());
        CapacityCredit credit = owned.getFirst();
        assertEquals(holder.address(), credit.owner());
        assertTrue(credit.requestsPerKilosecond() >= 5, "bought at least what was quoted: " + credit);
        assertEquals(Instant.ofEpochSecond(expiresAt), credit.expiresAt());
        assertEquals(credit, registry.capacityCredit(credit.tokenId()).orElseThrow());

        LitNodeException unpaid = assertThrows(LitNodeException.class, () -> holder.send(
                Optional.of(contracts.rateLimitNft()), RateLimitNftContract.MINT.encodeCall(List.of(
                        AbiValue.uint(expiresAt))), BigInteger.ZERO));
        assertTrue(unpaid.getMessage().contains("litj: the payment buys no requests"), unpaid.getMessage());
    }

    @Test
    void blocks_areTheChainsBlocks() {
        Block latest = registry.latestBlock();
        assertTrue(latest.number() > 0);
        assertEquals(latest, registry.block(latest.hash().toUpperCase().replace("0X", "0x")).orElseThrow());
        assertTrue(registry.block("0x" + "ab".repeat(32)).isEmpty());
    }

    @Test
    void anUnknownPkpOrCredit_isEmpty_andActionCodeIsRefused() {
        assertTrue(registry.pkp("00".repeat(32)).isEmpty());
        assertTrue(registry.capacityCredit("7").isEmpty());
        LitNodeException e = assertThrows(LitNodeException.class, () -> registry.actionCode("Qm"));
        assertEquals(LitErrorCode.NodeSystemFault, e.code());
    }

    @Test
    void pollEvents_afterARemovalByTransaction_dropsThePkpAtOnceWithoutWaitingForTheCacheTime() {
        MutableClock frozen = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        try (EvmRegistry following = EvmRegistry.openAt(anvil.url(), STAKING, frozen, Duration.ofHours(1))) {
            EvmSender owner = funded();
            writer.routeKey(newKey());
            String tokenId = writer.mintNext(owner, BigInteger.ZERO);
            PkpPermission wallet = new PkpPermission(PkpPermission.ETH_WALLET, owner.address().toLowerHex(),
                    Set.of(PkpPermission.SCOPE_PERSONAL_SIGN));
            writer.permit(owner, tokenId, wallet);
            following.pollEvents();
            assertEquals(List.of(wallet), following.pkp(tokenId).orElseThrow().permissions());

            writer.revoke(owner, tokenId, PkpPermission.ETH_WALLET, owner.address().toLowerHex());
            assertEquals(List.of(wallet), following.pkp(tokenId).orElseThrow().permissions(),
                    "before the poll the cached PKP is served (the clock never moves)");
            assertTrue(following.pollEvents() >= 1);
            assertEquals(List.of(), following.pkp(tokenId).orElseThrow().permissions());
        }
    }

    @Test
    void pollEvents_afterANodeJoins_listsItAtOnce() {
        MutableClock frozen = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        EthAddress staking = EthAddress.of(randomBytes(20));
        anvil.setCode(staking, LitjContracts.artifact("Staking", "deployedBytecode"));
        admin.send(staking, StakingContract.INITIALIZE.encodeCall(List.of(AbiValue.address(admin.address()),
                AbiValue.uint(86_400))));
        EvmContracts other = new EvmContracts(staking, contracts.pubkeyRouter(), contracts.pkpNft(),
                contracts.pkpPermissions(), contracts.rateLimitNft(), contracts.pkpHelper());
        EvmRegistryWriter otherWriter = new EvmRegistryWriter(other, admin);
        try (EvmRegistry following = EvmRegistry.open(anvil.url(), other, frozen, Duration.ofHours(1))) {
            assertEquals(List.of(), following.nodes());
            EvmSender wallet = funded();
            NodeEntry node = new NodeEntry(0, "127.0.0.1", 7471, wallet.address().toChecksumString(),
                    Hex.encode(randomBytes(32)));
            otherWriter.registerNode(node, wallet);
            assertEquals(List.of(), following.nodes(), "cached until the poll");
            following.pollEvents();
            assertEquals(List.of(node), following.nodes());
        }
    }

    @Test
    void openAt_stakingAlone_findsTheOtherContractsStakingNames() {
        try (EvmRegistry found = EvmRegistry.openAt(anvil.url(), STAKING, clock, Duration.ofSeconds(2))) {
            assertEquals(contracts, found.contracts());
            assertEquals(nodes, found.nodes());
        }
    }

    @Test
    void openAt_aStakingWhoseOwnerNamedNoContracts_isRefusedWithNodeSystemFault() {
        EthAddress bare = EthAddress.of(randomBytes(20));
        anvil.setCode(bare, LitjContracts.artifact("Staking", "deployedBytecode"));
        admin.send(bare, StakingContract.INITIALIZE.encodeCall(List.of(AbiValue.address(admin.address()),
                AbiValue.uint(86_400))));
        LitNodeException e = assertThrows(LitNodeException.class,
                () -> EvmRegistry.openAt(anvil.url(), bare, clock, Duration.ofSeconds(2)));
        assertEquals(LitErrorCode.NodeSystemFault, e.code());
        assertTrue(e.getMessage().contains("names no other contracts yet"), e.getMessage());
    }

    @Test
    void setLitjContracts_bySomeoneButTheOwner_reverts() {
        EvmSender stranger = funded();
        LitNodeException e = assertThrows(LitNodeException.class, () -> stranger.send(contracts.staking(),
                StakingContract.SET_LITJ_CONTRACTS.encodeCall(List.of(AbiValue.address(stranger.address()),
                        AbiValue.address(stranger.address()), AbiValue.address(stranger.address()),
                        AbiValue.address(stranger.address()), AbiValue.address(stranger.address())))));
        assertTrue(e.getMessage().contains("litj: caller is not the owner"), e.getMessage());
        try (EvmRegistry found = EvmRegistry.openAt(anvil.url(), STAKING, clock, Duration.ofSeconds(2))) {
            assertEquals(contracts, found.contracts());
        }
    }

    private EvmSender funded() {
        PrivateKeyEthSigner wallet = PrivateKeyEthSigner.fromBytes(randomBytes(32));
        anvil.setBalance(wallet.address(), ETHER);
        return new EvmSender(anvil.rpc(), wallet, AnvilProcess.CHAIN_ID);
    }

    private byte[] newKey() {
        ECKeyPair pair = ECKeyPair.create(new BigInteger(1, randomBytes(31)).add(BigInteger.ONE));
        byte[] xy = pair.getPublicKey().toByteArray();
        byte[] out = new byte[65];
        out[0] = 4;
        int n = Math.min(xy.length, 64);
        System.arraycopy(xy, xy.length - n, out, 65 - n, n);
        return out;
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
