package io.litj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.crypto.PrivateKeyEthSigner;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WalletOptionsTest {
    private static final String KEY = "0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318";
    private static final String ADDRESS = PrivateKeyEthSigner.fromHex(KEY).address().toChecksumString();

    @TempDir
    Path temp;
    private final StringWriter err = new StringWriter();

    @Test
    void wallet_fromKeyFile_readsTheFirstLineWithoutWarning() throws IOException {
        WalletOptions options = new WalletOptions();
        options.key.privateKeyFile = Files.writeString(temp.resolve("key"), KEY + "\nsecond line ignored\n");
        assertEquals(ADDRESS, options.wallet(new PrintWriter(err), Map.of()).address().toChecksumString());
        assertEquals("", err.toString());
    }

    @Test
    void wallet_fromTheFlag_warnsThatTheKeyIsVisible() {
        WalletOptions options = new WalletOptions();
        options.key.privateKey = KEY;
        assertEquals(ADDRESS, options.wallet(new PrintWriter(err), Map.of()).address().toChecksumString());
        assertTrue(err.toString().contains("warning: --private-key shows the key in ps and shell history"),
                err.toString());
        assertTrue(!err.toString().contains(KEY.substring(2)), "the warning must not repeat the key");
    }

    @Test
    void wallet_fromTheEnvironment_needsNoFlagAndDoesNotWarn() {
        WalletOptions options = new WalletOptions();
        PrivateKeyEthSigner wallet = options.wallet(new PrintWriter(err), Map.of("LITJ_PRIVATE_KEY", KEY));
        assertEquals(ADDRESS, wallet.address().toChecksumString());
        assertEquals("", err.toString());
    }

    @Test
    void wallet_fileAndFlagTogether_isRefused() throws IOException {
        WalletOptions options = new WalletOptions();
        options.key.privateKey = KEY;
        options.key.privateKeyFile = Files.writeString(temp.resolve("key"), KEY);
        LitProtocolException e = assertThrows(LitProtocolException.class,
                () -> options.wallet(new PrintWriter(err), Map.of()));
        assertEquals(LitErrorCode.InvalidArgument, e.code());
    }

    @Test
    void wallet_missingKeyFile_saysNoSuchFile() {
        WalletOptions options = new WalletOptions();
        options.key.privateKeyFile = temp.resolve("absent");
        LitProtocolException e = assertThrows(LitProtocolException.class,
                () -> options.wallet(new PrintWriter(err), Map.of()));
        assertEquals(LitErrorCode.InvalidArgument, e.code());
        assertEquals("cannot read --private-key-file " + temp.resolve("absent") + ": no such file", e.getMessage());
    }

    @Test
    void wallet_noSource_namesEveryWayToGiveIt() {
        LitProtocolException e = assertThrows(LitProtocolException.class,
                () -> new WalletOptions().wallet(new PrintWriter(err), Map.of()));
        assertEquals(LitErrorCode.ParamsMissing, e.code());
    }

    @Test
    void sessionStore_withThePassphraseVariable_isEncryptedAndWithoutItRefusesTheEncryptedFolder() {
        WalletOptions options = new WalletOptions();
        options.store = temp.resolve("sessions");
        io.litj.client.SessionStore encrypted = options.sessionStore(Map.of("LITJ_STORE_PASSPHRASE", "pass phrase"));
        assertTrue(((io.litj.client.FileSessionStore) encrypted).isEncrypted());
        io.litj.client.LitClientException e = assertThrows(io.litj.client.LitClientException.class,
                () -> options.sessionStore(Map.of()));
        assertEquals(LitErrorCode.InvalidArgument, e.code());
        assertTrue(e.getMessage().contains("LITJ_STORE_PASSPHRASE"), e.getMessage());
        assertEquals(LitErrorCode.InvalidArgument, assertThrows(io.litj.client.LitClientException.class,
                () -> options.sessionStore(Map.of("LITJ_STORE_PASSPHRASE", "other"))).code());
    }

    @Test
    void sessionStore_withoutThePassphraseVariable_isPlain() {
        WalletOptions options = new WalletOptions();
        options.store = temp.resolve("plain");
        assertTrue(!((io.litj.client.FileSessionStore) options.sessionStore(Map.of())).isEncrypted());
    }
}
