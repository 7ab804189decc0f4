package io.litj.protocol.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.protocol.crypto.Hex;
import io.litj.protocol.crypto.PrivateKeyEthSigner;
import io.litj.protocol.testing.TestSessions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;

/** Secrets (session seeds, wallet keys) never appear in toString, formatted text, logs or exceptions (R4). */
class SecretsNeverPrintTest {
    private static final String SEED_HEX = "07".repeat(32);
    private static final String WALLET_KEY_HEX = "ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

    private static String everyWayOfPrinting(Object secretHolder) {
        StringWriter trace = new StringWriter();
        new IllegalStateException("failed with " + secretHolder).printStackTrace(new PrintWriter(trace));
        LogRecord record = new LogRecord(Level.SEVERE, "holder {0}");
        record.setParameters(new Object[] {secretHolder});
        return String.join("\n", secretHolder.toString(), String.valueOf(secretHolder),
                String.format(Locale.ROOT, "%s", secretHolder), List.of(secretHolder).toString(), trace.toString(),
                new SimpleFormatter().format(record)).toLowerCase(Locale.ROOT);
    }

    @Test
    void sessionKeyPair_printedEveryWay_showsNoSeed() {
        SessionKeyPair key = SessionKeyPair.fromSeed(Hex.decode(SEED_HEX, "seed"));
        String printed = everyWayOfPrinting(key);
        assertFalse(printed.contains(SEED_HEX), printed);
        assertTrue(printed.contains(key.fingerprint()), printed);
        assertTrue(key.exportSecretJson().contains(SEED_HEX), "the explicit export is the one way out");
    }

    @Test
    void privateKeySigner_printedEveryWay_showsNoKey() {
        PrivateKeyEthSigner signer = PrivateKeyEthSigner.fromHex(WALLET_KEY_HEX);
        String printed = everyWayOfPrinting(signer);
        assertFalse(printed.contains(WALLET_KEY_HEX), printed);
        assertTrue(printed.contains(signer.address().toLowerHex()), printed);
    }

    @Test
    void bearerCredentials_printWithoutSignatures() {
        AuthSig sessionSig = TestSessions.validSessionSig();
        AuthSig grant = TestSessions.walletGrant();
        SessionSigs sigs = new SessionSigs(java.util.Map.of(TestSessions.NODE_URL, SessionSig.fromAuthSig(sessionSig)));
        for (Object o : List.of(sessionSig, grant, sigs, SessionSig.fromAuthSig(sessionSig))) {
            String printed = everyWayOfPrinting(o);
            assertFalse(printed.contains(sessionSig.sig()), printed);
            assertFalse(printed.contains(grant.sig().substring(2)), printed);
            assertFalse(printed.contains("i further authorize"), printed);
        }
    }

    @Test
    void sameSecretAs_comparesSecretsNotIdentity() {
        SessionKeyPair a = SessionKeyPair.fromSeed(Hex.decode(SEED_HEX, "seed"));
        SessionKeyPair b = SessionKeyPair.fromStorageJson(a.exportSecretJson());
        assertTrue(a.sameSecretAs(b));
        assertFalse(a.sameSecretAs(TestSessions.OTHER_SESSION_KEY));
    }
}
