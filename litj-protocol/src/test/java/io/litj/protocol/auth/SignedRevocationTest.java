package io.litj.protocol.auth;

import static io.litj.protocol.testing.TestSessions.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.crypto.Bytes;
import io.litj.protocol.crypto.Eip191;
import io.litj.protocol.siwe.SiweRenderer;
import io.litj.protocol.testing.TestSessions;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The revocation text and its verification (docs/revocation.md): one breaking case per rule, each with its code. */
class SignedRevocationTest {
    private static final String GRANT = TestSessions.walletGrant().signedMessage();
    private static final Instant GRANT_EXPIRES = NOW.plus(Duration.ofDays(1));

    private static SignedRevocation revocation() {
        return SignedRevocation.sign(GRANT, Optional.empty(), TestSessions.WALLET, NOW);
    }

    @Test
    void sign_thenVerify_givesTheGrantsDigestGranterAndExpiration() {
        SessionRevocation r = revocation().verify(NOW);
        assertEquals(Bytes.of(Eip191.hash(GRANT)), r.grantDigest());
        assertEquals(TestSessions.WALLET.address(), r.granter());
        assertEquals(GRANT_EXPIRES, r.grantExpiration());
        assertEquals(NOW, r.issuedAt());
        assertTrue(r.covers(TestSessions.SESSION_KEY.publicKeyHex()));
    }

    @Test
    void message_roundTripsThroughParse_andHasTheDocumentedLines() {
        SignedRevocation s = SignedRevocation.sign(GRANT, Optional.of(TestSessions.SESSION_KEY.publicKeyHex()),
                TestSessions.WALLET, NOW);
        assertEquals("litj session revocation v1\nGrant: " + Bytes.of(Eip191.hash(GRANT)).hex0x() + "\nSession key: "
                + TestSessions.SESSION_KEY.publicKeyHex() + "\nGranter: " + TestSessions.WALLET.address()
                .toChecksumString() + "\nIssued At: 2025-01-01T00:00:00.000Z\nGrant Expires: 2025-01-02T00:00:00.000Z",
                s.revocation());
        assertEquals(s.revocation(), SessionRevocation.parse(s.revocation()).toMessage());
        assertEquals(s, SignedRevocation.parse(io.litj.protocol.json.JsJson.stringify(s.toJson())));
    }

    @Test
    void keyScoped_coversOnlyThatKey() {
        SessionRevocation r = SignedRevocation.sign(GRANT, Optional.of(TestSessions.SESSION_KEY.publicKeyHex()
                .toUpperCase()), TestSessions.WALLET, NOW).verify(NOW);
        assertTrue(r.covers(TestSessions.SESSION_KEY.publicKeyHex()));
        assertFalse(r.covers(TestSessions.OTHER_SESSION_KEY.publicKeyHex()));
    }

