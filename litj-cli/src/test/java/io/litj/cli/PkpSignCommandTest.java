package io.litj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.devnet.Devnet;
import io.litj.devnet.DevnetConfig;
import io.litj.node.registry.Pkp;
import io.litj.node.registry.PkpPermission;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.Bytes;
import io.litj.protocol.crypto.Eip191;
import io.litj.protocol.crypto.Hashes;
import io.litj.protocol.json.JsonFields;
import io.litj.protocol.json.JsonReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code litj pkp sign} and {@code litj pkp permit} against a running 3-node devnet, through {@link Main}. */
class PkpSignCommandTest {
    private static final String HASH = Bytes.of(Hashes.keccak256("signed through litj pkp sign")).hex0x();

    @TempDir
    static Path temp;

    private static Devnet devnet;
    private static Path data;
    private static Pkp pkp;

    @BeforeAll
    static void start() {
        data = temp.resolve("devnet");
        devnet = TestDevnets.startAsIfUp(DevnetConfig.defaults(data).withPorts(0, 0));
        pkp = PkpSignFixture.mintPkp(devnet);
    }

    @AfterAll
    static void stop() {
        if (devnet != null) {
            devnet.close();
        }
    }

    private static LitjRun litj(String... args) {
        return LitjRun.litj(args);
    }

    private static String keyFile(String key) {
        return LitjRun.keyFile(temp, key);
    }

    private static LitjRun sign(String key, String... what) {
        String[] base = {"pkp", "sign", "--pkp", "0x" + pkp.publicKey(), "--rpc-url", devnet.rpcUrl(),
            "--private-key-file", keyFile(key), "--no-store"};
        String[] all = new String[base.length + what.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(what, 0, all, base.length, what.length);
        return litj(all);
    }

    private static JsonFields json(String text) {
        return new JsonFields(JsonReader.parseObject(text.strip(), LitErrorCode.InvalidArgument, "output"),
                LitErrorCode.InvalidArgument, "output");
    }

    @Test
    void sign_hashJson_printsASignatureRecoveringToThePkpAddress() {
        LitjRun r = sign(PkpSignFixture.SIGNER_KEY, "--hash", HASH, "--json");
        assertEquals(0, r.code(), r.err());
        JsonFields out = json(r.out());
        assertEquals(pkp.ethAddress(), out.string("address"));
        assertEquals(HASH, out.string("dataSigned"));
        assertTrue(out.string("signature").matches("0x[0-9a-f]{130}"), r.out());
    }

    @Test
    void sign_message_signsTheEip191DigestAndPrintsTheRecoveredAddress() {
        LitjRun r = sign(PkpSignFixture.SIGNER_KEY, "--message", "hello PKP");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("dataSigned  " + Bytes.of(Eip191.hash("hello PKP")).hex0x()
                + "  (EIP-191 digest of the message)\nr           "), r.out());
        assertTrue(r.out().contains("address     " + pkp.ethAddress() + "  (recovered; the PKP's address)"),
                r.out());
    }

    @Test
    void sign_walletThePkpDoesNotPermit_exits4WithNodePKPNotAuthorized() {
        LitjRun r = sign(PkpSignFixture.STRANGER_KEY, "--hash", HASH);
        assertEquals(4, r.code(), r.out());
        assertTrue(r.err().contains("NodePKPNotAuthorized"), r.err());
    }

    @Test
    void sign_personalSignOnlyJson_printsNodeAuthSigScopeTooLimited() {
        LitjRun r = sign(PkpSignFixture.PERSONAL_KEY, "--hash", HASH, "--json");
        assertEquals(4, r.code(), r.err());
        assertEquals("NodeAuthSigScopeTooLimited", json(r.out()).string("errorCode"));
    }

    @Test
    void sign_shortHashOrBothInputs_isAUsageError() {
        LitjRun shortHash = sign(PkpSignFixture.SIGNER_KEY, "--hash", "0x1234");
        LitjRun both = sign(PkpSignFixture.SIGNER_KEY, "--hash", HASH, "--message", "x");
        assertEquals(2, shortHash.code(), shortHash.err());
        assertTrue(shortHash.err().contains("--hash must be 32 bytes as 64 hex digits"), shortHash.err());
        assertEquals(2, both.code(), both.err());
    }

    @Test
    void sign_compressedPkpKey_isAUsageError() {
        LitjRun r = litj("pkp", "sign", "--pkp", "02" + "11".repeat(32), "--hash", HASH, "--rpc-url", devnet.rpcUrl());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--pkp must be the PKP's public key"), r.err());
    }

    @Test
    void permit_thenSign_theLatecomerWalletSignsAfterItIsPermittedWithScope1() {
        LitjRun before = sign(PkpSignFixture.LATECOMER_KEY, "--hash", HASH);
        LitjRun permit = litj("pkp", "permit", "--pkp", "0x" + pkp.tokenId(), "--address",
                PkpSignFixture.LATECOMER.address().toChecksumString(), "--scopes", "2,1", "--data", data.toString(),
                "--json");
        LitjRun after = sign(PkpSignFixture.LATECOMER_KEY, "--hash", HASH);

        assertEquals(4, before.code(), before.err());
        assertEquals(0, permit.code(), permit.err());
        assertEquals("0x" + pkp.tokenId(), json(permit.out()).string("tokenId"));
        assertTrue(devnet.registry().pkp(pkp.tokenId()).orElseThrow().permissions().contains(new PkpPermission(
                PkpPermission.ETH_WALLET, PkpSignFixture.LATECOMER.address().toLowerHex(), Set.of(1, 2))));
        assertEquals(0, after.code(), after.err());
        assertTrue(after.out().contains("address     " + pkp.ethAddress()), after.out());
    }

