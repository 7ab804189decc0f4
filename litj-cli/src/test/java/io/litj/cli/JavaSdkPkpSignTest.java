package io.litj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.litj.cli.PkpSessionFixture.CountingTransport;
import io.litj.client.AuthMethod;
import io.litj.client.ExecuteJsRequest;
import io.litj.client.ExecuteJsResult;
import io.litj.client.LitClient;
import io.litj.client.LitClientException;
import io.litj.client.PkpSessionRequest;
import io.litj.client.PkpSignRequest;
import io.litj.client.PkpSignature;
import io.litj.client.SessionRequest;
import io.litj.client.SessionTerms;
import io.litj.devnet.Devnet;
import io.litj.node.registry.Pkp;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.auth.AuthSig;
import io.litj.protocol.auth.AuthSigs;
import io.litj.protocol.auth.LitSiweBuilder;
import io.litj.protocol.auth.SessionSigs;
import io.litj.protocol.crypto.Bytes;
import io.litj.protocol.crypto.Eip191;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.crypto.EthSignature;
import io.litj.protocol.crypto.Hashes;
import io.litj.protocol.crypto.PrivateKeyEthSigner;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.resource.LitAbility;
import io.litj.protocol.resource.LitResource;
import io.litj.protocol.resource.ResourceAbilityRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java SDK's {@code pkpSign} against a real 3-node devnet: a wallet session and a PKP session each get a
 * signature that recovers to the PKP's address; a session without {@code pkp-signing}, a wallet session without Lit
 * Action execution, a wallet the PKP does not permit and a personal-sign-only wallet are refused with the nodes'
 * codes. Also {@link ExecuteJsResult#signatures()} of actions calling {@code signEcdsa} and
 * {@code ethPersonalSignMessageEcdsa}.
 */
class JavaSdkPkpSignTest {
    private static final Clock CLOCK = Clock.systemUTC();
    private static final byte[] DIGEST = Hashes.keccak256("signed by a PKP through the Java SDK");

    @TempDir
    static Path temp;

    @AutoClose
    private static Devnet devnet;
    private static Pkp pkp;

    @BeforeAll
    static void startDevnetAndMintPkp() {
        devnet = TestDevnets.start(temp.resolve("devnet"));
        pkp = PkpSignFixture.mintPkp(devnet);
    }

    private static String key() {
        return "0x" + pkp.publicKey();
    }

    private static <T> T withClient(Function<LitClient, T> body) {
        try (CountingTransport transport = new CountingTransport();
             LitClient client = PkpSessionFixture.connect(devnet, transport, CLOCK)) {
            return body.apply(client);
        }
    }

    private static SessionSigs walletSession(LitClient client, PrivateKeyEthSigner wallet,
            List<ResourceAbilityRequest> resources) {
        return client.getSessionSigs(SessionRequest.of(SessionTerms.of(resources), wallet));
    }

    private static void assertRecoversToThePkp(PkpSignature sig) {
        EthAddress recovered = Eip191.recoverFromHash(DIGEST, EthSignature.parse(sig.signatureHex(), "sig"));
        assertEquals(pkp.ethAddress(), recovered.toChecksumString());
        assertEquals("0x" + pkp.publicKey(), sig.publicKey().hex0x());
    }

    private static String refusalCode(PrivateKeyEthSigner wallet, List<ResourceAbilityRequest> resources) {
        LitClientException e = assertThrows(LitClientException.class, () -> withClient(client ->
                client.pkpSign(PkpSignRequest.of(DIGEST, key(), walletSession(client, wallet, resources)))));
        assertEquals(LitErrorCode.NodeError, e.code(), e::getMessage);
        return e.nodeErrorCode().orElseThrow();
    }

    @Test
    void pkpSign_walletSessionPermittedToSignAnything_recoversToThePkpAddress() {
        PkpSignature sig = withClient(client -> client.pkpSign(PkpSignRequest.of(DIGEST, key(),
                walletSession(client, PkpSignFixture.SIGNER, PkpSignRequest.sessionResources(key())))));
        assertRecoversToThePkp(sig);
    }

    @Test
    void pkpSign_pkpSessionProvenByAPermittedWallet_recoversToThePkpAddress() {
        PkpSignature sig = withClient(client -> {
            AuthSig login = AuthSigs.generate(PkpSignFixture.SIGNER, LitSiweBuilder.create(
                    PkpSignFixture.SIGNER.address(), client.latestBlockhash()).clock(CLOCK)
                    .expiration(CLOCK.instant().plus(Duration.ofHours(1))).build());
            SessionSigs sigs = client.getPkpSessionSigs(PkpSessionRequest.builder().pkpPublicKey(key())
                    .authMethods(List.of(AuthMethod.ethWallet(login)))
                    .terms(SessionTerms.of(PkpSignRequest.sessionResources(key()))).build());
            return client.pkpSign(PkpSignRequest.of(DIGEST, key(), sigs));
        });
        assertRecoversToThePkp(sig);
    }

    @Test
    void pkpSign_sessionWithoutPkpSigning_isRefusedWithNodeResourceIdNotFound() {
        assertEquals("NodeResourceIdNotFound", refusalCode(PkpSignFixture.SIGNER, List.of(ResourceAbilityRequest.of(
                LitResource.action("*"), LitAbility.LIT_ACTION_EXECUTION))));
    }

    @Test
    void pkpSign_walletSessionWithoutActionExecution_isRefusedWithNodeResourceIdNotFound() {
        assertEquals("NodeResourceIdNotFound", refusalCode(PkpSignFixture.SIGNER, List.of(ResourceAbilityRequest.of(
                LitResource.pkp("*"), LitAbility.PKP_SIGNING))));
    }

    @Test
    void pkpSign_walletThePkpDoesNotPermit_isRefusedWithNodePKPNotAuthorized() {
        assertEquals("NodePKPNotAuthorized", refusalCode(PkpSignFixture.STRANGER,
                PkpSignRequest.sessionResources(key())));
    }

    @Test
    void pkpSign_walletPermittedForPersonalSignOnly_isRefusedWithNodeAuthSigScopeTooLimited() {
        assertEquals("NodeAuthSigScopeTooLimited", refusalCode(PkpSignFixture.PERSONAL,
                PkpSignRequest.sessionResources(key())));
    }

    @Test
    void executeJs_signEcdsa_givesASignatureUnderItsSigNameThatRecoversToThePkp() {
        ExecuteJsResult result = withClient(client -> client.executeJs(ExecuteJsRequest.builder()
                .code("(async () => { await Lit.Actions.signEcdsa({toSign, publicKey, sigName: 'sig1'}); })();")
                .jsParams(JsonValue.object().put("toSign", bytes(DIGEST)).put("publicKey", key()).build())
                .sessionSigs(walletSession(client, PkpSignFixture.SIGNER, PkpSignRequest.sessionResources(key())))
                .build()));
        assertEquals(List.of("sig1"), List.copyOf(result.signatures().keySet()));
        assertRecoversToThePkp(result.signatures().get("sig1"));
    }

    @Test
    void executeJs_ethPersonalSignMessageEcdsa_withScope2_signsTheEip191DigestOfTheMessage() {
        ExecuteJsResult result = withClient(client -> client.executeJs(ExecuteJsRequest.builder()
                .code("(async () => { await Lit.Actions.ethPersonalSignMessageEcdsa({message: 'hello PKP',"
                        + " publicKey, sigName: 'personal'}); })();")
                .jsParams(JsonValue.object().put("publicKey", key()).build())
                .sessionSigs(walletSession(client, PkpSignFixture.PERSONAL, PkpSignRequest.sessionResources(key())))
                .build()));
        PkpSignature sig = result.signatures().get("personal");
        assertEquals(Bytes.of(Eip191.hash("hello PKP")), sig.dataSigned());
        assertEquals(pkp.ethAddress(), Eip191.recover("hello PKP", EthSignature.parse(sig.signatureHex(), "sig"))
                .toChecksumString());
    }

    private static JsonValue bytes(byte[] b) {
        List<JsonValue> out = new java.util.ArrayList<>();
        for (byte x : b) {
            out.add(new JsonValue.JsonNumber(x & 0xff));
        }
        return new JsonValue.JsonArray(out);
    }
}
