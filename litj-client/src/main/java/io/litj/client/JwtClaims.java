package io.litj.client;

import io.litj.protocol.acc.ConditionSet;
import java.time.Instant;
import java.util.Objects;

/**
 * The claims of a Lit signed token ({@code lit-node-behaviour.md} §1.6): issuer {@code LIT}, the user it was
 * issued to ({@code sub}), the chain and conditions the user met, and its window. Returned by {@link Jwt#verify}
 * only after the network's signature and the window checked out. Immutable.
 *
 * @param issuer {@code iss}, always {@code LIT}
 * @param subject {@code sub}: on a litj node the proven user address
 * @param chain {@code chain}
 * @param issuedAt {@code iat}
 * @param expiresAt {@code exp}
 * @param conditions the first present of the four condition fields
 */
public record JwtClaims(String issuer, String subject, String chain, Instant issuedAt, Instant expiresAt,
                        ConditionSet conditions) {
    public JwtClaims {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(conditions, "conditions");
    }
}
