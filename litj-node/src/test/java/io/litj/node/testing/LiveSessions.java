package io.litj.node.testing;

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
import io.litj.protocol.testing.TestSessions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Session sigs for a running devnet, made like the JS SDK makes them: the test wallet signs a SIWE with a ReCap
 * delegating to the session key, and the session key signs one payload per node URL. Times come from the clock
 * the devnet's nodes judge by. Nodes do not check the SIWE nonce yet, so a fixed one is used.
 */
public final class LiveSessions {
    /** Any 0x + 64 hex works as nonce for now. */
    public static final String NONCE = "0x" + "cd".repeat(32);
    /** How long sessions made here last unless a test says otherwise. */
    public static final Duration LIFETIME = Duration.ofHours(1);

    private final Clock clock;
    private final PrivateKeyEthSigner wallet;
    private final SessionKeyPair key;

    public LiveSessions(Clock clock) {
        this(clock, TestSessions.WALLET, TestSessions.SESSION_KEY);
    }

    public LiveSessions(Clock clock, PrivateKeyEthSigner wallet, SessionKeyPair key) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.wallet = Objects.requireNonNull(wallet, "wallet");
        this.key = Objects.requireNonNull(key, "key");
    }

    /** Execution of {@code cid} ({@code "*"}: every action). */
    public static List<ResourceAbilityRequest> execution(String cid) {
        return List.of(ResourceAbilityRequest.of(LitResource.action(cid), LitAbility.LIT_ACTION_EXECUTION));
    }

    public PrivateKeyEthSigner wallet() {
        return wallet;
    }

    public SessionKeyPair key() {
        return key;
    }

    /** The wallet's SIWE granting {@code grants} to the session key until {@code expiration}. */
    public AuthSig grant(List<ResourceAbilityRequest> grants, Instant expiration) {
        return AuthSigs.generate(wallet, LitSiweBuilder.create(wallet.address(), NONCE).clock(clock)
                .uri(key.uri()).expiration(expiration).resources(grants).build());
    }

    /** Session sigs for {@code nodeUrls} allowing every Lit Action, for {@link #LIFETIME}. */
    public SessionSigs anyAction(List<String> nodeUrls) {
        return issue(execution("*"), execution("*"), LIFETIME, nodeUrls);
    }

    /**
     * Session sigs whose payload requests {@code requested} and whose capability (the wallet's SIWE) grants
     * {@code granted}, both expiring {@code lifetime} from now.
     */
    public SessionSigs issue(List<ResourceAbilityRequest> requested, List<ResourceAbilityRequest> granted,
                             Duration lifetime, List<String> nodeUrls) {
        Instant expiration = clock.instant().plus(lifetime);
        return new SessionSigIssuer(clock).issue(key, requested, List.of(grant(granted, expiration)), expiration,
                nodeUrls);
    }
}
