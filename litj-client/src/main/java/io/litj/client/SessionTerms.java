package io.litj.client;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.auth.AuthSig;
import io.litj.protocol.resource.LegacyResources;
import io.litj.protocol.resource.ResourceAbilityRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a session grants, whoever grants it: the resource-ability requests, and optionally the expiration, extra
 * capability AuthSigs (e.g. capacity delegations, placed before the grant in every session sig) and the SIWE's
 * domain and statement. The same terms serve a wallet session ({@link SessionRequest}) and a PKP session
 * ({@link PkpSessionRequest}).
 *
 * <pre>{@code
 * SessionTerms anyAction = SessionTerms.of(
 *         ResourceAbilityRequest.of(LitResource.action("*"), LitAbility.LIT_ACTION_EXECUTION));
 * SessionTerms twoHours = anyAction.toBuilder().expiration(now.plus(Duration.ofHours(2))).build();
 * }</pre>
 *
 * <p>Immutable and thread-safe; built by {@link #builder()} or {@link #of}. Checked when built: each ability valid on its resource and the resource one a user may request; a non-empty domain. The
 * expiration is checked when the session is made (after now, at most 30 days ahead: nodes refuse longer sessions),
 * as is each capability AuthSig (a SIWE that has not expired).
 *
 * <p>Defaults: no requests means every ability on every resource ({@code <prefix>://*}, as the seed documents
 * say; {@link #usesDefaultResources()}); chain {@value #DEFAULT_CHAIN}; expiration 24 h after now, limited by a re-used grant's; no capability AuthSigs; the domain and
 * statement of the session kind, as the JS SDK writes them (see {@link SessionRequest} and
 * {@link PkpSessionRequest}). {@link #toString()} shows resources, expiration and the number of capability
 * AuthSigs only.
 */
public final class SessionTerms {
    private final List<ResourceAbilityRequest> requests;
    private final Optional<Instant> expiration;
    private final List<AuthSig> capabilityAuthSigs;
    private final Optional<String> domain;
    private final Optional<String> statement;
    private final String chain;
    private final boolean defaultResources;

    /** The chain handed to auth callbacks when the terms name none (the JS SDK's and the seeds' default). */
    public static final String DEFAULT_CHAIN = "ethereum";

    private SessionTerms(Builder b) {
        this.defaultResources = b.requests.isEmpty();
        this.requests = defaultResources ? ResourceAbilityRequest.everyResourceWildcard() : List.copyOf(b.requests);
        this.chain = b.chain;
        this.expiration = Optional.ofNullable(b.expiration);
        this.capabilityAuthSigs = b.capabilityAuthSigs;
        this.domain = Optional.ofNullable(b.domain);
        this.statement = Optional.ofNullable(b.statement);
    }

    /** Terms granting {@code requests}, with every default. */
    public static SessionTerms of(ResourceAbilityRequest... requests) {
        return of(List.of(requests));
    }

    /** Terms granting {@code requests}, with every default. */
    public static SessionTerms of(List<ResourceAbilityRequest> requests) {
        return builder().resourceAbilityRequests(requests).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these terms, to make a variant. */
    public Builder toBuilder() {
        Builder b = new Builder().resourceAbilityRequests(defaultResources ? List.of() : requests)
                .capabilityAuthSigs(capabilityAuthSigs).chain(chain);
        expiration.ifPresent(b::expiration);
        domain.ifPresent(b::domain);
        statement.ifPresent(b::statement);
        return b;
    }

    /** The requests, as given, or {@link ResourceAbilityRequest#everyResourceWildcard()} when none were. */
    public List<ResourceAbilityRequest> resourceAbilityRequests() {
        return requests;
    }

    /**
     * True when no request was given, so the terms grant the seeds' default: every ability on every resource
     * ({@code <prefix>://*}). Callers that show the session to a person should say so loudly.
     */
    public boolean usesDefaultResources() {
        return defaultResources;
    }

    /** The chain passed to auth callbacks ({@value #DEFAULT_CHAIN} unless set); nothing else reads it. */
    public String chain() {
        return chain;
    }

    /** The requested expiration; empty means the default (24 h after now, limited by a re-used grant). */
    public Optional<Instant> expiration() {
        return expiration;
    }

    /** AuthSigs placed before the grant in every session sig's capabilities. */
    public List<AuthSig> capabilityAuthSigs() {
        return capabilityAuthSigs;
    }

    /** The SIWE domain; empty means the session kind's default. */
    public Optional<String> domain() {
        return domain;
    }

    /** The SIWE statement (before the ReCap sentence); empty means the session kind's default. */
    public Optional<String> statement() {
        return statement;
    }

    @Override
    public String toString() {
        return "SessionTerms[resources=" + requests + " expiration="
                + expiration.map(Instant::toString).orElse("default") + " capabilityAuthSigs="
                + capabilityAuthSigs.size() + "]";
    }

    /** Builds {@link SessionTerms}; not thread-safe. */
    public static final class Builder {
        private final List<ResourceAbilityRequest> requests = new ArrayList<>();
        private Instant expiration;
        private List<AuthSig> capabilityAuthSigs = List.of();
        private String domain;
        private String statement;
        private String chain = DEFAULT_CHAIN;

        private Builder() {
        }

        /** The chain name an {@link AuthCallback} receives (default {@value SessionTerms#DEFAULT_CHAIN}). */
        public Builder chain(String chain) {
            if (Objects.requireNonNull(chain, "chain").isBlank()) {
                throw invalid("chain must not be blank");
            }
            this.chain = chain;
            return this;
        }

        /** Replaces the requests. */
        public Builder resourceAbilityRequests(List<ResourceAbilityRequest> requests) {
            this.requests.clear();
            requests.forEach(this::resourceAbilityRequest);
            return this;
        }

        /** Adds one request. */
        public Builder resourceAbilityRequest(ResourceAbilityRequest request) {
            this.requests.add(Objects.requireNonNull(request, "request"));
            return this;
        }

        /**
         * Adds one request written as a legacy (JS SDK v2) resource string, e.g. {@code litAction://*},
         * {@code litRLICapability://*} or {@code litPKP://<token id>}, mapped as {@link LegacyResources} says.
         *
         * @throws LitClientException {@code InvalidArgument} for a string in no legacy scheme, or without an id
         */
        public Builder legacyResource(String legacy) {
            try {
                return resourceAbilityRequest(LegacyResources.map(Objects.requireNonNull(legacy, "legacy")));
            } catch (LitProtocolException e) {
                throw LitClientException.from(e);
            }
        }

        /** When the session sigs expire (after now, at most 30 days ahead). */
        public Builder expiration(Instant expiration) {
            this.expiration = Objects.requireNonNull(expiration, "expiration");
            return this;
        }

        /** AuthSigs placed before the grant in every session sig's capabilities (e.g. capacity delegations). */
        public Builder capabilityAuthSigs(List<AuthSig> capabilityAuthSigs) {
            this.capabilityAuthSigs = List.copyOf(capabilityAuthSigs);
            return this;
        }

        /** The SIWE domain (default: the session kind's). */
        public Builder domain(String domain) {
            this.domain = Objects.requireNonNull(domain, "domain");
            return this;
        }

        /** The SIWE statement before the ReCap sentence (default: the session kind's). */
        public Builder statement(String statement) {
            this.statement = Objects.requireNonNull(statement, "statement");
            return this;
        }

        /**
         * Without requests the terms grant {@link ResourceAbilityRequest#everyResourceWildcard()} (the seeds'
         * default; see {@link SessionTerms#usesDefaultResources()}).
         *
         * @throws LitClientException {@code InvalidArgument} with an ability not valid on its resource or a resource
         *         only nodes define, or with an empty domain
         */
        public SessionTerms build() {
            for (ResourceAbilityRequest r : requests) {
                try {
                    r.requireValidPair();
                } catch (LitProtocolException e) {
                    throw LitClientException.from(e);
                }
                if (!r.resource().prefix().userFacing()) {
                    throw invalid("resource " + r.resource().key() + " is defined by nodes and cannot be requested");
                }
            }
            if (domain != null && domain.isEmpty()) {
                throw invalid("domain must not be empty");
            }
            return new SessionTerms(this);
        }

        private static LitClientException invalid(String message) {
            return new LitClientException(LitErrorCode.InvalidArgument, message);
        }
    }
}
