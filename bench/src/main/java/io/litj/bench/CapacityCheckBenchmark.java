package io.litj.bench;

import io.litj.devnet.registry.SqliteRegistryWriter;
import io.litj.node.ratelimit.CapacityGate;
import io.litj.node.ratelimit.CapacityLimits;
import io.litj.node.ratelimit.CapacityMode;
import io.litj.node.ratelimit.PaidRoute;
import io.litj.node.ratelimit.Payer;
import io.litj.node.registry.CapacityCredit;
import io.litj.node.registry.NetworkInfo;
import io.litj.node.registry.NodeEntry;
import io.litj.node.registry.SqliteRegistry;
import io.litj.protocol.auth.AuthContext;
import io.litj.protocol.auth.AuthSig;
import io.litj.protocol.auth.AuthSigs;
import io.litj.protocol.auth.CapacityDelegation;
import io.litj.protocol.auth.LitSiweBuilder;
import io.litj.protocol.auth.SessionKeyPair;
import io.litj.protocol.auth.SessionSigIssuer;
import io.litj.protocol.auth.SessionSigValidator;
import io.litj.protocol.crypto.PrivateKeyEthSigner;
import io.litj.protocol.resource.LitAbility;
import io.litj.protocol.resource.LitResource;
import io.litj.protocol.resource.ResourceAbilityRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The capacity-credit check a node runs per paid request ({@link CapacityGate#charge}), in allocation mode, with the
 * credits warm (read from a real SQLite registry once, then cached): {@code own} — the caller's own credit;
 * {@code delegated} — a delegation without {@code uses}; {@code delegatedUses} — a delegation with {@code uses}, so
 * every request also writes the durable uses ledger. The credits never run full (10^9 requests per kilosecond), so
 * every call is charged. Target ≤ 50 µs per request with credits warm.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CapacityCheckBenchmark {
    @Param({"own", "delegated", "delegatedUses"})
    public String payer;

    private Path dir;
    private SqliteRegistry registry;
    private CapacityGate gate;
    private Payer subject;

    @Setup
    public void setUp() throws Exception {
        Clock clock = Clock.systemUTC();
        dir = Files.createTempDirectory("litj-capacity-bench-");
        PrivateKeyEthSigner user = PrivateKeyEthSigner.fromHex(
                "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
        PrivateKeyEthSigner holder = PrivateKeyEthSigner.fromHex(
                "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");
        Path file = dir.resolve("registry.sqlite");
        String tokenId;
        try (SqliteRegistryWriter writer = SqliteRegistryWriter.create(file, new NetworkInfo(31337, 1, 1,
                "0x" + "00".repeat(20), clock.instant(), 86_400), List.of(new NodeEntry(0, "127.0.0.1", 7470,
                user.address().toChecksumString(), "00".repeat(32))))) {
            PrivateKeyEthSigner owner = payer.equals("own") ? user : holder;
            CapacityCredit credit = writer.mintCapacityCredit(owner.address(), 1_000_000_000L,
                    clock.instant().plus(Duration.ofDays(30)));
            tokenId = credit.tokenId();
        }
        registry = SqliteRegistry.open(file);
        gate = CapacityGate.open(CapacityLimits.of(CapacityMode.ALLOCATION), registry, dir.resolve("node"), clock);
        List<AuthSig> capabilities = new ArrayList<>();
        if (!payer.equals("own")) {
            CapacityDelegation d = new CapacityDelegation(Optional.of(tokenId),
                    Optional.of(List.of(user.address().toChecksumString())),
                    payer.equals("delegatedUses") ? Optional.of("1000000000000") : Optional.empty());
            capabilities.add(AuthSigs.generate(holder, LitSiweBuilder.create(holder.address(), "0x" + "ab".repeat(32))
                    .clock(clock).uri(CapacityDelegation.URI).expiration(clock.instant().plus(Duration.ofDays(7)))
                    .capacityDelegation(d).build()));
        }
        SessionKeyPair key = SessionKeyPair.generate(new SecureRandom());
        List<ResourceAbilityRequest> requests = List.of(ResourceAbilityRequest.of(LitResource.action("*"),
                LitAbility.LIT_ACTION_EXECUTION));
        capabilities.add(AuthSigs.generate(user, LitSiweBuilder.create(user.address(), "0x" + "ab".repeat(32))
                .clock(clock).uri(key.uri()).expiration(clock.instant().plus(Duration.ofDays(1))).resources(requests)
                .build()));
        AuthSig sessionSig = new SessionSigIssuer(clock).issue(key, requests, capabilities,
                List.of("http://127.0.0.1:7470")).forNode("http://127.0.0.1:7470").orElseThrow().toAuthSig();
        AuthContext auth = (AuthContext) SessionSigValidator.builder("127.0.0.1:7470").clock(clock).build()
                .validate(sessionSig, LitResource.action("*"), LitAbility.LIT_ACTION_EXECUTION);
        if (!payer.equals("own") && auth.capacityDelegations().size() != 1) {
            throw new IllegalStateException("the delegation did not verify: " + auth.refusedDelegations());
        }
        subject = Payer.of(auth);
        charge();
    }

    @Benchmark
    public Payer charge() {
        gate.charge(subject, PaidRoute.EXECUTE);
        return subject;
    }

    @TearDown
    public void tearDown() throws Exception {
        gate.close();
        registry.close();
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
