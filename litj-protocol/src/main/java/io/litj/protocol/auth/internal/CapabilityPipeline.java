package io.litj.protocol.auth.internal;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.auth.BlsCapabilityVerifier;
import io.litj.protocol.auth.ContractSignatureVerifier;
import io.litj.protocol.auth.RevocationList;
import java.util.List;
import java.util.Optional;

/**
 * The per-capability checks in their fixed order (see {@code SessionSigValidator}), shared by the node's validator
 * and the client's re-use decision so that both judge a capability by the same rules.
 *
 * <p>A check that cannot verify its capability because there is no network key (no {@link BlsCapabilityVerifier},
 * or one that has no root key yet: {@code NodeBLSRootKeyNotFound}) refuses that capability with that code; the
 * other capabilities are still tried, and no exception leaves the pipeline for it.
 */
public final class CapabilityPipeline {
    private final List<CapabilityCheck> checks;

    /** Without a parse cache and without a chain: every capability is parsed on every run; no EIP-1271. */
    public CapabilityPipeline(Optional<BlsCapabilityVerifier> bls, SignatureCache cache) {
        this(bls, Optional.empty(), cache, CapabilityParseCache.NONE);
    }

    public CapabilityPipeline(Optional<BlsCapabilityVerifier> bls, Optional<ContractSignatureVerifier> contracts,
            SignatureCache cache, CapabilityParseCache parses) {
        this(List.of(
                new CapabilityKindCheck(),
                new SiweParseCheck(parses),
                new SiweTimeCheck(),
                new SiweWindowCheck(),
                new SiweUriCheck(),
                new RecapDecodeCheck(parses),
                new RecapStatementCheck(),
                new RecapCoverageCheck(),
                new CapabilitySignatureCheck(bls.map(v -> new FailureCachingBlsVerifier(v, cache)), contracts, cache,
                        parses)));
    }

    private CapabilityPipeline(List<CapabilityCheck> checks) {
        this.checks = checks;
    }

    /**
     * The checks of a capacity delegation ({@code lit-node-behaviour.md} §5, §10.11): those of a session capability,
     * with {@link DelegationUriCheck} for {@code SiweUriCheck} and {@link DelegationGrantCheck} for
     * {@code RecapCoverageCheck}; the same caches, so a delegation sent with every request is parsed and verified
     * once.
     */
    public static CapabilityPipeline forDelegations(Optional<BlsCapabilityVerifier> bls,
            Optional<ContractSignatureVerifier> contracts, SignatureCache cache, CapabilityParseCache parses) {
        return new CapabilityPipeline(List.of(
                new CapabilityKindCheck(),
                new SiweParseCheck(parses),
                new SiweTimeCheck(),
                new SiweWindowCheck(),
                new DelegationUriCheck(),
                new RecapDecodeCheck(parses),
                new RecapStatementCheck(),
                new DelegationGrantCheck(),
                new CapabilitySignatureCheck(bls.map(v -> new FailureCachingBlsVerifier(v, cache)), contracts, cache,
                        parses)));
    }

    /**
     * This pipeline with {@link RevocationCheck} after its last check (the node's validator: a revoked grant is
     * refused only once it would otherwise have authorized the request).
     */
    public CapabilityPipeline withRevocations(RevocationList revocations, CapabilityParseCache parses) {
        List<CapabilityCheck> all = new java.util.ArrayList<>(checks);
        all.add(new RevocationCheck(revocations, parses));
        return new CapabilityPipeline(List.copyOf(all));
    }

    /** The names of the checks, in order. */
    public List<String> names() {
        return checks.stream().map(CapabilityCheck::name).toList();
    }

    /** Runs every check in order; the first failure, with the failing check's name. */
    public Optional<NamedFailure> run(CapabilityState capability, SessionState session) {
        for (CapabilityCheck check : checks) {
            Optional<CheckFailure> failure = runOne(check, capability, session);
            if (failure.isPresent()) {
                return Optional.of(new NamedFailure(check.name(), failure.get()));
            }
        }
        return Optional.empty();
    }

    /**
     * Runs every check in order for one capability judged against several requests of one session (same key, same
     * time): the coverage check, the only one that reads the requested resource and ability, runs once per request;
     * every other check runs once, with the first request. The first failure, with the failing check's name.
     *
     * @param sessions at least one
     */
    public Optional<NamedFailure> runForRequests(CapabilityState capability, List<SessionState> sessions) {
        if (sessions.isEmpty()) {
            throw new IllegalArgumentException("at least one request is needed");
        }
        for (CapabilityCheck check : checks) {
            List<SessionState> targets = check instanceof RecapCoverageCheck ? sessions : sessions.subList(0, 1);
            for (SessionState session : targets) {
                Optional<CheckFailure> failure = runOne(check, capability, session);
                if (failure.isPresent()) {
                    return Optional.of(new NamedFailure(check.name(), failure.get()));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<CheckFailure> runOne(CapabilityCheck check, CapabilityState capability,
                                                 SessionState session) {
        try {
            return check.check(capability, session);
        } catch (LitProtocolException e) {
            if (e.code() != LitErrorCode.NodeBLSRootKeyNotFound) {
                throw e;
            }
            return CheckFailure.fail(e.code(), e.getMessage());
        }
    }

    /** A failure and the name of the check that raised it. */
    public record NamedFailure(String check, CheckFailure failure) {
    }
}
