package io.litj.client.testing;

import io.litj.client.LitClient;
import io.litj.client.SessionRequest;
import io.litj.client.SessionTerms;
import io.litj.protocol.auth.SessionSigs;
import io.litj.protocol.resource.LitAbility;
import io.litj.protocol.resource.LitResource;
import io.litj.protocol.resource.ResourceAbilityRequest;
import io.litj.protocol.testing.TestSessions;
import java.time.Clock;
import java.time.Duration;

/**
 * A {@link FakeLitNetwork} of three nodes and a {@link LitClient} connected to it through its chain view (5 s request
 * timeout), for tests of calls that carry session sigs. Close it after each test.
 */
public record ConnectedClient(FakeLitNetwork net, LitClient client) implements AutoCloseable {
    /** Starts the network and connects the client. */
    public static ConnectedClient start(Clock clock) {
        FakeLitNetwork net = FakeLitNetwork.start(3, clock);
        LitClient client = LitClient.builder().rpcUrl(net.rpcUrl()).clock(clock).requestTimeout(Duration.ofSeconds(5))
                .build();
        client.connect();
        return new ConnectedClient(net, client);
    }

    /** Session sigs of {@link TestSessions#WALLET} granting Lit Action execution on {@code *}. */
    public SessionSigs anyActionSession() {
        return client.getSessionSigs(SessionRequest.of(SessionTerms.of(ResourceAbilityRequest.of(
                LitResource.action("*"), LitAbility.LIT_ACTION_EXECUTION)), TestSessions.WALLET));
    }

    @Override
    public void close() {
        client.close();
        net.close();
    }
}
