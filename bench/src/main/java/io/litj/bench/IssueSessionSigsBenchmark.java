package io.litj.bench;

import io.litj.protocol.auth.AuthSig;
import io.litj.protocol.auth.AuthSigs;
import io.litj.protocol.auth.LitSiweBuilder;
import io.litj.protocol.auth.SessionKeyPair;
import io.litj.protocol.auth.SessionSigIssuer;
import io.litj.protocol.auth.SessionSigs;
import io.litj.protocol.crypto.PrivateKeyEthSigner;
import io.litj.protocol.resource.LitAbility;
import io.litj.protocol.resource.LitResource;
import io.litj.protocol.resource.ResourceAbilityRequest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Issuing session sigs for 10 nodes with a cached wallet AuthSig (the work of {@code getSessionSigs} once the
 * wallet has signed): 10 payloads, 10 Ed25519 signatures. Target ≤ 2 ms.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class IssueSessionSigsBenchmark {
    private SessionSigIssuer issuer;
    private SessionKeyPair key;
    private List<ResourceAbilityRequest> requests;
    private List<AuthSig> capabilities;
    private List<String> nodes;
    private Instant expiration;

    @Setup
    public void setUp() {
        Clock clock = Clock.systemUTC();
        issuer = new SessionSigIssuer(clock);
        key = SessionKeyPair.generate(new SecureRandom());
        PrivateKeyEthSigner wallet = PrivateKeyEthSigner.fromHex(
                "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
        requests = List.of(ResourceAbilityRequest.of(LitResource.action("*"), LitAbility.LIT_ACTION_EXECUTION),
                ResourceAbilityRequest.of(LitResource.pkp("*"), LitAbility.PKP_SIGNING));
        AuthSig grant = AuthSigs.generate(wallet, LitSiweBuilder.create(wallet.address(), "0x" + "ab".repeat(32))
                .clock(clock).uri(key.uri()).expiration(clock.instant().plus(Duration.ofDays(1))).resources(requests)
                .build());
        capabilities = List.of(grant);
        nodes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            nodes.add(io.litj.protocol.chain.NodeUrl.of("127.0.0.1", 7470 + i));
        }
        expiration = clock.instant().plus(Duration.ofHours(20));
    }

    @Benchmark
    public SessionSigs issueFor10Nodes() {
        return issuer.issue(key, requests, capabilities, expiration, nodes);
    }
}
