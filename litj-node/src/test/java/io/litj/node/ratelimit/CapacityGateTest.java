package io.litj.node.ratelimit;

import static io.litj.protocol.testing.TestSessions.NOW;
import static io.litj.protocol.testing.TestSessions.OTHER_WALLET;
import static io.litj.protocol.testing.TestSessions.WALLET;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.node.LitNodeException;
import io.litj.node.registry.CapacityCredit;
import io.litj.node.registry.NetworkInfo;
import io.litj.node.testing.InMemoryRegistry;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.auth.AuthSig;
import io.litj.protocol.auth.CapacityDelegation;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every rule of {@link CapacityGate}: the three modes, own credits, delegations (each refusal with its exact code),
 * allocation windows with Datil's body and retry time, and {@code uses} that a restart or a re-encoded signature does
 * not give back. The gate judges time by a {@link MutableClock} starting at {@code TestSessions.NOW}.
 */
class CapacityGateTest {
    private static final Instant LATER = NOW.plus(Duration.ofDays(30));
    private static final EthAddress STRANGER = EthAddress.parse("0x" + "12".repeat(20), "stranger");
    private static final String USER = WALLET.address().toChecksumString();

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(NOW);
    private final InMemoryRegistry registry = new InMemoryRegistry(new NetworkInfo(31337, 1, 2, "0x" + "00".repeat(20),
            NOW, 86_400), List.of());
    private CapacityGate gate;

    @AfterEach
    void close() {
        if (gate != null) {
            gate.close();
        }
    }

    private CapacityGate gate(CapacityMode mode) {
        gate = CapacityGate.open(CapacityLimits.of(mode), registry, dir, clock);
        return gate;
    }

    private CapacityCredit credit(String id, EthAddress owner, long perKs, Instant expires) {
        CapacityCredit c = new CapacityCredit(id, owner, perKs, expires);
        registry.addCapacityCredit(c);
        return c;
    }

    /** The holder's (OTHER_WALLET's) delegation of credit 5 to the test wallet for {@code uses} uses. */
    private static AuthSig holdersCreditToUser(long uses) {
        return Payers.delegation(OTHER_WALLET, CapacityDelegation.of("5", List.of(USER), uses));
    }

    private static LitNodeException refused(CapacityGate g, Payer payer, LitErrorCode code) {
        LitNodeException e = assertThrows(LitNodeException.class, () -> g.charge(payer, PaidRoute.EXECUTE));
        assertEquals(code, e.code(), e.getMessage());
        return e;
    }

    @Test
    void off_noCredit_passes_andOpensNoLedger() {
        gate(CapacityMode.OFF).charge(Payers.payer(), PaidRoute.EXECUTE);
        assertTrue(!dir.resolve(UsesLedger.FILE_NAME).toFile().exists());
    }

    @Test
    void noCredit_refusedWithDatilsBody_tryAgainLater_402_and400OnPkpSign() {
        CapacityGate g = gate(CapacityMode.HOLDING);
        CapacityExceededException e = assertThrows(CapacityExceededException.class,
                () -> g.charge(Payers.payer(), PaidRoute.EXECUTE));
        assertEquals("{\"message\":\"Rate limit exceeded.  Try again later.\",\"errorCode\":\"rate_limit_exceeded\"}",
                JsJson.stringify(e.body()));
        assertEquals(402, e.status());
        assertEquals(Optional.empty(), e.retryAt());
        assertEquals(400, assertThrows(CapacityExceededException.class,
                () -> g.charge(Payers.payer(), PaidRoute.PKP_SIGN)).status());
    }

    @Test
    void holding_ownUnexpiredCredit_passesEveryTime() {
        credit("1", WALLET.address(), 1, LATER);
        CapacityGate g = gate(CapacityMode.HOLDING);
        for (int i = 0; i < 50; i++) {
            g.charge(Payers.payer(), PaidRoute.EXECUTE);
        }
    }

