package io.litj.client;

import io.litj.protocol.auth.LitSiweBuilder;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.resource.ResourceAbilityRequest;
import io.litj.protocol.siwe.SiweMessage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * What an {@link AuthCallback} must sign: the session key URI ({@code lit:session:<pk>}), the nonce (the latest
 * block hash), the expiration, the requests to grant as ReCaps, the statement and domain of the SIWE, and the chain
 * (only passed on). As the seed documents' callbacks read them ({@code {chain, resources, expiration, uri}}):
 * {@link #chain()}, {@link #resources()} (the SIWE {@code Resources:} lines, i.e. the ReCap URN), {@link #expiration()}
 * and {@link #uri()}; a SIWE of those, with {@link #siweStatement()}, the nonce and the domain, is what
 * {@link #toSiwe} builds and what nodes accept.
 *
 * <p>Immutable.
 */
public record AuthCallbackParams(String uri, String nonce, Instant expiration, List<ResourceAbilityRequest> requests,
                                 String statement, String domain, String chain) {
    /** Any address: the ReCap and statement of a grant do not depend on who signs it. */
    private static final EthAddress ANYONE = EthAddress.parse("0x0000000000000000000000000000000000000001", "anyone");

    public AuthCallbackParams {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(expiration, "expiration");
        requests = List.copyOf(requests);
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(chain, "chain");
    }

    /** Parameters on the default chain ({@value SessionTerms#DEFAULT_CHAIN}). */
    public AuthCallbackParams(String uri, String nonce, Instant expiration, List<ResourceAbilityRequest> requests,
                              String statement, String domain) {
        this(uri, nonce, expiration, requests, statement, domain, SessionTerms.DEFAULT_CHAIN);
    }

    /** The SIWE {@code Resources:} the grant must carry: the ReCap URN granting {@link #requests()}. */
    public List<String> resources() {
        return sample().resources();
    }

    /** The whole SIWE statement the grant must carry: {@link #statement()} then the ReCap's own sentence. */
    public String siweStatement() {
        return sample().statement().orElse("");
    }

    private SiweMessage sample() {
        return toSiwe(ANYONE, Clock.fixed(expiration.minusSeconds(1), ZoneOffset.UTC)).build();
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
