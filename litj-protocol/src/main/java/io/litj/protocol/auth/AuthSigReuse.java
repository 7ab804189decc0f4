package io.litj.protocol.auth;

import io.litj.protocol.IsoTime;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.auth.internal.CapabilityPipeline;
import io.litj.protocol.auth.internal.CapabilityState;
import io.litj.protocol.auth.internal.SessionState;
import io.litj.protocol.auth.internal.SignatureCache;
import io.litj.protocol.resource.ResourceAbilityRequest;
import io.litj.protocol.siwe.SiweParser;
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
 * safety margin, requires its URI to be this session key, and checks coverage of <b>every</b> requested resource
 * against <b>every</b> ReCap in the message (the JS SDK looks only at the first resource). A malformed cached
 * AuthSig means "re-sign", never an exception.
 *
 * <p>Immutable and thread-safe.
 */
public final class AuthSigReuse {
    /** Default margin: the AuthSig must still be valid this long from now. */
    public static final Duration DEFAULT_MARGIN = Duration.ofMinutes(5);

    private final Clock clock;
    private final Duration margin;
    private final CapabilityPipeline checks;

    private AuthSigReuse(Clock clock, Duration margin, Optional<BlsCapabilityVerifier> bls) {
        this.clock = clock;
        this.margin = margin;
        this.checks = new CapabilityPipeline(bls, new SignatureCache(16));
    }

    /** A re-use check with the default margin; {@code lit.bls} AuthSigs are re-signed unless a verifier is given. */
    public static AuthSigReuse of(Clock clock) {
        return new AuthSigReuse(Objects.requireNonNull(clock, "clock"), DEFAULT_MARGIN, Optional.empty());
    }

    /** The same check with another safety margin (0 to 7 days). */
    public AuthSigReuse withMargin(Duration margin) {
        if (margin.isNegative() || margin.compareTo(Duration.ofDays(7)) > 0) {
            throw new LitProtocolException(LitErrorCode.InvalidArgument, "re-use margin must be in [0, 7 days]");
        }
        return new AuthSigReuse(clock, margin, Optional.empty());
    }

    /** The same check, verifying {@code lit.bls} AuthSigs under the network key. */
    public AuthSigReuse withBlsVerifier(BlsCapabilityVerifier verifier) {
        return new AuthSigReuse(clock, margin, Optional.of(verifier));
    }

    /** The outcome: re-use, or re-sign and why. */
    public record Decision(boolean reusable, String check, String reason) {
        static Decision reuse() {
            return new Decision(true, "", "valid and covers every request");
        }

        static Decision resign(String check, String reason) {
            return new Decision(false, check, reason);
        }
    }

    /**
     * Whether {@code cached} may grant a session for {@code sessionKey} and {@code requests} now.
     */
    public Decision check(AuthSig cached, SessionKeyPair sessionKey, List<ResourceAbilityRequest> requests) {
        Instant now = clock.instant();
        String keyHex = sessionKey.publicKeyHex().toLowerCase(Locale.ROOT);
        try {
            Optional<Instant> expiration = SiweParser.parse(cached.signedMessage()).expirationInstant();
            if (expiration.isPresent() && expiration.get().isBefore(now.plus(margin))) {
                return Decision.resign("SafetyMargin", "SIWE expires at " + IsoTime.format(expiration.get())
                        + ", within the re-use margin of " + margin.toSeconds() + " s");
            }
        } catch (LitProtocolException e) {
            return Decision.resign("SiweParseCheck", e.getMessage());
        }
        for (ResourceAbilityRequest request : requests) {
            SessionState session = SessionState.forCapability(keyHex, request.resource(), request.ability(), now);
            Optional<CapabilityPipeline.NamedFailure> failure;
            try {
                failure = checks.run(new CapabilityState(0, cached), session);
            } catch (LitProtocolException e) {
                return Decision.resign("CapabilitySignatureCheck", e.getMessage());
            }
            if (failure.isPresent()) {
                return Decision.resign(failure.get().check(), failure.get().failure().message());
            }
        }
        return Decision.reuse();
    }
}
