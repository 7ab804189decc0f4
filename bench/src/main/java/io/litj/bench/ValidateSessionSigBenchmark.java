package io.litj.bench;

import io.litj.protocol.auth.AuthSig;
import io.litj.protocol.auth.AuthSigs;
import io.litj.protocol.auth.LitSiweBuilder;
import io.litj.protocol.auth.SessionKeyPair;
import io.litj.protocol.auth.SessionSigIssuer;
import io.litj.protocol.auth.SessionSigValidator;
import io.litj.protocol.auth.ValidationResult;
import io.litj.protocol.crypto.PrivateKeyEthSigner;
import io.litj.protocol.resource.LitAbility;
import io.litj.protocol.resource.LitResource;
import io.litj.protocol.resource.ResourceAbilityRequest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Validating one session sig whose capability is a wallet (EOA) AuthSig, as a node does for every request: strict
 * Ed25519, payload parse, time and node checks, SIWE parse, ReCap decode and coverage, EIP-191 recovery.
 * {@code cache=0}: every recovery done (cold); {@code cache=4096}: the default, where the wallet AuthSig repeated
 * in every request of a session is recovered once. Target ≥ 3,000/s on one core.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ValidateSessionSigBenchmark {
    @Param({"0", "4096"})
    public int cache;

    private SessionSigValidator validator;
    private AuthSig sessionSig;
    private LitResource resource;

    @Setup
    public void setUp() {
        Clock clock = Clock.systemUTC();
        SessionKeyPair key = SessionKeyPair.generate(new SecureRandom());
        PrivateKeyEthSigner wallet = PrivateKeyEthSigner.fromHex(
                "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
        List<ResourceAbilityRequest> requests = List.of(
                ResourceAbilityRequest.of(LitResource.action("*"), LitAbility.LIT_ACTION_EXECUTION),
                ResourceAbilityRequest.of(LitResource.pkp("*"), LitAbility.PKP_SIGNING));
        AuthSig grant = AuthSigs.generate(wallet, LitSiweBuilder.create(wallet.address(), "0x" + "ab".repeat(32))
                .clock(clock).uri(key.uri()).expiration(clock.instant().plus(Duration.ofDays(1))).resources(requests)
                .build());
        sessionSig = new SessionSigIssuer(clock).issue(key, requests, List.of(grant), List.of("http://127.0.0.1:7470"))
                .forNode("http://127.0.0.1:7470").orElseThrow().toAuthSig();
        validator = SessionSigValidator.builder("127.0.0.1:7470").clock(clock).signatureCacheSize(cache).build();
        resource = LitResource.action("QmWBC8aLLeMpH9SD3tNuVT6jLbYmFLm6uVdxXkK7MQ8tp4");
        if (!(validate() instanceof io.litj.protocol.auth.AuthContext)) {
            throw new IllegalStateException("benchmark session sig does not validate");
        }
    }

    @Benchmark
    public ValidationResult validate() {
        return validator.validate(sessionSig, resource, LitAbility.LIT_ACTION_EXECUTION);
    }
}