    @Test
    void ownCredit_expiredAtItsInstant_countsForNothing() {
        credit("1", WALLET.address(), 1000, NOW.plusSeconds(10));
        CapacityGate g = gate(CapacityMode.HOLDING);
        clock.set(NOW.plusSeconds(9));
        g.charge(Payers.payer(), PaidRoute.EXECUTE);
        clock.set(NOW.plusSeconds(10));
        assertThrows(CapacityExceededException.class, () -> g.charge(Payers.payer(), PaidRoute.EXECUTE));
    }

    /** A kilosecond window counts in buckets of 1000 s / 60: a full credit has room when its first bucket leaves. */
    private static void assertRetryAfterOneWindow(Instant charged, CapacityExceededException e) {
        Instant retry = e.retryAt().orElseThrow();
        Instant earliest = charged.plusSeconds(1000);
        assertTrue(!retry.isBefore(earliest) && !retry.isAfter(earliest.plusSeconds(1000 / 60 + 2)), retry.toString());
        assertEquals("{\"message\":\"Rate limit exceeded.  Try again at " + retry.toString() + "\",\"errorCode\":"
                + "\"rate_limit_exceeded\"}", JsJson.stringify(e.body()));
    }

    @Test
    void allocation_creditPaysItsRequestsPerKilosecond_thenSaysWhenToRetry() {
        credit("1", WALLET.address(), 10, LATER);
        CapacityGate g = gate(CapacityMode.ALLOCATION);
        for (int i = 0; i < 10; i++) {
            g.charge(Payers.payer(), PaidRoute.EXECUTE);
        }
        CapacityExceededException e = assertThrows(CapacityExceededException.class,
                () -> g.charge(Payers.payer(), PaidRoute.EXECUTE));
        assertRetryAfterOneWindow(NOW, e);
        clock.set(NOW.plusSeconds(999));
        assertThrows(CapacityExceededException.class, () -> g.charge(Payers.payer(), PaidRoute.EXECUTE));
        clock.set(e.retryAt().orElseThrow());
        g.charge(Payers.payer(), PaidRoute.EXECUTE);
    }

    @Test
    void allocation_requestGoesToTheFirstCreditWithRoom_untilAllAreFull() {
        credit("1", WALLET.address(), 2, LATER);
        credit("2", WALLET.address(), 3, LATER);
        CapacityGate g = gate(CapacityMode.ALLOCATION);
        for (int i = 0; i < 5; i++) {
            g.charge(Payers.payer(), PaidRoute.EXECUTE);
        }
        assertRetryAfterOneWindow(NOW, assertThrows(CapacityExceededException.class,
                () -> g.charge(Payers.payer(), PaidRoute.EXECUTE)));
    }

    @Test
    void delegation_fromACreditHolder_pays() {
        credit("5", OTHER_WALLET.address(), 1, LATER);
        AuthSig d = holdersCreditToUser(10);
        assertDoesNotThrow(() -> gate(CapacityMode.HOLDING).charge(Payers.payer(d), PaidRoute.EXECUTE));
    }

    @Test
    void delegation_toAnotherAddress_refusedWithDelegateeMismatch() {
        credit("5", OTHER_WALLET.address(), 1, LATER);
        AuthSig d = Payers.delegation(OTHER_WALLET, CapacityDelegation.of("5",
                List.of(STRANGER.toChecksumString()), 10));
        LitNodeException e = refused(gate(CapacityMode.HOLDING), Payers.payer(d),
                LitErrorCode.NodeCapacityDelegateeMismatch);
        assertEquals("no capacity credit pays for this request of " + USER + "; refused delegations: capabilities[0] "
                + "NodeCapacityDelegateeMismatch: delegate_to does not list " + USER, e.getMessage());
        assertEquals(402, e.code().httpStatus());
    }

    @Test
    void delegation_delegateToWrittenInAnyCase_matchesTheProvenAddress() {
        credit("5", OTHER_WALLET.address(), 1, LATER);
        AuthSig d = Payers.delegation(OTHER_WALLET, CapacityDelegation.of("5",
                List.of(WALLET.address().toLowerHex().toUpperCase().replace("0X", "")), 10));
        gate(CapacityMode.HOLDING).charge(Payers.payer(d), PaidRoute.EXECUTE);
    }

