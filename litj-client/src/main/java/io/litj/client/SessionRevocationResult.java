package io.litj.client;

import java.util.List;
import java.util.Objects;

/**
 * What {@link LitClient#revokeSession} did ({@code docs/revocation.md}): the revoked grants (their digests,
 * {@code 0x} + 64 hex), the session key, and which nodes accepted the revocation; nodes that did not are in
 * {@link #failures()} (they learn it from their peers, or when they start again).
 *
 * @param grants     the digest of each revoked grant
 * @param sessionKey the revoked session key (64 hex)
 * @param acceptedBy the URLs of the nodes that accepted it
 * @param failures   the nodes that refused it or did not answer
 */
public record SessionRevocationResult(List<String> grants, String sessionKey, List<String> acceptedBy,
                                      List<NodeFailure> failures) {
    public SessionRevocationResult {
        grants = List.copyOf(grants);
        Objects.requireNonNull(sessionKey, "sessionKey");
        acceptedBy = List.copyOf(acceptedBy);
        failures = List.copyOf(failures);
    }
}