    static Stream<Arguments> brokenTexts() {
        String good = revocation().revocation();
        return Stream.of(
                Arguments.of("other header", good.replace("revocation v1", "revocation v2")),
                Arguments.of("a line missing", good.substring(0, good.lastIndexOf('\n'))),
                Arguments.of("a trailing newline", good + "\n"),
                Arguments.of("uppercase digest", good.replace("Grant: 0x", "Grant: 0X")),
                Arguments.of("short key", good.replace("Session key: all", "Session key: abcd")),
                Arguments.of("unchecksummed granter", good.replace(TestSessions.WALLET.address().toChecksumString(),
                        TestSessions.WALLET.address().toLowerHex())),
                Arguments.of("time without millis", good.replace("Issued At: 2025-01-01T00:00:00.000Z",
                        "Issued At: 2025-01-01T00:00:00Z")),
                Arguments.of("too long", good + "x".repeat(SessionRevocation.MAX_MESSAGE_CHARS)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenTexts")
    void parse_malformedText_isRefusedWithRevocationInvalid(String name, String text) {
        LitProtocolException e = assertThrows(LitProtocolException.class, () -> SessionRevocation.parse(text));
        assertEquals(LitErrorCode.NodeRevocationInvalid, e.code(), e.getMessage());
    }

    /** Re-signs a changed revocation text with the granter, so only the changed rule can fail. */
    private static SignedRevocation resigned(Function<String, String> change) {
        String text = change.apply(revocation().revocation());
        return new SignedRevocation(GRANT, text, TestSessions.WALLET.signPersonalMessage(text).toHex());
    }

    static Stream<Arguments> brokenRevocations() {
        SignedRevocation good = revocation();
        String otherGrant = AuthSigs.generate(TestSessions.WALLET, TestSessions.grantSiwe()
                .expiration(NOW.plus(Duration.ofDays(2))).build()).signedMessage();
        String capacityGrant = SiweRenderer.render(TestSessions.grantSiwe().build().toBuilder()
                .uri(CapacityDelegation.URI).build());
        String grantWithoutExpiry = SiweRenderer.render(TestSessions.grantSiwe().build().toBuilder()
                .expirationTime((String) null).build());
        return Stream.of(
                Arguments.of("another grant's text", new SignedRevocation(otherGrant, good.revocation(), good.sig()),
                        LitErrorCode.NodeRevocationInvalid),
                Arguments.of("grant is not a SIWE", revocationOf("hello", TestSessions.WALLET),
                        LitErrorCode.NodeRevocationInvalid),
                Arguments.of("grant is no session grant", revocationOf(capacityGrant, TestSessions.WALLET),
                        LitErrorCode.NodeRevocationInvalid),
                Arguments.of("grant without expiration", revocationOf(grantWithoutExpiry, TestSessions.WALLET),
                        LitErrorCode.NodeRevocationInvalid),
                Arguments.of("another session key", resigned(t -> t.replace("Session key: all", "Session key: "
                        + TestSessions.OTHER_SESSION_KEY.publicKeyHex())), LitErrorCode.NodeRevocationInvalid),
                Arguments.of("wrong Grant Expires", resigned(t -> t.replace("Grant Expires: 2025-01-02",
                        "Grant Expires: 2025-01-03")), LitErrorCode.NodeRevocationInvalid),
                Arguments.of("issued 61 s ahead", resigned(t -> t.replace("Issued At: 2025-01-01T00:00:00.000Z",
                        "Issued At: 2025-01-01T00:01:01.000Z")), LitErrorCode.NodeRevocationInvalid),
                Arguments.of("Granter is someone else", resigned(t -> t.replace(TestSessions.WALLET.address()
                        .toChecksumString(), TestSessions.OTHER_WALLET.address().toChecksumString())),
                        LitErrorCode.NodeRevocationNotGranter),
                Arguments.of("signed by someone else", new SignedRevocation(GRANT, good.revocation(),
                        TestSessions.OTHER_WALLET.signPersonalMessage(good.revocation()).toHex()),
                        LitErrorCode.NodeRevocationNotGranter),
                Arguments.of("signature of another text", new SignedRevocation(GRANT, good.revocation(),
                        TestSessions.WALLET.signPersonalMessage(good.revocation() + " ").toHex()),
                        LitErrorCode.NodeRevocationNotGranter),
                Arguments.of("signature not hex", new SignedRevocation(GRANT, good.revocation(), "0xzz"),
                        LitErrorCode.NodeRevocationNotGranter));
    }

    /** A revocation text for {@code grant} made by hand (sign() refuses such grants) and signed by {@code by}. */
    private static SignedRevocation revocationOf(String grant, io.litj.protocol.crypto.EthSigner by) {
        String text = new SessionRevocation(SessionRevocation.grantDigest(grant), Optional.empty(), by.address(), NOW,
                GRANT_EXPIRES).toMessage();
        return new SignedRevocation(grant, text, by.signPersonalMessage(text).toHex());
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("brokenRevocations")
    void verify_brokenRule_isRefusedWithItsCode(String name, SignedRevocation broken, LitErrorCode code) {
        LitProtocolException e = assertThrows(LitProtocolException.class, () -> broken.verify(NOW));
        assertEquals(code, e.code(), e.getMessage());
    }

    @Test
    void verify_afterTheGrantExpired_isRefused_asNothingIsLeftToRevoke() {
        LitProtocolException e = assertThrows(LitProtocolException.class, () -> revocation().verify(GRANT_EXPIRES));
        assertEquals(LitErrorCode.NodeRevocationInvalid, e.code());
        assertTrue(e.getMessage().contains("nothing to revoke"), e.getMessage());
    }

    @Test
    void sign_byAnotherWallet_isRefusedBeforeSigning() {
        LitProtocolException e = assertThrows(LitProtocolException.class, () -> SignedRevocation.sign(GRANT,
                Optional.empty(), TestSessions.OTHER_WALLET, NOW));
        assertEquals(LitErrorCode.InvalidArgument, e.code());
    }

    @Test
    void fromJson_unknownFieldOrOverlongGrant_isRefused() {
        assertEquals(LitErrorCode.NodeRevocationInvalid, assertThrows(LitProtocolException.class,
                () -> SignedRevocation.parse("{\"grant\":\"g\",\"revocation\":\"r\",\"sig\":\"s\",\"x\":1}")).code());
        String huge = "{\"grant\":\"" + "a".repeat(SignedRevocation.MAX_GRANT_CHARS + 1)
                + "\",\"revocation\":\"r\",\"sig\":\"s\"}";
        assertEquals(LitErrorCode.NodeRevocationInvalid, assertThrows(LitProtocolException.class,
                () -> SignedRevocation.parse(huge)).code());
    }
}
