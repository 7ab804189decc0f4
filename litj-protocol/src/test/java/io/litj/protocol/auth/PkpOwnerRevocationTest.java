package io.litj.protocol.auth;

import static io.litj.protocol.testing.TestSessions.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.siwe.SiweRenderer;
import io.litj.protocol.testing.FakeBlsVerifiers;
import io.litj.protocol.testing.TestSessions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A PKP grant revoked by the PKP's owner (docs/revocation.md): the text's Signed By line, the owner looked up last,
 * and every way to break it refused with its code.
 */
class PkpOwnerRevocationTest {
    private static final EthAddress PKP = EthAddress.parse("0x7f2e96c99F9551915DA9e9F828F512330f130acB", "pkp");
    private static final String GRANT = SiweRenderer.render(LitSiweBuilder.create(PKP, TestSessions.NONCE)
            .clock(TestSessions.CLOCK).uri(TestSessions.SESSION_KEY.uri()).expiration(NOW.plus(Duration.ofDays(1)))
            .resources(TestSessions.actionAndPkp()).build());
    private static final String KEY = TestSessions.SESSION_KEY.publicKeyHex();

    /** The registry: {@link #PKP} is owned by the test wallet; it records every question. */
    private final List<EthAddress> asked = new ArrayList<>();
    private final PkpOwners owners = pkp -> {
        asked.add(pkp);
        return pkp.equals(PKP) ? Optional.of(TestSessions.WALLET.address()) : Optional.empty();
    };

    private static SignedRevocation byOwner() {
        return SignedRevocation.signAsPkpOwner(GRANT, Optional.of(KEY), TestSessions.WALLET, NOW);
    }

    private static LitErrorCode refusal(SignedRevocation r, PkpOwners lookup) {
        return assertThrows(LitProtocolException.class, () -> r.verify(NOW, lookup)).code();
    }

    @Test
    void owner_revokes_withTheSignedByLine_andTheRegistryAskedOnce() {
        SignedRevocation s = byOwner();
        assertTrue(s.revocation().endsWith("\nGranter: " + PKP.toChecksumString() + "\nIssued At: "
                + "2025-01-01T00:00:00.000Z\nGrant Expires: 2025-01-02T00:00:00.000Z\nSigned By: "
                + TestSessions.WALLET.address().toChecksumString()), s.revocation());
        SessionRevocation r = s.verify(NOW, owners);
        assertEquals(PKP, r.granter());
        assertEquals(Optional.of(TestSessions.WALLET.address()), r.signedBy());
        assertEquals(List.of(PKP), asked);
        assertEquals(s.revocation(), SessionRevocation.parse(s.revocation()).toMessage());
    }

    @Test
    void revokedPkpSession_isRefusedWithSessionRevoked_namingTheOwner() {
        SessionRevocation r = byOwner().verify(NOW, owners);
        AuthSig capability = AuthSig.bls("{\"ProofOfPossession\":\"" + "00".repeat(96) + "\"}", GRANT,
                PKP.toChecksumString());
        SessionSigValidator.Builder b = SessionSigValidator.builder(TestSessions.NODE_ADDRESS)
                .clock(TestSessions.CLOCK).blsVerifier(FakeBlsVerifiers.ACCEPTING);
        AuthSig sessionSig = TestSessions.sessionSig(List.of(capability));
        assertInstanceOf(AuthContext.class, ValidatorAssertions.validateAction(b.build(), sessionSig));
        RevocationList revoked = (digest, key, now) -> digest.equals(r.grantDigest()) && r.covers(key)
                ? Optional.of(r) : Optional.empty();
        AuthDenied d = ValidatorAssertions.assertDenied(ValidatorAssertions.validateAction(
                b.revocations(revoked).build(), sessionSig), LitErrorCode.NodeSessionRevoked, "RevocationCheck");
        assertTrue(d.message().contains("was revoked by its granter " + PKP + " (signed by the PKP's owner "
                + TestSessions.WALLET.address() + ")"), d.message());
    }

    @Test
    void nonOwner_isRefusedAsNotGranter() {
        SignedRevocation s = SignedRevocation.signAsPkpOwner(GRANT, Optional.of(KEY), TestSessions.OTHER_WALLET, NOW);
        assertEquals(LitErrorCode.NodeRevocationNotGranter, refusal(s, owners));
        assertEquals(List.of(PKP), asked);
    }

    @Test
    void ownerRevocation_withoutARegistry_isRefusedAsNotGranter() {
        assertEquals(LitErrorCode.NodeRevocationNotGranter,
                assertThrows(LitProtocolException.class, () -> byOwner().verify(NOW)).code());
    }

    @Test
    void ownerRevocation_ofAnAddressThatIsNoPkp_isRefusedAsNotGranter() {
        String walletGrant = TestSessions.walletGrant().signedMessage();
        SignedRevocation s = SignedRevocation.signAsPkpOwner(walletGrant, Optional.empty(), TestSessions.OTHER_WALLET,
                NOW);
        LitProtocolException e = assertThrows(LitProtocolException.class, () -> s.verify(NOW, owners));
        assertEquals(LitErrorCode.NodeRevocationNotGranter, e.code());
        assertTrue(e.getMessage().contains("knows no PKP"), e.getMessage());
    }

    @Test
    void signatureByAnotherThanSignedBy_isRefused_beforeTheRegistryIsAsked() {
        SignedRevocation good = byOwner();
        String otherSig = TestSessions.OTHER_WALLET.signPersonalMessage(good.revocation()).toHex();
        assertEquals(LitErrorCode.NodeRevocationNotGranter,
                refusal(new SignedRevocation(GRANT, good.revocation(), otherSig), owners));
        assertEquals(List.of(), asked, "no registry read for a signature that is not Signed By's");
    }

    @Test
    void ownersSignatureOverTheTextWithoutSignedBy_isRefused() {
        SessionRevocation plain = SessionRevocation.parse(byOwner().revocation().substring(0,
                byOwner().revocation().lastIndexOf('\n')));
        String text = plain.toMessage();
        SignedRevocation s = new SignedRevocation(GRANT, text,
                TestSessions.WALLET.signPersonalMessage(text).toHex());
        assertEquals(LitErrorCode.NodeRevocationNotGranter, refusal(s, owners));
        assertEquals(List.of(), asked);
    }

    @Test
    void signedByTheGranterItself_isNotItsOneForm() {
        String text = byOwner().revocation().replace("Signed By: " + TestSessions.WALLET.address().toChecksumString(),
                "Signed By: " + PKP.toChecksumString());
        assertEquals(LitErrorCode.NodeRevocationInvalid, assertThrows(LitProtocolException.class,
                () -> SessionRevocation.parse(text)).code());
        assertEquals(LitErrorCode.InvalidArgument, assertThrows(LitProtocolException.class,
                () -> SignedRevocation.signAsPkpOwner(TestSessions.walletGrant().signedMessage(), Optional.empty(),
                        TestSessions.WALLET, NOW)).code());
    }

    @Test
    void unchecksummedOrMisnamedSignedByLine_isInvalid() {
        String good = byOwner().revocation();
        for (String bad : List.of(good.replace(TestSessions.WALLET.address().toChecksumString(),
                        TestSessions.WALLET.address().toLowerHex()), good.replace("Signed By: ", "Signed by: "),
                good + "\nSigned By: " + TestSessions.OTHER_WALLET.address().toChecksumString())) {
            assertEquals(LitErrorCode.NodeRevocationInvalid, assertThrows(LitProtocolException.class,
                    () -> SessionRevocation.parse(bad)).code(), bad);
        }
    }
}