    @Test
    void delegation_ofACreditTheDelegatorDoesNotOwn_refusedWithNotOwned() {
        credit("5", STRANGER, 1000, LATER);
        AuthSig d = holdersCreditToUser(10);
        LitNodeException e = refused(gate(CapacityMode.HOLDING), Payers.payer(d),
                LitErrorCode.NodeCapacityDelegationNotOwned);
        assertTrue(e.getMessage().contains("credit 5 is owned by " + STRANGER.toChecksumString()
                + ", not by the delegator " + OTHER_WALLET.address().toChecksumString()), e.getMessage());
    }

    @Test
    void delegation_ofAMissingCredit_refusedWithNotOwned() {
        AuthSig d = Payers.delegation(OTHER_WALLET, CapacityDelegation.of("99", List.of(USER), 10));
        assertTrue(refused(gate(CapacityMode.HOLDING), Payers.payer(d), LitErrorCode.NodeCapacityDelegationNotOwned)
                .getMessage().contains("credit 99 does not exist"));
    }

    @Test
    void delegation_creditTransferredAwayAfterSigning_refusedOnceTheCacheIsStale() {
        credit("5", OTHER_WALLET.address(), 1000, LATER);
        AuthSig d = holdersCreditToUser(10);
        CapacityGate g = gate(CapacityMode.HOLDING);
        g.charge(Payers.payer(d), PaidRoute.EXECUTE);
        registry.replaceCapacityCredit(new CapacityCredit("5", STRANGER, 1000, LATER));
        clock.advance(CapacityLimits.DEFAULT_CREDIT_CACHE);
        refused(g, Payers.payer(d), LitErrorCode.NodeCapacityDelegationNotOwned);
    }

    @Test
    void delegation_whoseCreditsExpired_refusedWithCreditExpired() {
        credit("5", OTHER_WALLET.address(), 1000, NOW.plusSeconds(5));
        AuthSig d = holdersCreditToUser(10);
        clock.set(NOW.plusSeconds(5));
        refused(gate(CapacityMode.HOLDING), Payers.payer(d), LitErrorCode.NodeCapacityCreditExpired);
    }

    @Test
    void delegation_wildcard_paysWithTheDelegatorsCredits_orRefusesWhenItHoldsNone() {
        AuthSig d = Payers.delegation(OTHER_WALLET, new CapacityDelegation(Optional.empty(), Optional.empty(),
                Optional.empty()));
        CapacityGate g = gate(CapacityMode.HOLDING);
        assertTrue(refused(g, Payers.payer(d), LitErrorCode.NodeCapacityDelegationNotOwned).getMessage()
                .contains("holds no capacity credit"));
        credit("5", OTHER_WALLET.address(), 1, LATER);
        g.charge(Payers.payer(d), PaidRoute.EXECUTE);
    }

    @Test
    void delegation_badSignature_refusedWithDelegationInvalid() {
        credit("5", OTHER_WALLET.address(), 1, LATER);
        AuthSig good = holdersCreditToUser(10);
        AuthSig forged = AuthSig.of(Payers.delegation(WALLET, CapacityDelegation.of("5", List.of(USER), 10)).sig(),
                good.derivedVia(), good.signedMessage(), good.address(), Optional.empty());
        LitNodeException e = refused(gate(CapacityMode.HOLDING), Payers.payer(forged),
                LitErrorCode.NodeCapacityDelegationInvalid);
        assertTrue(e.getMessage().contains("CapabilitySignatureCheck"), e.getMessage());
    }

    @Test
    void delegation_usesTwo_thirdRequestRefusedWithUsedUp() {
        credit("5", OTHER_WALLET.address(), 1000, LATER);
        AuthSig d = holdersCreditToUser(2);
        CapacityGate g = gate(CapacityMode.ALLOCATION);
        g.charge(Payers.payer(d), PaidRoute.EXECUTE);
        g.charge(Payers.payer(d), PaidRoute.EXECUTE);
        assertTrue(refused(g, Payers.payer(d), LitErrorCode.NodeCapacityDelegationUsedUp).getMessage()
                .contains("its 2 uses are spent on this node"));
    }

