package io.litj.cli;

import static io.litj.cli.LitjRun.keyFile;
import static io.litj.cli.LitjRun.litj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.client.CapacityDelegationRequest;
import io.litj.client.DecryptRequest;
import io.litj.client.EncryptResult;
import io.litj.client.ExecuteJsRequest;
import io.litj.client.LitClient;
import io.litj.client.LitClientException;
import io.litj.client.RateLimitExceededException;
import io.litj.client.SessionRequest;
import io.litj.client.SessionTerms;
import io.litj.devnet.Devnet;
import io.litj.devnet.DevnetConfig;
import io.litj.node.ratelimit.CapacityLimits;
import io.litj.node.ratelimit.CapacityMode;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.acc.ConditionKind;
import io.litj.protocol.acc.ConditionSet;
import io.litj.protocol.auth.AuthSig;
import io.litj.protocol.auth.SessionSigs;
import io.litj.protocol.crypto.PrivateKeyEthSigner;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.resource.LitAbility;
import io.litj.protocol.resource.LitResource;
import io.litj.protocol.resource.ResourceAbilityRequest;
import io.litj.protocol.testing.JsonAccess;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11 from the Java SDK and the CLI against a 3-node devnet requiring capacity (allocation mode on every node,
 * as {@code litj devnet up --require-capacity}): no credit → {@link RateLimitExceededException} / exit 4 saying
 * when to retry; a delegation from the credit holder ({@code createCapacityDelegationAuthSig} / {@code litj capacity
 * delegate}) → runs; {@code uses} 2 → the third call refused; a delegation to another address, or of a credit the
 * delegator does not own → refused with the node's code and message; the holder's own session → runs; the decrypt
 * path is charged too. The credit is minted with {@code litj capacity mint}.
 */
class CapacityEndToEndTest {
    private static final String CODE = "LitActions.setResponse({response: 'paid'});";
    /** Hardhat accounts #1 (credit holder), #2 (user) and #3 (stranger, holds nothing). */
    private static final String HOLDER_KEY = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";
    private static final String USER_KEY = "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a";
    private static final String STRANGER_KEY = "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6";
    private static final PrivateKeyEthSigner HOLDER = PrivateKeyEthSigner.fromHex(HOLDER_KEY);
    private static final PrivateKeyEthSigner USER = PrivateKeyEthSigner.fromHex(USER_KEY);
    private static final PrivateKeyEthSigner STRANGER = PrivateKeyEthSigner.fromHex(STRANGER_KEY);
    private static final List<ResourceAbilityRequest> ANY_ACTION = List.of(
            ResourceAbilityRequest.of(LitResource.action("*"), LitAbility.LIT_ACTION_EXECUTION));

    @TempDir
    static Path temp;
    @AutoClose
    private static Devnet devnet;
    @AutoClose
    private static LitClient client;
    private static String tokenId;

    @BeforeAll
    static void startDevnetAndMintWithTheCli() {
        DevnetConfig config = DevnetConfig.defaults(temp.resolve("devnet")).withNodes(3).withPorts(0, 0)
                .withCapacity(CapacityLimits.of(CapacityMode.ALLOCATION));
        devnet = TestDevnets.startAsIfUp(config);
        LitjRun minted = litj("capacity", "mint", "--owner", HOLDER.address().toChecksumString(),
                "--requests-per-kilosecond", "1000", "--days", "1", "--data", config.dataDir().toString(), "--json");
        assertEquals(0, minted.code(), minted.both());
        tokenId = JsonAccess.string(JsonReader.parseObject(minted.out().strip(), LitErrorCode.NodeParserError,
                "mint"), "tokenId");
        client = LitClient.builder().rpcUrl(URI.create(devnet.rpcUrl())).build();
        client.connect();
    }

    private static SessionSigs session(PrivateKeyEthSigner wallet, List<AuthSig> delegations) {
        return client.getSessionSigs(SessionRequest.of(SessionTerms.builder().resourceAbilityRequests(ANY_ACTION)
                .capabilityAuthSigs(delegations).build(), wallet));
    }

    private static String run(SessionSigs sigs) {
        return client.executeJs(ExecuteJsRequest.builder().code(CODE).sessionSigs(sigs).build()).response();
    }

    private static AuthSig delegation(PrivateKeyEthSigner owner, String delegatee, long uses) {
        return client.createCapacityDelegationAuthSig(CapacityDelegationRequest.builder(owner).capacityTokenId(tokenId)
                .delegatee(delegatee).uses(uses).build());
    }

    private static void assertRefusedWith(LitErrorCode code, SessionSigs sigs) {
        LitClientException e = assertThrows(LitClientException.class, () -> run(sigs));
        assertFalse(e instanceof RateLimitExceededException, e.toString());
        assertEquals(LitErrorCode.NodeError, e.code(), e.toString());
        assertEquals(code.wireName(), e.nodeErrorCode().orElseThrow(), e.toString());
        assertEquals(3, e.nodeFailures().size(), e.toString());
        assertFalse(e.nodeFailures().get(0).message().isBlank());
    }

