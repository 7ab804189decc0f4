package io.litj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.litj.client.CapacityDelegationRequest;
import io.litj.client.ExecuteJsRequest;
import io.litj.client.InMemorySessionStore;
import io.litj.client.LitClient;
import io.litj.client.LitClientException;
import io.litj.client.RateLimitExceededException;
import io.litj.client.SessionRequest;
import io.litj.client.SessionTerms;
import io.litj.devnet.Devnet;
import io.litj.devnet.DevnetConfig;
import io.litj.node.ratelimit.CapacityLimits;
import io.litj.node.ratelimit.CapacityMode;
import io.litj.node.registry.CapacityCredit;
import io.litj.protocol.auth.AuthSig;
import io.litj.protocol.auth.SessionSigs;
import io.litj.protocol.crypto.PrivateKeyEthSigner;
import io.litj.protocol.resource.LitAbility;
import io.litj.protocol.resource.LitResource;
import io.litj.protocol.resource.ResourceAbilityRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 3-node devnet in allocation mode ({@code --require-capacity}) through the Java SDK: a delegation with
 * {@code uses: 2} pays twice; every node is then stopped and started again from its data folder, and the third call is
 * still refused ({@code NodeCapacityDelegationUsedUp}): the uses survive a restart. Without a credit the SDK throws its
 * typed {@link RateLimitExceededException}; every node's health reports the mode.
 */
class JavaSdkCapacityRestartTest {
    private static final String ACTION = "Lit.Actions.setResponse({response: 'paid'})";
    private static final PrivateKeyEthSigner HOLDER = PrivateKeyEthSigner.fromHex(
            "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");
    private static final PrivateKeyEthSigner USER = PrivateKeyEthSigner.fromHex(
            "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a");

    @TempDir
    Path dir;

    @AutoClose
    private Devnet devnet;
    @AutoClose
    private LitClient client;

    private SessionSigs session(List<AuthSig> delegations) {
        return client.getSessionSigs(SessionRequest.of(SessionTerms.builder().resourceAbilityRequests(List.of(
                ResourceAbilityRequest.of(LitResource.action("*"), LitAbility.LIT_ACTION_EXECUTION)))
                .capabilityAuthSigs(delegations).build(), USER));
    }

    private String execute(SessionSigs sigs) {
        return client.executeJs(ExecuteJsRequest.builder().code(ACTION).sessionSigs(sigs).build()).response();
    }

    @Test
    void usesTwo_survivesARestartOfEveryNode() throws Exception {
        devnet = TestDevnets.startAsIfUp(DevnetConfig.defaults(dir.resolve("devnet")).withPorts(0, 0)
                .withCapacity(CapacityLimits.of(CapacityMode.ALLOCATION)));
        client = LitClient.builder().rpcUrl(URI.create(devnet.rpcUrl())).sessionStore(new InMemorySessionStore())
                .build();
        client.connect();
        try (HttpClient http = HttpClient.newHttpClient()) {
            for (String node : devnet.nodeUrls()) {
                String health = http.send(HttpRequest.newBuilder(URI.create(node + "/litj/health")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                assertEquals(true, health.contains("\"capacityMode\":\"allocation\""), health);
            }
        }

        assertThrows(RateLimitExceededException.class, () -> execute(session(List.of())));

        CapacityCredit credit = devnet.mintCapacityCredit(HOLDER.address(), 1000, Instant.now().plus(Duration.ofDays(1)));
        AuthSig delegation = client.createCapacityDelegationAuthSig(CapacityDelegationRequest.builder(HOLDER)
                .capacityTokenId(credit.tokenId()).delegatee(USER.address().toChecksumString()).uses(2).build());
        SessionSigs sigs = session(List.of(delegation));
        assertEquals("paid", execute(sigs));
        assertEquals("paid", execute(sigs));

        for (int i = 0; i < devnet.nodeUrls().size(); i++) {
            devnet.stopNode(i);
            devnet.restartNode(i);
        }

        LitClientException e = assertThrows(LitClientException.class, () -> execute(sigs));
        assertEquals("NodeCapacityDelegationUsedUp", e.nodeErrorCode().orElseThrow(), e.getMessage());
    }
}
