package io.litj.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.devnet.Devnet;
import io.litj.devnet.DevnetConfig;
import io.litj.node.keys.KeyShareStore;
import io.litj.node.keys.PkpKeyShare;
import io.litj.node.registry.Pkp;
import io.litj.node.registry.PkpPermission;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.crypto.Hashes;
import io.litj.protocol.crypto.Hex;
import io.litj.protocol.json.JsonFields;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code litj pkp mint|list|show} against a running 3-node devnet, through {@link Main}. */
class PkpCommandTest {
    private static final String WALLET = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
    private static final String CID = "QmUJ6MLTBSAbyDy6xCEbWEHdYzR3T8eUrwXk1pAvqhGB3n";

    @TempDir
    static Path temp;

    private static Devnet devnet;
    private static Path data;

    @BeforeAll
    static void start() {
        data = temp.resolve("devnet");
        // with what `litj devnet up` publishes: `pkp mint` checks that the folder's devnet is running
        devnet = TestDevnets.startAsIfUp(DevnetConfig.defaults(data).withPorts(0, 0)
                .withBlockInterval(Duration.ofHours(1)));
    }

    @AfterAll
    static void stop() {
        if (devnet != null) {
            devnet.close();
        }
    }

    private record Run(int code, String out, String err) {
    }

    private static Run litj(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    private static JsonFields json(String text) {
        return new JsonFields(JsonReader.parseObject(text.strip(), LitErrorCode.InvalidArgument, "output"),
                LitErrorCode.InvalidArgument, "output");
    }

    @Test
    void mintJson_thenListAndShow_reportTheRecordedPkpAndItsPermissions() {
        Run minted = litj("pkp", "mint", "--permit-address", WALLET, "--permit-action", CID, "--scope",
                "personal-sign", "--data", data.toString(), "--json");

        assertEquals(0, minted.code(), minted.err());
        JsonFields m = json(minted.out());
        String publicKey = m.string("publicKey");
        assertTrue(publicKey.matches("0x04[0-9a-f]{128}"), publicKey);
        byte[] key = Hex.decode0x(publicKey, "publicKey");
        assertEquals("0x" + Hex.encode(Hashes.keccak256(key)), m.string("tokenId"));
        assertEquals(EthAddress.fromPublicKey(key).toChecksumString(), m.string("ethAddress"));
        String tokenId = m.string("tokenId").substring(2);
        Pkp recorded = devnet.registry().pkp(tokenId).orElseThrow();
        assertEquals(Set.of(new PkpPermission(1, WALLET.toLowerCase(), Set.of(2)), new PkpPermission(2, CID,
                Set.of(2))), Set.copyOf(recorded.permissions()));
        for (int i = 0; i < 3; i++) {
            PkpKeyShare share = KeyShareStore.open(data.resolve("node-" + i)).pkpShare(tokenId).orElseThrow();
            assertDoesNotThrow(() -> share.commitments().verify(share.share()), "node " + i);
        }

        Run list = litj("pkp", "list", "--data", data.toString());
        Run show = litj("pkp", "show", m.string("tokenId"), "--data", data.toString());
        Run showJson = litj("pkp", "show", tokenId.toUpperCase(), "--data", data.toString(), "--json");

        assertEquals(0, list.code(), list.err());
        assertTrue(list.out().contains("0x" + tokenId + "  " + m.string("ethAddress")), list.out());
        assertEquals(0, show.code(), show.err());
        assertTrue(show.out().contains("permits     EthWallet " + WALLET.toLowerCase() + " (personal-sign)"),
                show.out());
        assertTrue(show.out().contains("permits     LitAction " + CID + " (personal-sign)"), show.out());
        assertEquals(0, showJson.code(), showJson.err());
        List<JsonValue> perms = json(showJson.out()).array("permissions");
        assertEquals(2, perms.size(), showJson.out());
        assertEquals(publicKey, json(showJson.out()).string("publicKey"));

        Run byAddress = litj("pkp", "show", m.string("ethAddress").toLowerCase(), "--data", data.toString());
        Run byKey = litj("pkp", "show", publicKey, "--data", data.toString(), "--json");
        assertEquals(0, byAddress.code(), byAddress.err());
        assertTrue(byAddress.out().startsWith("PKP 0x" + tokenId + "\n"), byAddress.out());
        assertEquals(0, byKey.code(), byKey.err());
        assertEquals("0x" + tokenId, json(byKey.out()).string("tokenId"));
    }

    @Test
    void show_shortHex_isAUsageErrorSayingWhatAnIdLooksLike() {
        Run r = litj("pkp", "show", "0x1234", "--data", data.toString());

        assertEquals(2, r.code(), r.out());
        assertTrue(r.err().startsWith("error: '0x1234' names no PKP: a token id is 64 hex digits; an eth address (40 "
                + "hex digits) or a public key (04 + 128 hex digits) also work; `litj pkp list --data " + data
                + "` lists them"), r.err());
    }

    @Test
    void show_unknownTokenId_failsWithNodePKPTokenIdNotFound() {
        Run r = litj("pkp", "show", "ab".repeat(32), "--data", data.toString());

        assertEquals(1, r.code(), r.out());
        assertTrue(r.err().contains("[NodePKPTokenIdNotFound] no PKP with token id " + "ab".repeat(32) + " in "),
                r.err());
        assertTrue(r.err().strip().endsWith("; `litj pkp list --data " + data + "` lists them"), r.err());
    }

    @Test
    void mint_withoutPermissionsOrWithABadAddress_isAUsageError() {
        Run none = litj("pkp", "mint", "--data", data.toString());
        Run bad = litj("pkp", "mint", "--permit-address", "0x1234", "--data", data.toString());

        assertEquals(2, none.code(), none.err());
        assertTrue(none.err().contains("give at least one --permit-address or --permit-action"), none.err());
        assertEquals(2, bad.code(), bad.err());
    }

    @Test
    void mint_folderWithoutADevnet_failsNamingTheFolder() {
        Path empty = temp.resolve("empty");

        Run r = litj("pkp", "mint", "--permit-address", WALLET, "--data", empty.toString());

        assertEquals(3, r.code(), r.out());
        assertEquals("error: there is no devnet in " + empty + "; start one with `litj devnet up --data " + empty
                + "`", r.err().strip());
    }
}
