package io.litj.node.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.litj.node.LitNodeException;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.Bytes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * {@link LoginLedger}: one session key per login, all or none per request, forgetting only what the time rules
 * refuse anyway, a bounded count that refuses rather than evicts, and one winner among concurrent replays.
 */
class LoginLedgerTest {
    private static final Instant T = Instant.parse("2026-03-01T12:00:00Z");
    private static final String KEY_A = "lit:session:" + "aa".repeat(32);
    private static final String KEY_B = "lit:session:" + "bb".repeat(32);

    @Test
    void accept_sameKeyAgainOrInAnotherCase_passes_anotherKeyRefusedWithNodeInvalidAuthSig() {
        LoginLedger ledger = new LoginLedger(8);
        ledger.accept(List.of(login(1, T.plusSeconds(600))), KEY_A, T);

        ledger.accept(List.of(login(1, T.plusSeconds(600))), KEY_A.toUpperCase().replace("LIT:SESSION:",
                "lit:session:"), T);
        LitNodeException e = assertThrows(LitNodeException.class,
                () -> ledger.accept(List.of(login(1, T.plusSeconds(600))), KEY_B, T));

        assertEquals(LitErrorCode.NodeInvalidAuthSig, e.code());
        assertEquals(1, ledger.size());
    }

    @Test
    void accept_oneReplayAmongFreshLogins_acceptsNone() {
        LoginLedger ledger = new LoginLedger(8);
        ledger.accept(List.of(login(1, T.plusSeconds(600))), KEY_A, T);

        assertThrows(LitNodeException.class, () -> ledger.accept(List.of(login(2, T.plusSeconds(600)),
                login(1, T.plusSeconds(600))), KEY_B, T));

        assertEquals(1, ledger.size());
        ledger.accept(List.of(login(2, T.plusSeconds(600))), KEY_A, T);
    }

    @Test
    void accept_atTheLastAcceptableInstant_stillRemembers_oneSecondLater_forgets() {
        LoginLedger ledger = new LoginLedger(8);
        ledger.accept(List.of(login(1, T.plusSeconds(600))), KEY_A, T);

        assertThrows(LitNodeException.class,
                () -> ledger.accept(List.of(login(1, T.plusSeconds(600))), KEY_B, T.plusSeconds(600)));
        assertEquals(1, ledger.size());
        ledger.accept(List.of(), KEY_B, T.plusSeconds(601));
        assertEquals(0, ledger.size());
    }

    @Test
    void accept_full_refusesNewLoginsWithNodeConcurrencyOverloadUntilTheOldestEnds_butNotRetries() {
        LoginLedger ledger = new LoginLedger(2);
        ledger.accept(List.of(login(1, T.plusSeconds(300))), KEY_A, T);
        ledger.accept(List.of(login(2, T.plusSeconds(600))), KEY_A, T);

        LitNodeException e = assertThrows(LitNodeException.class,
                () -> ledger.accept(List.of(login(3, T.plusSeconds(600))), KEY_B, T.plusSeconds(300)));
        assertEquals(LitErrorCode.NodeConcurrencyOverload, e.code());
        assertEquals("this node remembers 2 accepted logins (limit 2) and cannot take 1 more until after "
                + "2026-03-01T12:05:00.000Z, when the oldest can no longer be accepted", e.getMessage());
        ledger.accept(List.of(login(1, T.plusSeconds(300))), KEY_A, T.plusSeconds(300));
        assertThrows(LitNodeException.class,
                () -> ledger.accept(List.of(login(1, T.plusSeconds(300))), KEY_B, T.plusSeconds(300)));

        ledger.accept(List.of(login(3, T.plusSeconds(900))), KEY_B, T.plusSeconds(301));
        assertEquals(2, ledger.size());
    }

    @Test
    void accept_moreNewLoginsThanTheWholeCapacity_refusedWithNodeConcurrencyOverload() {
        LoginLedger ledger = new LoginLedger(1);

        LitNodeException e = assertThrows(LitNodeException.class, () -> ledger.accept(List.of(
                login(1, T.plusSeconds(60)), login(2, T.plusSeconds(60))), KEY_A, T));

        assertEquals(LitErrorCode.NodeConcurrencyOverload, e.code());
        assertEquals("this node remembers 0 accepted logins (limit 1) and cannot take 2 more", e.getMessage());
    }

    @Test
    void accept_eightSessionKeysRacingForOneLogin_exactlyOneWins() throws Exception {
        LoginLedger ledger = new LoginLedger(8);
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                String key = "lit:session:" + String.format("%02x", i).repeat(32);
                Callable<Boolean> race = () -> {
                    start.await();
                    try {
                        ledger.accept(List.of(login(1, T.plusSeconds(600))), key, T);
                        return true;
                    } catch (LitNodeException e) {
                        assertEquals(LitErrorCode.NodeInvalidAuthSig, e.code());
                        return false;
                    }
                };
                results.add(pool.submit(race));
            }
            start.countDown();
            int won = 0;
            for (Future<Boolean> r : results) {
                won += r.get() ? 1 : 0;
            }
            assertEquals(1, won);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Login number {@code n}, acceptable until {@code until}. */
    private static EthWalletLogin login(int n, Instant until) {
        return new EthWalletLogin("authMethods[0]", new AuthMethodContext(1, SessionKeyFixture.WALLET.address()
                .toChecksumString(), "lit", until), "0x" + "ab".repeat(32), Bytes.of(new byte[] {(byte) n}), until);
    }
}
