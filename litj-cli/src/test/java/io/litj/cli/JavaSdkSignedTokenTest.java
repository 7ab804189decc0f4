package io.litj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.litj.client.Jwt;
import io.litj.client.JwtClaims;
import io.litj.client.LitClient;
import io.litj.client.LitClientException;
import io.litj.client.SessionRequest;
import io.litj.client.SessionTerms;
import io.litj.client.SignedTokenRequest;
import io.litj.devnet.Devnet;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.acc.ConditionKind;
import io.litj.protocol.acc.ConditionSet;
import io.litj.protocol.crypto.PrivateKeyEthSigner;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java SDK's {@code getSignedToken} against a real 3-node devnet: the nodes check the conditions and sign the
 * JWT they build; {@link Jwt#verify} accepts it under the network key and refuses a flipped byte and a time outside
 * its window; a wallet the conditions do not name is refused with the nodes' code.
 */
class JavaSdkSignedTokenTest {
    private static final PrivateKeyEthSigner USER = PrivateKeyEthSigner.fromHex(EncryptDecryptCommandTest.KEY);
    private static final PrivateKeyEthSigner OTHER =
            PrivateKeyEthSigner.fromHex(EncryptDecryptCommandTest.OTHER_KEY);
    private static final ConditionSet ONLY_USER = ConditionSet.parse(ConditionKind.BASIC,
            EncryptDecryptCommandTest.userIs(EncryptDecryptCommandTest.ADDRESS));

    @TempDir
    static Path temp;

    @AutoClose
    private static Devnet devnet;
    @AutoClose
    private static LitClient client;

    @BeforeAll
    static void start() {
        devnet = TestDevnets.start(temp.resolve("devnet"));
        client = LitClient.builder().rpcUrl(URI.create(devnet.rpcUrl())).build();
        client.connect();
    }

    private static SignedTokenRequest request(PrivateKeyEthSigner wallet, Instant iat) {
        return SignedTokenRequest.of(ONLY_USER, client.getSessionSigs(SessionRequest.of(SessionTerms.of(
                SignedTokenRequest.sessionResources(ONLY_USER)), wallet)))
                .withWindow(iat, iat.plus(SignedTokenRequest.MAX_LIFETIME));
    }

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    private static String key() {
        return client.networkPublicKey().orElseThrow();
    }

    @Test
    void getSignedToken_verifiesUnderTheNetworkKey_withTheProvenUserAsSubject() {
        Instant iat = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        JwtClaims claims = Jwt.verify(client.getSignedToken(request(USER, iat)), key(), at(iat.plusSeconds(1)));
        assertEquals("LIT", claims.issuer());
        assertEquals(EncryptDecryptCommandTest.ADDRESS, claims.subject());
        assertEquals(iat, claims.issuedAt());
        assertEquals(ONLY_USER.hashHex(), claims.conditions().hashHex());
    }

    @Test
    void verify_flippedByte_refused() {
        Instant iat = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String jwt = client.getSignedToken(request(USER, iat));
        int at = jwt.indexOf('.') + 8;
        String flipped = jwt.substring(0, at) + (jwt.charAt(at) == 'A' ? 'B' : 'A') + jwt.substring(at + 1);
        LitClientException e = assertThrows(LitClientException.class, () -> Jwt.verify(flipped, key(),
                at(iat.plusSeconds(1))));
        assertEquals(LitErrorCode.InvalidSignature, e.code());
    }

    @Test
    void verify_outsideTheWindow_refused() {
        Instant iat = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String jwt = client.getSignedToken(request(USER, iat));
        Instant exp = iat.plus(SignedTokenRequest.MAX_LIFETIME);
        assertEquals(LitErrorCode.NodeExpWrongOrTooLarge, assertThrows(LitClientException.class,
                () -> Jwt.verify(jwt, key(), at(exp))).code());
        assertEquals(LitErrorCode.NodeIatOutsideGracePeriod, assertThrows(LitClientException.class,
                () -> Jwt.verify(jwt, key(), at(iat.minus(Jwt.CLOCK_SKEW).minusSeconds(1)))).code());
    }

    @Test
    void getSignedToken_walletTheConditionsDoNotName_refusedWithTheNodesCode() {
        SignedTokenRequest request = request(OTHER, Instant.now().truncatedTo(ChronoUnit.SECONDS));
        LitClientException e = assertThrows(LitClientException.class, () -> client.getSignedToken(request));
        assertEquals("NodeAccessControlConditionsReturnedNotAuthorized", e.nodeErrorCode().orElseThrow());
    }
}