    @Test
    void sdk_noCredit_isRateLimitExceeded() {
        RateLimitExceededException e = assertThrows(RateLimitExceededException.class,
                () -> run(session(STRANGER, List.of())));
        assertEquals(LitErrorCode.RateLimitExceeded, e.code());
        assertEquals("rate_limit_exceeded", e.nodeErrorCode().orElseThrow());
        assertEquals(402, e.nodeFailures().get(0).httpStatus());
        e.retryAt().ifPresent(t -> assertTrue(t.isAfter(Instant.now().minusSeconds(60)), t.toString()));
    }

    @Test
    void sdk_delegationWithUsesTwo_runsTwiceThenTheThirdCallIsRefusedAsUsedUp() {
        SessionSigs sigs = session(USER, List.of(delegation(HOLDER, USER.address().toChecksumString(), 2)));
        assertEquals("paid", run(sigs));
        assertEquals("paid", run(sigs));
        assertRefusedWith(LitErrorCode.NodeCapacityDelegationUsedUp, sigs);
    }

    @Test
    void sdk_delegationToAnotherAddress_isRefused() {
        assertRefusedWith(LitErrorCode.NodeCapacityDelegateeMismatch, session(USER, List.of(
                delegation(HOLDER, STRANGER.address().toChecksumString(), 5))));
    }

    @Test
    void sdk_delegationOfACreditTheDelegatorDoesNotOwn_isRefused() {
        assertRefusedWith(LitErrorCode.NodeCapacityDelegationNotOwned, session(USER, List.of(
                delegation(STRANGER, USER.address().toChecksumString(), 5))));
    }

    @Test
    void sdk_holdersOwnSession_runs() {
        assertEquals("paid", run(session(HOLDER, List.of())));
    }

    @Test
    void sdk_decrypt_isChargedToo_andADelegationPaysForIt() {
        ConditionSet onlyUser = ConditionSet.parse(ConditionKind.BASIC,
                EncryptDecryptCommandTest.userIs(USER.address().toChecksumString()));
        EncryptResult encrypted = client.encrypt(onlyUser, "capacity".getBytes(StandardCharsets.UTF_8));
        List<ResourceAbilityRequest> resources = DecryptRequest.sessionResources(onlyUser, encrypted.dataToEncryptHash());
        SessionSigs unpaid = client.getSessionSigs(SessionRequest.of(SessionTerms.of(resources), USER));
        assertInstanceOf(RateLimitExceededException.class, assertThrows(LitClientException.class,
                () -> client.decrypt(DecryptRequest.of(onlyUser, encrypted, unpaid))));
        SessionSigs paid = client.getSessionSigs(SessionRequest.of(SessionTerms.builder().resourceAbilityRequests(
                resources).capabilityAuthSigs(List.of(delegation(HOLDER, USER.address().toChecksumString(), 5)))
                .build(), USER));
        assertTrue(client.decrypt(DecryptRequest.of(onlyUser, encrypted, paid))
                .sameSecretAs("capacity".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void cli_noCredit_exits4SayingRateLimitExceeded_thenADelegationWithUsesTwoPaysForTwoRuns() throws IOException {
        Path code = Files.writeString(temp.resolve("paid.js"), CODE);
        String[] exec = {"exec", "--rpc-url", devnet.rpcUrl(), "--private-key-file", keyFile(temp, USER_KEY),
                "--no-store", "--code", code.toString()};
        LitjRun unpaid = litj(exec);
        assertEquals(4, unpaid.code(), unpaid.both());
        assertTrue(unpaid.err().startsWith("error: rate limit exceeded: no capacity credit pays for this request; try"
                + " again"), unpaid.err());
        assertTrue(unpaid.err().contains("[rate_limit_exceeded] Rate limit exceeded.  Try again"), unpaid.err());

        LitjRun delegated = litj("capacity", "delegate", "--rpc-url", devnet.rpcUrl(), "--private-key-file",
                keyFile(temp, HOLDER_KEY), "--token-id", tokenId, "--delegatee", USER.address().toChecksumString(),
                "--uses", "2", "--json");
        assertEquals(0, delegated.code(), delegated.both());
        Path file = Files.writeString(temp.resolve("delegation.json"), delegated.out());
        String[] paid = List.of(List.of(exec), List.of("--capacity-delegation", file.toString(), "--json")).stream()
                .flatMap(List::stream).toArray(String[]::new);
        for (int i = 0; i < 2; i++) {
            LitjRun ok = litj(paid);
            assertEquals(0, ok.code(), ok.both());
            assertTrue(ok.out().startsWith("{\"ok\":true,\"response\":\"paid\""), ok.out());
        }
        LitjRun third = litj(paid);
        assertEquals(4, third.code(), third.both());
        JsonValue.JsonObject refusal = JsonReader.parseObject(third.out().strip(), LitErrorCode.NodeParserError, "x");
        assertEquals(LitErrorCode.NodeCapacityDelegationUsedUp.wireName(), JsonAccess.string(refusal, "errorCode"));
    }
}
