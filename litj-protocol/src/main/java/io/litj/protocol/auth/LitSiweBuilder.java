package io.litj.protocol.auth;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.recap.Recap;
import io.litj.protocol.recap.SiweRecaps;
import io.litj.protocol.resource.ResourceAbilityRequest;
import io.litj.protocol.siwe.SiweMessage;
import io.litj.protocol.siwe.SiweRenderer;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds the SIWE messages of the Lit JS SDK helpers {@code createSiweMessage},
 * {@code createSiweMessageWithRecaps} and the capacity-delegation form, with their defaults
 * ({@code js-sdk-v7-wire-format.md} §3.2): domain {@code localhost}, the test statement, URI
 * {@code https://localhost/login}, chain id 1, expiration 7 days after now
 * ({@link SessionTimeRules#DEFAULT_SIWE_LIFETIME}), issued-at now.
 *
 * <p>Each resource-ability request becomes its own ReCap that is merged into the message, so the result carries
 * one ReCap URN and the statement {@code "<statement> I further authorize … (1) … (2) …."} — byte-identical to
 * the JS SDK for the same inputs and clock.
 */
public final class LitSiweBuilder {
    /** The JS SDK's default statement (note the two spaces). */
    public static final String DEFAULT_STATEMENT = "This is a test statement.  You can put anything you want here.";
    public static final String DEFAULT_DOMAIN = "localhost";
    public static final String DEFAULT_URI = "https://localhost/login";

    private final EthAddress wallet;
    private final String nonce;
    private Clock clock = Clock.systemUTC();
    private String domain = DEFAULT_DOMAIN;
    private String statement = DEFAULT_STATEMENT;
    private String uri = DEFAULT_URI;
    private long chainId = 1;
    private Instant expiration;
    private Instant issuedAt;
    private List<ResourceAbilityRequest> resources = List.of();

    private LitSiweBuilder(EthAddress wallet, String nonce) {
        this.wallet = Objects.requireNonNull(wallet, "wallet");
        this.nonce = Objects.requireNonNull(nonce, "nonce");
    }

    /** A builder for {@code wallet}'s message with {@code nonce} (in session flows: the latest block hash). */
    public static LitSiweBuilder create(EthAddress wallet, String nonce) {
        return new LitSiweBuilder(wallet, nonce);
    }

    public LitSiweBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    public LitSiweBuilder domain(String domain) {
        this.domain = Objects.requireNonNull(domain, "domain");
        return this;
    }

    /** The statement; the empty string is kept (and then the ReCap sentence follows a space, as in JS). */
    public LitSiweBuilder statement(String statement) {
        this.statement = Objects.requireNonNull(statement, "statement");
        return this;
    }

    /** The delegatee URI, e.g. {@code lit:session:<pk>} or {@code lit:capability:delegation}. */
    public LitSiweBuilder uri(String uri) {
        this.uri = Objects.requireNonNull(uri, "uri");
        return this;
    }

    public LitSiweBuilder chainId(long chainId) {
        this.chainId = chainId;
        return this;
    }

    /** Expiration Time; default now + 7 days. */
    public LitSiweBuilder expiration(Instant expiration) {
        this.expiration = Objects.requireNonNull(expiration, "expiration");
        return this;
    }

    /** Issued At; default now. */
    public LitSiweBuilder issuedAt(Instant issuedAt) {
        this.issuedAt = Objects.requireNonNull(issuedAt, "issuedAt");
        return this;
    }

    /** The resource-ability requests to grant through ReCaps (each pairing must be valid). */
    public LitSiweBuilder resources(List<ResourceAbilityRequest> resources) {
        this.resources = List.copyOf(resources);
        return this;
    }

    /** Replaces the resources with one capacity-delegation grant (the JS capacity-delegation form). */
    public LitSiweBuilder capacityDelegation(CapacityDelegation delegation) {
        this.resources = List.of(delegation.toRequest());
        return this;
    }

    public SiweMessage build() {
        Instant now = clock.instant();
        SiweRecaps.StatementAndResources body = new SiweRecaps.StatementAndResources(Optional.of(statement),
                List.of());
        for (ResourceAbilityRequest request : resources) {
            request.requireValidPair();
            JsonValue.JsonObject restriction = request.data().orElse(JsonValue.JsonObject.empty());
            Recap recap = Recap.empty().withAttenuation(request.resource().key(),
                    request.ability().recapNamespace(), request.ability().recapName(), restriction);
            body = SiweRecaps.add(body.statement(), body.resources(), recap);
        }
        try {
            return SiweMessage.builder().domain(domain).address(wallet.toChecksumString())
                    .statement(body.statement().orElse(null)).uri(uri).chainId(chainId).nonce(nonce)
                    .issuedAt(issuedAt != null ? issuedAt : now)
                    .expirationTime(expiration != null ? expiration : now.plus(SessionTimeRules.DEFAULT_SIWE_LIFETIME))
                    .resources(body.resources()).build();
        } catch (LitProtocolException e) {
            throw new LitProtocolException(LitErrorCode.InvalidArgument, e.getMessage(), e);
        }
    }

    /** The rendered message text, ready to sign. */
    public String render() {
        return SiweRenderer.render(build());
    }
}