    @Test
    void uses_surviveARestart_andAnotherEncodingOfTheSignature() {
        credit("5", OTHER_WALLET.address(), 1000, LATER);
        AuthSig d = holdersCreditToUser(2);
        CapacityGate g = gate(CapacityMode.HOLDING);
        g.charge(Payers.payer(d), PaidRoute.EXECUTE);
        g.charge(Payers.payer(d), PaidRoute.EXECUTE);
        g.close();
        CapacityGate restarted = gate(CapacityMode.HOLDING);
        refused(restarted, Payers.payer(d), LitErrorCode.NodeCapacityDelegationUsedUp);
        String hex = d.sig().substring(2).toUpperCase();
        String lowV = hex.substring(0, 128) + String.format("%02X", Integer.parseInt(hex.substring(128), 16) - 27);
        for (String sig : List.of(hex, "0x" + lowV)) {
            AuthSig reencoded = AuthSig.of(sig, d.derivedVia(), d.signedMessage(), d.address(), Optional.empty());
            refused(restarted, Payers.payer(reencoded), LitErrorCode.NodeCapacityDelegationUsedUp);
        }
    }

    @Test
    void uses_notSpentWhenTheCreditHasNoRoom() {
        credit("5", OTHER_WALLET.address(), 1, LATER);
        AuthSig d = holdersCreditToUser(2);
        CapacityGate g = gate(CapacityMode.ALLOCATION);
        g.charge(Payers.payer(d), PaidRoute.EXECUTE);
        assertThrows(CapacityExceededException.class, () -> g.charge(Payers.payer(d), PaidRoute.EXECUTE));
        clock.advance(Duration.ofSeconds(1000 + 1000 / 60 + 1));
        g.charge(Payers.payer(d), PaidRoute.EXECUTE);
        refused(g, Payers.payer(d), LitErrorCode.NodeCapacityDelegationUsedUp);
    }

    @Test
    void ownCredits_payFirst_soADelegationsUsesAreKept() {
        credit("1", WALLET.address(), 1000, LATER);
        credit("5", OTHER_WALLET.address(), 1000, LATER);
        AuthSig d = holdersCreditToUser(1);
        CapacityGate g = gate(CapacityMode.HOLDING);
        for (int i = 0; i < 3; i++) {
            g.charge(Payers.payer(d), PaidRoute.EXECUTE);
        }
    }

    @Test
    void fullOwnCredit_withARefusedDelegation_answersRateLimitExceeded() {
        credit("1", WALLET.address(), 1, LATER);
        AuthSig d = Payers.delegation(OTHER_WALLET, CapacityDelegation.of("77", List.of(USER), 1));
        CapacityGate g = gate(CapacityMode.ALLOCATION);
        g.charge(Payers.payer(d), PaidRoute.EXECUTE);
        assertRetryAfterOneWindow(NOW, assertThrows(CapacityExceededException.class,
                () -> g.charge(Payers.payer(d), PaidRoute.EXECUTE)));
    }

    @Test
    void creditsExamined_boundedPerRequest() {
        List<String> ids = java.util.stream.IntStream.range(100, 164).mapToObj(Integer::toString).toList();
        AuthSig d1 = Payers.delegationNaming(OTHER_WALLET, ids);
        AuthSig d2 = Payers.delegationNaming(OTHER_WALLET, ids.reversed());
        LitNodeException e = refused(gate(CapacityMode.HOLDING), Payers.payer(d1, d2),
                LitErrorCode.NodeCapacityDelegationNotOwned);
        assertTrue(e.details().stream().anyMatch(l -> l.contains("more than " + CapacityGate.MAX_CREDITS_EXAMINED
                + " credits to examine")), e.details().toString());
    }
}
