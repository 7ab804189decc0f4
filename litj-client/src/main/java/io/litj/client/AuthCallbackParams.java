package io.litj.client;

import io.litj.protocol.auth.LitSiweBuilder;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.resource.ResourceAbilityRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What an {@link AuthCallback} must sign: the session key URI ({@code lit:session:<pk>}), the nonce (the latest
 * block hash), the expiration, the requests to grant as ReCaps, and the statement and domain of the SIWE.
 *
 * <p>Immutable.
 */
public record AuthCallbackParams(String uri, String nonce, Instant expiration, List<ResourceAbilityRequest> requests,
                                 String statement, String domain) {
    public AuthCallbackParams {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(expiration, "expiration");
        requests = List.copyOf(requests);
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(domain, "domain");
    }

    /**
     * The SIWE builder of these parameters for {@code wallet} (issued-at from {@code clock}), as the JS SDK's
     * {@code createSiweMessageWithRecaps} builds it; sign its {@code render()} text.
     */
    public LitSiweBuilder toSiwe(EthAddress wallet, Clock clock) {
        return LitSiweBuilder.create(wallet, nonce).clock(clock).uri(uri).expiration(expiration).resources(requests)
                .statement(statement).domain(domain);
    }
}