    @Test
    void permit_actionByPublicKey_addsScopesToThoseItHas() {
        String cid = "QmUJ6MLTBSAbyDy6xCEbWEHdYzR3T8eUrwXk1pAvqhGB3n";
        LitjRun first = litj("pkp", "permit", "--pkp", pkp.publicKey(), "--action", cid, "--scopes", "2", "--data",
                data.toString());
        LitjRun second = litj("pkp", "permit", "--pkp", pkp.ethAddress(), "--action", cid, "--scopes", "1", "--data",
                data.toString());
        assertEquals(0, first.code(), first.err());
        assertTrue(first.out().contains("permits     LitAction " + cid + " (personal-sign)"), first.out());
        assertEquals(0, second.code(), second.err());
        assertTrue(second.out().contains("permits     LitAction " + cid + " (sign-anything, personal-sign)"),
                second.out());
    }

    @Test
    void permit_badScopeOrBothOrUnknownPkp_failsWithItsExitCode() {
        String address = PkpSignFixture.STRANGER.address().toChecksumString();
        LitjRun scope = litj("pkp", "permit", "--pkp", pkp.tokenId(), "--address", address, "--scopes", "3", "--data",
                data.toString());
        LitjRun both = litj("pkp", "permit", "--pkp", pkp.tokenId(), "--address", address, "--action",
                "QmUJ6MLTBSAbyDy6xCEbWEHdYzR3T8eUrwXk1pAvqhGB3n", "--scopes", "1", "--data", data.toString());
        LitjRun unknown = litj("pkp", "permit", "--pkp", "ab".repeat(32), "--address", address, "--scopes", "1",
                "--data", data.toString());
        LitjRun noDevnet = litj("pkp", "permit", "--pkp", pkp.tokenId(), "--address", address, "--scopes", "1",
                "--data", temp.resolve("nothing").toString());

        assertEquals(2, scope.code(), scope.err());
        assertTrue(scope.err().contains("--scopes takes 1 (sign anything) and 2 (personal sign), not 3"), scope.err());
        assertEquals(2, both.code(), both.err());
        assertEquals(1, unknown.code(), unknown.err());
        assertTrue(unknown.err().contains("[NodePKPTokenIdNotFound] no PKP with token id"), unknown.err());
        assertEquals(3, noDevnet.code(), noDevnet.err());
    }

    @Test
    void help_namesTheSubcommandsAndTheDigestThatMessageSigns() {
        LitjRun pkpHelp = litj("pkp", "--help");
        LitjRun signHelp = litj("pkp", "sign", "--help");
        LitjRun permitHelp = litj("pkp", "permit", "--help");

        assertEquals(0, pkpHelp.code(), pkpHelp.both());
        assertTrue(pkpHelp.out().contains("permit") && pkpHelp.out().contains("sign"), pkpHelp.out());
        assertEquals(0, signHelp.code(), signHelp.both());
        assertTrue(signHelp.out().replaceAll("\\s+", " ").contains("--message signs keccak256(\"\\x19Ethereum"
                + " Signed Message:\\n\" + length + message)"), signHelp.out());
        assertTrue(signHelp.out().contains("--private-key-file"), signHelp.out());
        assertEquals(0, permitHelp.code(), permitHelp.both());
        assertTrue(permitHelp.out().replaceAll("\\s+", " ").contains("Scopes: 1 = sign anything, 2 = personal sign"),
                permitHelp.out());
    }

    @Test
    void exec_actionCallingSignEcdsa_printsTheCombinedSignatureAndThePkpAddress() throws IOException {
        Path code = Files.writeString(temp.resolve("sign.js"),
                "(async () => { await Lit.Actions.signEcdsa({toSign, publicKey, sigName: 'sig1'}); })();");
        StringBuilder toSign = new StringBuilder();
        for (byte b : Bytes.fromHex(HASH.substring(2), "hash").toByteArray()) {
            toSign.append(toSign.isEmpty() ? "" : ",").append(b & 0xff);
        }
        LitjRun r = litj("exec", "--rpc-url", devnet.rpcUrl(), "--private-key-file",
                keyFile(PkpSignFixture.SIGNER_KEY), "--no-store", "--code", code.toString(), "--params",
                "{\"toSign\":[" + toSign + "],\"publicKey\":\"0x" + pkp.publicKey() + "\"}");

        assertEquals(0, r.code(), r.both());
        assertTrue(r.out().contains("signature sig1  0x"), r.out());
        assertTrue(r.out().contains("(" + pkp.ethAddress() + " signed " + HASH + ")"), r.out());
    }
}
