package io.litj.cli;

import static io.litj.cli.LitjRun.litj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.protocol.auth.AuthSig;
import io.litj.protocol.auth.AuthSigs;
import io.litj.protocol.auth.CapacityDelegation;
import io.litj.protocol.auth.LitSiweBuilder;
import io.litj.protocol.testing.TestSessions;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --capacity-delegation FILE} of {@code litj exec} and {@code litj session create}: every bad file is refused
 * with its name and the reason (exit 1) before any network is contacted — the RPC URL here is a closed port.
 */
class CapacityDelegationFilesTest {
    @TempDir
    Path temp;

    private static AuthSig delegation(Instant expiration) {
        Clock now = Clock.fixed(Instant.now(), ZoneOffset.UTC);
        return AuthSigs.capacityDelegation(TestSessions.OTHER_WALLET, LitSiweBuilder.create(
                TestSessions.OTHER_WALLET.address(), TestSessions.NONCE).clock(now).expiration(expiration),
                CapacityDelegation.of("7", List.of(TestSessions.WALLET.address().toChecksumString()), 2));
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(temp.resolve(name), content);
    }

    private static String closedUrl() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return "http://127.0.0.1:" + s.getLocalPort();
        }
    }

    private LitjRun exec(Path delegation) throws IOException {
        return litj("exec", "--rpc-url", closedUrl(), "--code", file("a.js", "1").toString(),
                "--capacity-delegation", delegation.toString());
    }

    private void assertRefused(LitjRun r, String expectedError) {
        assertEquals(1, r.code(), r.both());
        assertTrue(r.err().strip().startsWith("error: " + expectedError), r.err());
    }

    @Test
    void missingFile_isLocalErrorSayingNoSuchFile() throws IOException {
        Path missing = temp.resolve("missing.json");
        assertRefused(exec(missing), "cannot read --capacity-delegation file " + missing + ": no such file");
    }

    @Test
    void hugeFile_isRefusedWithoutParsing() throws IOException {
        Path huge = file("huge.json", "{\"sig\":\"" + "a".repeat(CapacityDelegationOptions.MAX_BYTES) + "\"}");
        assertRefused(exec(huge), "--capacity-delegation file " + huge + " is " + Files.size(huge)
                + " bytes; a capacity delegation AuthSig is about 1 KiB");
    }

    @Test
    void notJson_andNotAnAuthSig_areRefusedNamingTheFile() throws IOException {
        Path text = file("text.json", "hello");
        assertRefused(exec(text), "--capacity-delegation file " + text + " does not hold an AuthSig JSON object");
        Path other = file("other.json", "{\"hello\":\"world\"}");
        assertRefused(exec(other), "--capacity-delegation file " + other + " does not hold an AuthSig JSON object");
    }

    @Test
    void aWalletGrantInsteadOfADelegation_isRefusedNamingItsUri() throws IOException {
        AuthSig grant = AuthSigs.generate(TestSessions.WALLET, LitSiweBuilder.create(TestSessions.WALLET.address(),
                TestSessions.NONCE).uri(TestSessions.SESSION_KEY.uri()).expiration(Instant.now().plus(Duration.ofDays(1)))
                .build());
        Path f = file("grant.json", grant.toJsonString());
        assertRefused(exec(f), "--capacity-delegation file " + f + " is not a capacity delegation: its SIWE URI is "
                + TestSessions.SESSION_KEY.uri());
    }

    @Test
    void alteredDelegation_isRefusedAsNotSignedByTheOwner() throws IOException {
        AuthSig good = delegation(Instant.now().plus(Duration.ofDays(1)));
        String longer = good.signedMessage().replaceFirst("Expiration Time: \\d{4}", "Expiration Time: 2999");
        assertTrue(!longer.equals(good.signedMessage()));
        Path f = file("altered.json", AuthSig.of(good.sig(), good.derivedVia(), longer, good.address(), good.algo())
                .toJsonString());
        assertRefused(exec(f), "--capacity-delegation file " + f + " is not signed by "
                + TestSessions.OTHER_WALLET.address().toChecksumString());
    }

    @Test
    void expiredDelegation_isRefusedWithItsExpiration() throws IOException {
        Path f = file("old.json", delegation(Instant.now().minus(Duration.ofMinutes(1))).toJsonString());
        LitjRun r = exec(f);
        assertRefused(r, "--capacity-delegation file " + f + " expired at ");
        assertTrue(r.err().contains("ask the credit owner for a new one (`litj capacity delegate`)"), r.err());
    }

    @Test
    void sessionCreate_checksTheFileToo_andTheJsSdksWrapperIsAccepted() throws IOException {
        AuthSig good = delegation(Instant.now().plus(Duration.ofDays(1)));
        Path wrapped = file("wrapped.json", "{\"capacityDelegationAuthSig\":" + good.toJsonString() + "}");
        Path missing = temp.resolve("nope.json");
        LitjRun r = litj("session", "create", "--rpc-url", closedUrl(), "--capacity-delegation", wrapped.toString(),
                "--capacity-delegation", missing.toString());
        assertRefused(r, "cannot read --capacity-delegation file " + missing + ": no such file");
        assertEquals(good, CapacityDelegationOptions.read(wrapped, Instant.now()));
    }
}
