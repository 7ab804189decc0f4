package io.litj.protocol.auth;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.auth.internal.CapabilitiesPresentCheck;
import io.litj.protocol.auth.internal.CapabilityParseCache;
import io.litj.protocol.auth.internal.CapabilityPipeline;
import io.litj.protocol.auth.internal.CapabilitySignatureCheck;
import io.litj.protocol.auth.internal.CapabilityState;
import io.litj.protocol.auth.internal.CheckFailure;
import io.litj.protocol.auth.internal.DelegationUriCheck;
import io.litj.protocol.auth.internal.NodeAddressCheck;
import io.litj.protocol.auth.internal.PayloadLimitsCheck;
import io.litj.protocol.auth.internal.PayloadParseCheck;
import io.litj.protocol.auth.internal.ResourceRequestedCheck;
import io.litj.protocol.auth.internal.SessionCheck;
import io.litj.protocol.auth.internal.SessionKeyBindingCheck;
import io.litj.protocol.auth.internal.SessionKeySignatureCheck;
import io.litj.protocol.auth.internal.SessionSigKindCheck;
import io.litj.protocol.auth.internal.SessionState;
import io.litj.protocol.auth.internal.SessionTimeCheck;
import io.litj.protocol.auth.internal.SignatureCache;
import io.litj.protocol.crypto.Bytes;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.recap.Recap;
import io.litj.protocol.resource.LitAbility;
import io.litj.protocol.resource.LitResource;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Node-side validation of one session sig for one request ({@code lit-node-behaviour.md} §2), as a fixed list of
 * named checks. The outer checks run in this order; the first failure denies:
 * <ol>
 *   <li>{@code SessionSigKindCheck} — derivedVia/algo of a session sig (§2.1)</li>
 *   <li>{@code PayloadLimitsCheck} — at most 8 capabilities and 16 resourceAbilityRequests, no repeats, counted on
 *   the raw text before any signature work (litj)</li>
 *   <li>{@code SessionKeySignatureCheck} — strict Ed25519 over the exact signed bytes (§2.2 step 1)</li>
 *   <li>{@code PayloadParseCheck} — the payload JSON (step 2)</li>
 *   <li>{@code SessionKeyBindingCheck} — payload sessionKey = signing key (litj)</li>
 *   <li>{@code ResourceRequestedCheck} — the resource is listed (step 3)</li>
 *   <li>{@code SessionTimeCheck} — the {@link SessionTimeRules} window: skew, lifetime cap (step 4)</li>
 *   <li>{@code NodeAddressCheck} — addressed to this node (step 5)</li>
 *   <li>{@code CapabilitiesPresentCheck} — at least one capability (step 6)</li>
 * </ol>
 * Then each capability in order, until one passes all of: {@code CapabilityKindCheck}, {@code SiweParseCheck},
 * {@code SiweTimeCheck}, {@code SiweWindowCheck}, {@code SiweUriCheck}, {@code RecapDecodeCheck},
 * {@code RecapStatementCheck}, {@code RecapCoverageCheck}, {@code CapabilitySignatureCheck} (§2.3–2.4; the
 * signature is checked last of these because it is the costly check — the verdict does not depend on the order),
 * then litj's {@code RevocationCheck} ({@link Builder#revocations}). If none passes: {@code NodeSessionRevoked}
 * when a capability failed only for being revoked (the message names the revocation), else the code of a contract
 * wallet's (EIP-1271) signature refusal if one capability failed only for that
 * ({@link CapabilitySignatureCheck#CONTRACT_CODES}), else {@code NodeResourceIdNotFound}, each with one
 * {@link CapabilityFailure} per capability. When one passes, every
 * other capability whose SIWE declares the URI {@value CapacityDelegation#URI} is judged as a capacity delegation
 * ({@code CapabilityKindCheck}, {@code SiweParseCheck}, {@code SiweTimeCheck}, {@code SiweWindowCheck},
 * {@code DelegationUriCheck}, {@code RecapDecodeCheck}, {@code RecapStatementCheck}, {@code DelegationGrantCheck},
 * {@code CapabilitySignatureCheck}); the outcome is in {@link AuthContext#capacityDelegations()} and
 * {@link AuthContext#refusedDelegations()} and never denies the request here: what a delegation is worth is the
 * rate limiter's question.
 *
 * <p>Immutable and thread-safe. Time comes from the injected clock; the skew and lifetime cap are fixed
 * ({@link SessionTimeRules}). Security: the caller identity in {@link AuthContext} is the proven address, never an
 * unsigned field.
 */
public final class SessionSigValidator {
    /** Capabilities whose parse results are kept (per kind), and the longest text kept. */
    private static final int PARSE_CACHE_SIZE = 256;
    private static final int PARSE_CACHE_TEXT_CHARS = 16 * 1024;

    private final List<SessionCheck> sessionChecks;
    private final CapabilityPipeline capabilityChecks;
    private final CapabilityPipeline delegationChecks;
    private final CapabilityParseCache parses;
    private final Clock clock;

    private SessionSigValidator(Builder b) {
        this.clock = b.clock;
        this.sessionChecks = List.of(
                new SessionSigKindCheck(),
                new PayloadLimitsCheck(),
                new SessionKeySignatureCheck(new SignatureCache(b.cacheSize)),
                new PayloadParseCheck(),
                new SessionKeyBindingCheck(),
                new ResourceRequestedCheck(),
                new SessionTimeCheck(),
                new NodeAddressCheck(b.nodeAddress),
                new CapabilitiesPresentCheck());
        SignatureCache signatures = new SignatureCache(b.cacheSize);
        this.parses = new CapabilityParseCache(Math.min(b.cacheSize, PARSE_CACHE_SIZE), PARSE_CACHE_TEXT_CHARS);
        this.capabilityChecks = new CapabilityPipeline(Optional.ofNullable(b.blsVerifier),
                Optional.ofNullable(b.contractVerifier), signatures, parses).withRevocations(b.revocations, parses);
        this.delegationChecks = CapabilityPipeline.forDelegations(Optional.ofNullable(b.blsVerifier),
                Optional.ofNullable(b.contractVerifier), signatures, parses);
    }

    /**
     * A builder for a node whose address is {@code nodeAddress} ({@code host:port} as clients write it in
     * {@code nodeAddress}, e.g. {@code 127.0.0.1:7470}; a URL is normalized).
     */
    public static Builder builder(String nodeAddress) {
        return new Builder(nodeAddress);
    }

    /** The names of the outer checks, in order. */
    public List<String> sessionCheckNames() {
        return sessionChecks.stream().map(SessionCheck::name).toList();
    }

    /** The names of the per-capability checks, in order. */
    public List<String> capabilityCheckNames() {
        return capabilityChecks.names();
    }

    /**
     * Validates {@code sessionSig} for a request that needs {@code ability} on {@code resource}. Bad input is never
     * thrown but denied; a {@code lit.bls} capability that cannot be checked for want of a network key (no
     * {@link BlsCapabilityVerifier}, or one without a root key yet) is refused with {@code NodeBLSRootKeyNotFound}
     * in its {@link CapabilityFailure}, and the other capabilities are still tried.
     */
    public ValidationResult validate(AuthSig sessionSig, LitResource resource, LitAbility ability) {
        Objects.requireNonNull(sessionSig, "sessionSig");
        SessionState state = new SessionState(sessionSig, resource, ability, clock.instant());
        for (SessionCheck check : sessionChecks) {
            Optional<CheckFailure> failure = check.check(state);
            if (failure.isPresent()) {
                return new AuthDenied(failure.get().code(), check.name(), failure.get().message(), List.of());
            }
        }
        List<CapabilityFailure> failures = new ArrayList<>();
        List<AuthSig> capabilities = state.payload().capabilities();
        for (int i = 0; i < capabilities.size(); i++) {
            CapabilityState cap = new CapabilityState(i, capabilities.get(i));
            Optional<CapabilityFailure> failure = runCapabilityChecks(cap, state);
            if (failure.isEmpty()) {
                return authorized(state, cap, delegations(state, i));
            }
            failures.add(failure.get());
        }
        Optional<CapabilityFailure> revoked = failures.stream()
                .filter(f -> f.code() == LitErrorCode.NodeSessionRevoked).findFirst();
        if (revoked.isPresent()) {
            return new AuthDenied(LitErrorCode.NodeSessionRevoked, revoked.get().check(), revoked.get().message(),
                    failures);
        }
        Optional<CapabilityFailure> contract = failures.stream()
                .filter(f -> CapabilitySignatureCheck.CONTRACT_CODES.contains(f.code())).findFirst();
        if (contract.isPresent()) {
            return new AuthDenied(contract.get().code(), contract.get().check(), contract.get().message(), failures);
        }
        return new AuthDenied(LitErrorCode.NodeResourceIdNotFound, "CapabilityChecks",
                "no capability authorizes " + ability.value() + " on " + resource.key(), failures);
    }

    private Optional<CapabilityFailure> runCapabilityChecks(CapabilityState cap, SessionState state) {
        return capabilityChecks.run(cap, state).map(f -> new CapabilityFailure(cap.index(), f.check(),
                f.failure().code(), f.failure().message()));
    }

    /**
     * The other capabilities that declare the delegation URI, each judged by the delegation checks (the same checks
     * and caches as a session capability; {@code lit-node-behaviour.md} §5): verified ones and refused ones.
     */
    private Delegations delegations(SessionState state, int authorizing) {
        List<CapacityDelegationProof> verified = new ArrayList<>();
        List<CapabilityFailure> refused = new ArrayList<>();
        List<AuthSig> capabilities = state.payload().capabilities();
        for (int j = 0; j < capabilities.size(); j++) {
            AuthSig capability = capabilities.get(j);
            if (j == authorizing || !DelegationUriCheck.looksLikeDelegation(capability.signedMessage())) {
                continue;
            }
            CapabilityState cap = new CapabilityState(j, capability);
            Optional<CapabilityPipeline.NamedFailure> failure = delegationChecks.run(cap, state);
            if (failure.isPresent()) {
                refused.add(new CapabilityFailure(j, failure.get().check(), failure.get().failure().code(),
                        failure.get().failure().message()));
            } else {
                verified.add(new CapacityDelegationProof(j, cap.proven(),
                        Bytes.of(parses.eip191Digest(capability.signedMessage())), cap.expiration(), cap.grants()));
            }
        }
        return new Delegations(verified, refused);
    }

    private record Delegations(List<CapacityDelegationProof> verified, List<CapabilityFailure> refused) {
    }

    private static AuthContext authorized(SessionState state, CapabilityState cap, Delegations delegations) {
        Instant expiresAt = cap.expiration().isBefore(state.expiration()) ? cap.expiration() : state.expiration();
        Optional<JsonValue.JsonObject> resolved = Optional.empty();
        if (cap.capability().type() == AuthSigType.BLS_NETWORK_SIG) {
            resolved = resolvedAuthContext(cap.recaps());
        }
        return new AuthContext(cap.proven(), cap.index(), cap.capability().type(), state.sessionKeyHex(),
                state.payload(), state.resource(), state.ability(), expiresAt, resolved, delegations.verified(),
                delegations.refused());
    }

    /** The last {@code auth_context} granted under {@code lit-resolvedauthcontext://*} {@code Auth/Auth}. */
    private static Optional<JsonValue.JsonObject> resolvedAuthContext(List<Recap> recaps) {
        Optional<JsonValue.JsonObject> found = Optional.empty();
        String key = LitResource.resolvedAuthContext().key();
        for (Recap recap : recaps) {
            for (JsonValue.JsonObject nb : recap.abilitiesOn(key).map(a -> a.getOrDefault("Auth/Auth", List.of()))
                    .orElse(List.of())) {
                Optional<JsonValue> ctx = nb.get("auth_context");
                if (ctx.isPresent() && ctx.get() instanceof JsonValue.JsonObject o) {
                    found = Optional.of(o);
                }
            }
        }
        return found;
    }

    /** Configures a {@link SessionSigValidator}. Defaults are strict. */
    public static final class Builder {
        private final String nodeAddress;
        private Clock clock = Clock.systemUTC();
        private BlsCapabilityVerifier blsVerifier;
        private ContractSignatureVerifier contractVerifier;
        private int cacheSize = 4096;
        private RevocationList revocations = RevocationList.NONE;

        private Builder(String nodeAddress) {
            this.nodeAddress = Objects.requireNonNull(nodeAddress, "nodeAddress");
        }

        /** The clock to judge times by (default: system UTC). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The revocations to refuse ({@code docs/revocation.md}; default {@link RevocationList#NONE}): a capability
         * that passes every other check but whose grant is revoked for the session key is refused with
         * {@code NodeSessionRevoked}.
         */
        public Builder revocations(RevocationList revocations) {
            this.revocations = Objects.requireNonNull(revocations, "revocations");
            return this;
        }

        /** Verifies {@code lit.bls} capabilities against the network key. */
        public Builder blsVerifier(BlsCapabilityVerifier verifier) {
            this.blsVerifier = Objects.requireNonNull(verifier, "verifier");
            return this;
        }

        /**
         * Verifies EIP-1271 (contract wallet) capabilities on the node's EVM chain; without one they are refused with
         * {@code NodeEip1271NeedsEvmChain}.
         */
        public Builder contractSignatures(ContractSignatureVerifier verifier) {
            this.contractVerifier = Objects.requireNonNull(verifier, "verifier");
            return this;
        }

        /**
         * How many capability signatures to remember, verified ones and failed ones each, and how many verified
         * session-key signatures (default 4096; 0 disables; at most 1,000,000). The parse results of the last 256
         * capabilities (SIWE, ReCaps, EIP-191 digest) are kept as well, unless this is 0.
         */
        public Builder signatureCacheSize(int size) {
            if (size < 0 || size > 1_000_000) {
                throw new LitProtocolException(LitErrorCode.InvalidArgument,
                        "signature cache size must be in [0, 1000000] but is " + size);
            }
            this.cacheSize = size;
            return this;
        }

        public SessionSigValidator build() {
            return new SessionSigValidator(this);
        }
    }

}
