package io.litj.cli;

import static io.litj.cli.LitjRun.litj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.client.FileSessionStore;
import io.litj.client.SessionStoreKey;
import io.litj.client.StoredSession;
import io.litj.protocol.auth.SessionKeyPair;
import io.litj.protocol.crypto.Hex;
import io.litj.protocol.crypto.PrivateKeyEthSigner;
import io.litj.protocol.resource.LitAbility;
import io.litj.protocol.resource.LitResource;
import io.litj.protocol.resource.ResourceAbilityRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code litj session list|clear} on a store folder filled through the SDK. */
class SessionStoreCommandsTest {
    private static final String ALICE = PrivateKeyEthSigner.fromHex(
            "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d").address().toChecksumString();
    private static final String BOB = PrivateKeyEthSigner.fromHex(
            "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a").address().toChecksumString();
    private static final List<ResourceAbilityRequest> ACTION = List.of(
            ResourceAbilityRequest.of(LitResource.action("*"), LitAbility.LIT_ACTION_EXECUTION));
    private static final String SEED = "07".repeat(32);

    @TempDir
    Path dir;

    private void fill() {
        FileSessionStore store = new FileSessionStore(dir);
        store.save(SessionStoreKey.of("net", ALICE, ACTION),
                StoredSession.keyOnly(SessionKeyPair.fromSeed(Hex.decode(SEED, "seed"))));
        store.save(SessionStoreKey.of("net", BOB, ACTION),
                StoredSession.keyOnly(SessionKeyPair.fromSeed(Hex.decode("09".repeat(32), "seed"))));
    }

    @Test
    void list_showsEveryEntryWithoutSecrets() {
        fill();
        LitjRun run = litj("session", "list", "--store", dir.toString());
        assertEquals(0, run.code(), run.both());
        assertTrue(run.out().startsWith(dir.toAbsolutePath() + " (plain files): 2 session(s)"), run.out());
        assertTrue(run.out().contains("- " + ALICE + " on net"), run.out());
        assertTrue(run.out().contains("- " + BOB + " on net"), run.out());
        assertTrue(run.out().contains("grant        none yet (session key only)"), run.out());
        assertFalse(run.out().contains(SEED), "secret printed");
    }

    @Test
    void list_json_isOneObject() {
        fill();
        LitjRun run = litj("session", "list", "--store", dir.toString(), "--json");
        assertEquals(0, run.code(), run.both());
        assertTrue(run.out().startsWith("{\"store\":\"" + dir.toAbsolutePath() + "\",\"encrypted\":false,"
                + "\"sessions\":[{\"network\":\"net\",\"account\":\""), run.out());
        assertEquals(2, run.out().split("\"sessionKey\"").length - 1, run.out());
    }

    @Test
    void clear_account_removesOnlyThatAccount_thenClearRemovesTheRest() {
        fill();
        LitjRun one = litj("session", "clear", "--store", dir.toString(), "--account", BOB.toLowerCase());
        assertEquals(0, one.code(), one.both());
        assertTrue(one.out().startsWith("removed 1 session(s) from "), one.out());
        FileSessionStore store = new FileSessionStore(dir);
        assertEquals(List.of(SessionStoreKey.of("net", ALICE, ACTION)), store.keys());
        LitjRun all = litj("session", "clear", "--store", dir.toString());
        assertTrue(all.out().startsWith("removed 1 session(s) from "), all.out());
        assertEquals(List.of(), store.keys());
        assertEquals(Optional.empty(), store.load(SessionStoreKey.of("net", ALICE, ACTION)));
    }

    @Test
    void list_encryptedFolderWithoutPassphrase_failsWithAClearMessage() {
        FileSessionStore.encrypted(dir, "pass".toCharArray())
                .save(SessionStoreKey.of("net", ALICE, ACTION),
                        StoredSession.keyOnly(SessionKeyPair.fromSeed(Hex.decode(SEED, "seed"))));
        LitjRun run = litj("session", "list", "--store", dir.toString());
        assertEquals(Exit.LOCAL_ERROR, run.code(), run.both());
        assertTrue(run.err().contains("is encrypted") && run.err().contains("LITJ_STORE_PASSPHRASE"), run.err());
    }
}
