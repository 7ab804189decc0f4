package io.litj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.client.LitClient;
import io.litj.client.LitClientException;
import io.litj.client.NodeFailure;
import io.litj.devnet.AnvilDevnet;
import io.litj.devnet.Devnet;
import io.litj.devnet.DevnetConfig;
import io.litj.devnet.testing.TestAnvil;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.auth.AuthSig;
import io.litj.protocol.auth.SessionSigs;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.crypto.PrivateKeyEthSigner;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * EIP-1271 capabilities end to end (docs/validation.md): {@code TestMultisigWallet} (2 owners, threshold 2) deployed
 * on a {@code --chain anvil} devnet grants a session through the Java SDK's auth callback; the nodes ask the wallet
 * with {@code isValidSignature}. Both owners' signatures → executeJs runs; one owner's → every node refuses with
 * {@code NodeContractAuthsigUnauthorized}; an address with no code → the same; the embedded devnet (no EVM) → every
 * node refuses with {@code NodeEip1271NeedsEvmChain}.
 */
class Eip1271SessionTest {
    private static final Clock CLOCK = Clock.systemUTC();

    @TempDir
    static Path temp;
    @AutoClose
    private static AnvilDevnet anvil;
    private static EthAddress wallet;

    @BeforeAll
    static void startAnvilDevnetAndDeployTheWallet() {
        anvil = AnvilDevnet.start(DevnetConfig.defaults(temp.resolve("anvil")).withPorts(0, 0), TestAnvil.cacheDir(),
                CLOCK, new SecureRandom());
        wallet = Eip1271Fixture.deployTwoOfTwo(anvil);
    }

    private static LitClient connect(String rpcUrl) {
        LitClient client = LitClient.builder().rpcUrl(URI.create(rpcUrl)).clock(CLOCK)
                .connectTimeout(Duration.ofSeconds(5)).requestTimeout(Duration.ofSeconds(30)).build();
        client.connect();
        return client;
    }

    private static void assertEveryNodeRefuses(LitClient client, SessionSigs sigs, LitErrorCode code) {
        LitClientException e = assertThrows(LitClientException.class, () -> Eip1271Fixture.run(client, sigs));
        assertEquals(3, e.nodeFailures().size(), e.toString());
        for (NodeFailure f : e.nodeFailures()) {
            assertEquals(code.wireName(), f.errorCode().orElse(""), f.describe());
        }
    }

    @Test
    void bothOwnersSign_theSessionRunsAnAction() {
        try (LitClient client = connect(anvil.rpcUrl())) {
            SessionSigs sigs = Eip1271Fixture.session(client, wallet,
                    List.of(Eip1271Fixture.OWNER_A, Eip1271Fixture.OWNER_B), CLOCK);
            AuthSig grant = sigs.byNodeUrl().values().iterator().next().payload().capabilities().getLast();
            assertEquals("EIP1271", grant.derivedVia());
            assertEquals(wallet.toChecksumString(), grant.address());
            assertEquals("wallet ran", Eip1271Fixture.run(client, sigs));
            assertEquals("wallet ran", Eip1271Fixture.run(client, sigs), "again (the nodes' cache answers)");
        }
    }

    @Test
    void oneOwnerSigns_everyNodeRefusesWithTheWalletsCode() {
        try (LitClient client = connect(anvil.rpcUrl())) {
            SessionSigs sigs = Eip1271Fixture.session(client, wallet, List.of(Eip1271Fixture.OWNER_B), CLOCK);
            assertEveryNodeRefuses(client, sigs, LitErrorCode.NodeContractAuthsigUnauthorized);
        }
    }

    @Test
    void addressWithoutCode_everyNodeRefusesWithTheWalletsCode() {
        EthAddress noCode = PrivateKeyEthSigner.fromHex("0".repeat(63) + "5").address();
        try (LitClient client = connect(anvil.rpcUrl())) {
            SessionSigs sigs = Eip1271Fixture.session(client, noCode,
                    List.of(Eip1271Fixture.OWNER_A, Eip1271Fixture.OWNER_B), CLOCK);
            LitClientException e = assertThrows(LitClientException.class, () -> Eip1271Fixture.run(client, sigs));
            for (NodeFailure f : e.nodeFailures()) {
                assertEquals("NodeContractAuthsigUnauthorized", f.errorCode().orElse(""), f.describe());
                assertTrue(f.message().contains("no contract at this address"), f.message());
            }
        }
    }

    @Test
    void embeddedDevnet_refusesSayingEip1271NeedsAnEvmChain() {
        try (Devnet embedded = TestDevnets.start(temp.resolve("embedded"));
             LitClient client = connect(embedded.rpcUrl())) {
            SessionSigs sigs = Eip1271Fixture.session(client, wallet,
                    List.of(Eip1271Fixture.OWNER_A, Eip1271Fixture.OWNER_B), CLOCK);
            assertEveryNodeRefuses(client, sigs, LitErrorCode.NodeEip1271NeedsEvmChain);
            LitClientException e = assertThrows(LitClientException.class, () -> Eip1271Fixture.run(client, sigs));
            assertTrue(e.nodeFailures().getFirst().message().contains("EIP-1271 capabilities need an EVM chain"),
                    e.nodeFailures().getFirst().message());
        }
    }
}
