package io.litj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.client.NodeFailure;
import io.litj.client.RateLimitExceededException;
import io.litj.protocol.testing.TestSessions;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code litj capacity delegate} without a network: each bad option is a usage error (exit 2) naming the option,
 * found before the network is contacted; an unreachable network is exit 3. Also the CLI's message for a rate-limit
 * refusal. (Against a devnet: {@code CapacityCliTest}.)
 */
class CapacityDelegateCommandTest {
    private static final String OWNER_KEY = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";

    @TempDir
    Path temp;

    private LitjRun delegate(String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of("capacity", "delegate", "--rpc-url", closedUrl(),
                "--private-key-file", LitjRun.keyFile(temp, OWNER_KEY)));
        all.addAll(List.of(args));
        return LitjRun.litj(all.toArray(String[]::new));
    }

    private static String closedUrl() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return "http://127.0.0.1:" + s.getLocalPort();
        }
    }

    private void assertUsage(LitjRun r, String expectedStart) {
        assertEquals(2, r.code(), r.both());
        assertTrue(r.err().strip().startsWith("error: " + expectedStart), r.err());
    }

    @Test
    void badTokenId_namesTheOption() throws IOException {
        assertUsage(delegate("--token-id", "0x1f"), "--token-id must be a decimal uint256");
    }

    @Test
    void badSecondDelegatee_namesItsPosition() throws IOException {
        assertUsage(delegate("--delegatee", TestSessions.WALLET.address().toChecksumString(), "--delegatee", "0x12"),
                "--delegatee #2");
    }

    @Test
    void usesZero_andNonNumericUses_areUsageErrors() throws IOException {
        assertUsage(delegate("--uses", "0"), "--uses must be at least 1");
        assertUsage(delegate("--uses", "two"), "Invalid value for option '--uses'");
    }

    @Test
    void badExpiration_showsAnExample() throws IOException {
        LitjRun r = delegate("--expiration", "tomorrow");
        assertUsage(r, "");
        assertTrue(r.err().contains("write an ISO time such as 2030-01-01T00:00:00Z"), r.err());
    }

    @Test
    void goodOptions_unreachableNetwork_isExit3() throws IOException {
        LitjRun r = delegate("--token-id", "7", "--delegatee", TestSessions.WALLET.address().toChecksumString(),
                "--uses", "2", "--json");
        assertEquals(3, r.code(), r.both());
        assertTrue(r.err().contains("cannot reach the network at --rpc-url"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void noDelegatee_warnsThatAnyoneCanSpendTheCredit() throws IOException {
        LitjRun r = delegate("--token-id", "7");
        assertTrue(r.err().startsWith("warning: no --delegatee: anyone who holds this AuthSig can spend the credit"),
                r.err());
    }

    @Test
    void rateLimitRefusal_saysWhenToRetryAndHowToPay_exit4() {
        NodeFailure limited = new NodeFailure("http://127.0.0.1:7470", 402, Optional.of("rate_limit_exceeded"),
                "Rate limit exceeded.  Try again at 2030-01-01T00:00:00+00:00", List.of());
        RateLimitExceededException e = new RateLimitExceededException("m", List.of(limited, limited),
                Optional.of(Instant.parse("2030-01-01T00:00:00Z")));
        assertEquals(Exit.REFUSED, Main.exitCode(e));
        String message = Failures.describe(e, 2);
        assertTrue(message.startsWith("rate limit exceeded: no capacity credit pays for this request; try again at "
                + "2030-01-01T00:00:00.000Z, or pass --capacity-delegation FILE"), message);
        assertTrue(message.endsWith("[rate_limit_exceeded] Rate limit exceeded.  Try again at "
                + "2030-01-01T00:00:00+00:00 (all 2 nodes)"), message);
    }
}
