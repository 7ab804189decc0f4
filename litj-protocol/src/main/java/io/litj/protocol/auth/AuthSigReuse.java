package io.litj.protocol.auth;

import io.litj.protocol.IsoTime;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.auth.internal.CapabilityPipeline;
import io.litj.protocol.auth.internal.CapabilityState;
import io.litj.protocol.auth.internal.SessionState;
import io.litj.protocol.auth.internal.SignatureCache;
import io.litj.protocol.resource.ResourceAbilityRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The client's decision whether a cached session-granting AuthSig (wallet or network-signed) can be used again
 * or a new one must be signed — better than the JS SDK's {@code checkNeedToResignSessionKey}: it applies the very
 * checks a node will apply (same code as {@link SessionSigValidator}), requires the AuthSig to stay valid for a
 * safety margin ({@link SessionTimeRules#DEFAULT_REUSE_MARGIN} unless changed), requires its URI to be this
 * session key, and checks coverage of <b>every</b> requested resource against <b>every</b> ReCap in the message (the
 * JS SDK looks only at the first resource). A malformed cached AuthSig means "re-sign", never an exception.
 *
 * <p>Each check reads the SIWE once, whatever the number of requests, and its {@link Decision} carries the SIWE's
 * expiration so that callers need not read it again. Signatures that verified are remembered (a small LRU cache
 * per instance, shared with the instances {@link #withMargin} makes, which verify the same way): keep one instance
 * to profit from it across calls.
 *
 * <p>Immutable and thread-safe.
 */
public final class AuthSigReuse {
    private static final int CACHE_SIZE = 16;

    private final Clock clock;
    private final Duration margin;
    private final Optional<BlsCapabilityVerifier> bls;
    private final SignatureCache cache;
    private final CapabilityPipeline checks;

    private AuthSigReuse(Clock clock, Duration margin, Optional<BlsCapabilityVerifier> bls, SignatureCache cache) {
        this.clock = clock;
        this.margin = margin;
        this.bls = bls;
        this.cache = cache;
        this.checks = new CapabilityPipeline(bls, cache);
    }

    /** A re-use check with the default margin; {@code lit.bls} AuthSigs are re-signed unless a verifier is given. */
    public static AuthSigReuse of(Clock clock) {
        return new AuthSigReuse(Objects.requireNonNull(clock, "clock"), SessionTimeRules.DEFAULT_REUSE_MARGIN,
                Optional.empty(), new SignatureCache(CACHE_SIZE));
    }

    /**
     * The same check (same BLS verifier, same signature cache) with another safety margin.
     *
     * @throws LitProtocolException {@code InvalidArgument} for a margin outside {@code [0, 7 days]}
     */
    public AuthSigReuse withMargin(Duration margin) {
        SessionTimeRules.checkReuseMargin(Objects.requireNonNull(margin, "margin")).ifPresent(v -> {
            throw new LitProtocolException(v.code(), v.message());
        });
        return new AuthSigReuse(clock, margin, bls, cache);
    }

    /**
     * The same check, verifying {@code lit.bls} AuthSigs with {@code verifier} (the network key); it starts with an
     * empty signature cache, since what another verifier accepted proves nothing here.
     */
    public AuthSigReuse withBlsVerifier(BlsCapabilityVerifier verifier) {
        return new AuthSigReuse(clock, margin, Optional.of(Objects.requireNonNull(verifier, "verifier")),
                new SignatureCache(CACHE_SIZE));
    }

    /**
     * The outcome: re-use, or re-sign and why ({@code check} names the failed check, {@code SafetyMargin} when the
     * AuthSig expires too soon). {@code expiration} is the SIWE's Expiration Time once the time check read it
     * (empty when the SIWE did not parse, had none or has expired).
     */
    public record Decision(boolean reusable, String check, String reason, Optional<Instant> expiration) {
        public Decision {
            Objects.requireNonNull(check, "check");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(expiration, "expiration");
        }

        static Decision reuse(Instant expiration) {
            return new Decision(true, "", "valid and covers every request", Optional.of(expiration));
        }

        static Decision resign(String check, String reason, Optional<Instant> expiration) {
            return new Decision(false, check, reason, expiration);
        }
    }

    /**
     * Whether {@code cached} may grant a session for {@code sessionKey} and {@code requests} now.
     *
     * @throws LitProtocolException {@code InvalidArgument} when {@code requests} is empty
     */
    public Decision check(AuthSig cached, SessionKeyPair sessionKey, List<ResourceAbilityRequest> requests) {
        Objects.requireNonNull(cached, "cached");
        if (requests.isEmpty()) {
            throw new LitProtocolException(LitErrorCode.InvalidArgument, "a re-use check needs at least one request");
        }
        Instant now = clock.instant();
        String keyHex = sessionKey.publicKeyHex().toLowerCase(Locale.ROOT);
        List<SessionState> sessions = requests.stream()
                .map(r -> SessionState.forCapability(keyHex, r.resource(), r.ability(), now)).toList();
        CapabilityState capability = new CapabilityState(0, cached);
        Optional<CapabilityPipeline.NamedFailure> failure;
        try {
            failure = checks.runForRequests(capability, sessions);
        } catch (LitProtocolException e) {
            return Decision.resign("CapabilitySignatureCheck", e.getMessage(), expirationOf(capability));
        }
        if (failure.isPresent()) {
            return Decision.resign(failure.get().check(), failure.get().failure().message(),
                    expirationOf(capability));
        }
        Instant expiration = capability.expiration();
        if (SessionTimeRules.withinMargin(expiration, now, margin)) {
            return Decision.resign("SafetyMargin", "SIWE expires at " + IsoTime.format(expiration)
                    + ", within the re-use margin of " + margin.toSeconds() + " s", Optional.of(expiration));
        }
        return Decision.reuse(expiration);
    }

    private static Optional<Instant> expirationOf(CapabilityState capability) {
        return Optional.ofNullable(capability.expiration());
    }
}
