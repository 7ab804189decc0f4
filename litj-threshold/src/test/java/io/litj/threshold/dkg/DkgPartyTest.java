package io.litj.threshold.dkg;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.litj.protocol.LitErrorCode;
import io.litj.threshold.ThresholdException;
import io.litj.threshold.shamir.Group;
import io.litj.threshold.shamir.Polynomial;
import io.litj.threshold.testing.SeededRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The state machine's own rules: phases, message checks, determinism, QUAL size. */
class DkgPartyTest {
    private static final DkgConfig CONFIG = new DkgConfig(Group.SECP256K1, 3, 2);

    private static DkgParty party(int id) {
        return DkgParty.create(CONFIG, id, new SeededRandom(id));
    }

    private static void assertRefused(Executable call, String message) {
        ThresholdException e = assertThrows(ThresholdException.class, call);
        assertEquals(LitErrorCode.InvalidArgument, e.code());
        if (message != null) {
            assertEquals(message, e.getMessage());
        }
    }

    @Test
    void config_thresholdAboveParties_throwsInvalidArgument() {
        assertRefused(() -> new DkgConfig(Group.SECP256K1, 3, 4),
                "DKG needs 1 ≤ threshold ≤ parties ≤ 255 but has threshold 4 and parties 3");
        assertRefused(() -> new DkgConfig(Group.SECP256K1, 256, 2), null);
        assertRefused(() -> DkgParty.create(CONFIG, 4, new SeededRandom(1)), "party id must be a party in 1..3 but is 4");
    }

    @Test
    void start_sharesOnePerOtherParty_andIsDeterministic() {
        DkgRound1 r = party(1).start();
        assertEquals(List.of(2, 3), r.privateShares().stream().map(DkgPrivateShare::recipient).toList());
        assertEquals(r.broadcast(), party(1).start().broadcast());
        assertDoesNotThrow(() -> r.broadcast().commitments().verify(r.privateShares().get(0).share()));
    }

    @Test
    void steps_outOfOrder_areRefused() {
        DkgParty p = party(1);
        assertRefused(p::checkShares, "party 1 cannot checkShares in phase CREATED (expected SHARES_SENT)");
        p.start();
        assertRefused(p::start, null);
        assertRefused(p::finish, null);
        assertRefused(p::answerComplaints, null);
    }

    @Test
    void receive_ownMessage_isRefused() {
        DkgParty p = party(1);
        DkgRound1 r = p.start();
        assertRefused(() -> p.receive(r.broadcast()), "party 1 received its own DkgCommitment");
    }

    @Test
    void receive_shareForSomeoneElse_isRefused() {
        DkgParty p1 = party(1);
        DkgRound1 r2 = party(2).start();
        assertRefused(() -> p1.receive(r2.privateShares().get(1)),
                "share from party 2 is addressed to party 3, not 1");
    }

    @Test
    void receive_twoDifferentCommitments_isRefusedAsEquivocation() {
        DkgParty p1 = party(1);
        p1.receive(party(2).start().broadcast());
        p1.receive(party(2).start().broadcast()); // identical repeat: ignored
        DkgCommitment other = new DkgCommitment(2, Polynomial.random(Group.SECP256K1, 2, new SeededRandom(99))
                .commitments());
        assertRefused(() -> p1.receive(other), "party 2 broadcast two different commitments");
    }

    @Test
    void receive_commitmentsOfWrongThresholdOrGroup_areRefused() {
        DkgParty p1 = party(1);
        assertRefused(() -> p1.receive(new DkgCommitment(2,
                Polynomial.random(Group.SECP256K1, 3, new SeededRandom(5)).commitments())), null);
        assertRefused(() -> p1.receive(new DkgCommitment(2,
                Polynomial.random(Group.BLS12_381_G1, 2, new SeededRandom(5)).commitments())), null);
    }

    @Test
    void receive_lateRound1Message_isRefused() {
        DkgParty p1 = party(1);
        p1.start();
        p1.checkShares();
        DkgCommitment late = party(2).start().broadcast();
        assertRefused(() -> p1.receive(late), "DkgCommitment from party 2 arrived after party 1 closed that round "
                + "(phase COMPLAINTS_SENT)");
    }

    @Test
    void receive_complaintNamingAnUnknownParty_isRefused() {
        assertRefused(() -> party(1).receive(new DkgComplaint(2, 7)), "accused party must be a party in 1..3 but is 7");
        assertRefused(() -> new DkgComplaint(2, 2), "party 2 cannot accuse itself");
    }

    @Test
    void finish_aloneWithThresholdTwo_throwsNoValidShares() {
        DkgParty p1 = party(1);
        p1.start();
        assertEquals(List.of(), p1.checkShares(), "dealers without commitments get no complaint");
        p1.answerComplaints();
        ThresholdException e = assertThrows(ThresholdException.class, p1::finish);
        assertEquals(LitErrorCode.NoValidShares, e.code());
        assertEquals("only 1 dealers [1] qualified, need at least 2; disqualified {2=broadcast no commitments, "
                + "3=broadcast no commitments}", e.getMessage());
    }

    @Test
    void missingShare_fromACommittedDealer_drawsAComplaint() {
        DkgParty p1 = party(1);
        p1.start();
        p1.receive(party(2).start().broadcast());
        assertEquals(List.of(new DkgComplaint(1, 2)), p1.checkShares());
    }

    @Test
    void complaintsAgainstThisParty_areAnsweredInAccuserOrder() {
        DkgParty p1 = party(1);
        p1.start();
        p1.receive(new DkgComplaint(3, 1));
        p1.receive(new DkgComplaint(2, 1));
        p1.checkShares();
        List<DkgReveal> answers = p1.answerComplaints();
        assertEquals(List.of(2, 3), answers.stream().map(DkgReveal::accuser).toList());
        assertEquals(List.of(2, 3), answers.stream().map(a -> a.share().index()).toList());
    }

    @Test
    void privateShare_indexNotRecipient_isRefused() {
        var share = Polynomial.random(Group.SECP256K1, 2, new SeededRandom(3)).evaluate(2);
        assertRefused(() -> DkgPrivateShare.of(1, 3, share), "share for party 3 has index 2");
        assertRefused(() -> DkgReveal.of(1, 3, share), "revealed share for party 3 has index 2");
    }
}
