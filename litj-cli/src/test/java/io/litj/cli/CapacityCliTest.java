package io.litj.cli;

import static io.litj.cli.LitjRun.keyFile;
import static io.litj.cli.LitjRun.litj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.devnet.Devnet;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.auth.AuthSig;
import io.litj.protocol.auth.SessionSig;
import io.litj.protocol.auth.SessionSigs;
import io.litj.protocol.crypto.Eip191;
import io.litj.protocol.crypto.EthSignature;
import io.litj.protocol.crypto.PrivateKeyEthSigner;
import io.litj.protocol.siwe.SiweMessage;
import io.litj.protocol.siwe.SiweParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code litj capacity delegate}, {@code litj exec --capacity-delegation} and {@code litj session create
 * --capacity-delegation} against a running devnet (capacity checks off): the delegation is signed with the network's
 * nonce and travels ahead of the wallet grant in every session sig, which the nodes accept.
 */
class CapacityCliTest {
    private static final String OWNER_KEY = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";
    private static final String USER_KEY = "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a";
    private static final String USER = PrivateKeyEthSigner.fromHex(USER_KEY).address().toChecksumString();
    private static Devnet devnet;

    @TempDir
    static Path temp;

    @BeforeAll
    static void start() {
        devnet = TestDevnets.start(temp.resolve("devnet"));
    }

    @AfterAll
    static void stop() {
        if (devnet != null) {
            devnet.close();
        }
    }

    private static LitjRun delegate(String... args) {
        List<String> all = new ArrayList<>(List.of("capacity", "delegate"));
        all.addAll(List.of(args));
        return litj(all.toArray(String[]::new));
    }

    private static Path delegationFile(String name) throws IOException {
        LitjRun r = delegate("--rpc-url", devnet.rpcUrl(), "--private-key-file", keyFile(temp, OWNER_KEY),
                "--token-id", "7", "--delegatee", USER, "--uses", "2", "--json");
        assertEquals(0, r.code(), r.both());
        return Files.writeString(temp.resolve(name), r.out());
    }

    @Test
    void delegate_json_printsTheOwnersAuthSigWithTheDevnetsBlockhash() throws IOException {
        AuthSig sig = AuthSig.parse(Files.readString(delegationFile("d1.json")).strip(), LitErrorCode.InvalidArgument);
        SiweMessage siwe = SiweParser.parse(sig.signedMessage());
        String owner = PrivateKeyEthSigner.fromHex(OWNER_KEY).address().toChecksumString();
        assertEquals(owner, sig.address());
        assertEquals("lit:capability:delegation", siwe.uri());
        assertTrue(siwe.nonce().matches("0x[0-9a-f]{64}"), siwe.nonce());
        assertEquals(owner, Eip191.recover(sig.signedMessage(), EthSignature.parse(sig.sig(), "sig"))
                .toChecksumString());
    }

    @Test
    void delegate_withoutJson_summarizesAndSaysHowToSave() {
        LitjRun r = delegate("--rpc-url", devnet.rpcUrl(), "--private-key-file", keyFile(temp, OWNER_KEY),
                "--token-id", "7", "--delegatee", USER);
        assertEquals(0, r.code(), r.both());
        assertTrue(r.out().contains("credit      token 7"), r.out());
        assertTrue(r.out().contains("delegatees  [" + USER + "]"), r.out());
        assertTrue(r.out().contains("uses        no limit"), r.out());
        assertTrue(r.out().contains("--capacity-delegation delegation.json"), r.out());
    }

    @Test
    void sessionCreate_placesTheDelegationAheadOfTheWalletGrant() throws IOException {
        Path file = delegationFile("d2.json");
        AuthSig delegation = AuthSig.parse(Files.readString(file).strip(), LitErrorCode.InvalidArgument);
        LitjRun r = litj("session", "create", "--rpc-url", devnet.rpcUrl(), "--private-key-file",
                keyFile(temp, USER_KEY), "--no-store", "--capacity-delegation", file.toString());
        assertEquals(0, r.code(), r.both());
        SessionSigs sigs = SessionSigs.parse(r.out().strip());
        for (SessionSig sig : sigs.byNodeUrl().values()) {
            List<AuthSig> caps = sig.payload().capabilities();
            assertEquals(2, caps.size());
            assertEquals(delegation, caps.get(0));
            assertEquals(USER, caps.get(1).address());
        }
    }

    @Test
    void exec_withADelegation_runsOnEveryNode() throws IOException {
        Path file = delegationFile("d3.json");
        Path code = Files.writeString(temp.resolve("a.js"), "LitActions.setResponse({response: 'paid'});");
        LitjRun r = litj("exec", "--rpc-url", devnet.rpcUrl(), "--private-key-file", keyFile(temp, USER_KEY),
                "--no-store", "--code", code.toString(), "--capacity-delegation", file.toString(), "--json");
        assertEquals(0, r.code(), r.both());
        assertTrue(r.out().startsWith("{\"ok\":true,\"response\":\"paid\""), r.out());
    }
}
