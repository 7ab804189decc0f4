package io.litj.client;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.auth.AuthSig;
import io.litj.protocol.auth.LitSiweBuilder;
import io.litj.protocol.auth.SessionKeyPair;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.crypto.EthSigner;
import io.litj.protocol.resource.ResourceAbilityRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link LitClient#getSessionSigs} needs: the resource-ability requests (required), who grants the session
 * (an {@link EthSigner}, or an {@link AuthCallback} for a named account), and optional expiration, extra
 * capability AuthSigs (capacity delegations), an explicit session key, and the SIWE's domain and statement.
 *
 * <p>Immutable; built by {@link #builder()}. {@link #toString()} shows account, resources and expiration only.
 *
 * <p>Defaults: expiration 24 h after now (at most 30 days: nodes refuse longer sessions); no capability AuthSigs;
 * the session key from the client's {@link SessionStore} (generated and stored if missing); the JS SDK's SIWE domain
 * {@value LitSiweBuilder#DEFAULT_DOMAIN} and statement.
 */
public final class SessionRequest {
    private final List<ResourceAbilityRequest> requests;
    private final EthAddress account;
    private final Optional<EthSigner> signer;
    private final Optional<AuthCallback> callback;
    private final Optional<Instant> expiration;
    private final List<AuthSig> capabilityAuthSigs;
    private final Optional<SessionKeyPair> sessionKey;
    private final String domain;
    private final String statement;
    private final Optional<String> storeScope;

    private SessionRequest(Builder b) {
        this.requests = List.copyOf(b.requests);
        this.account = b.account;
        this.signer = Optional.ofNullable(b.signer);
        this.callback = Optional.ofNullable(b.callback);
        this.expiration = Optional.ofNullable(b.expiration);
        this.capabilityAuthSigs = List.copyOf(b.capabilityAuthSigs);
        this.sessionKey = Optional.ofNullable(b.sessionKey);
        this.domain = b.domain;
        this.statement = b.statement;
        this.storeScope = Optional.ofNullable(b.storeScope);
    }

    /**
     * What, besides the account, a stored grant is tied to: for PKP sessions, who proved control (so one proof's
     * grant is never handed to another caller of the same PKP).
     */
    Optional<String> storeScope() {
        return storeScope;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The requests, as given (at least one; each ability valid on its resource). */
    public List<ResourceAbilityRequest> resourceAbilityRequests() {
        return requests;
    }

    /** The account that grants the session: the signer's address or the callback's account. */
    public EthAddress account() {
        return account;
    }

    public Optional<EthSigner> signer() {
        return signer;
    }

    public Optional<AuthCallback> authCallback() {
        return callback;
    }

    /** The requested expiration; empty means the default (24 h after now, limited by a re-used grant). */
    public Optional<Instant> expiration() {
        return expiration;
    }

    public List<AuthSig> capabilityAuthSigs() {
        return capabilityAuthSigs;
    }

    public Optional<SessionKeyPair> sessionKey() {
        return sessionKey;
    }

    public String domain() {
        return domain;
    }

    public String statement() {
        return statement;
    }

    @Override
    public String toString() {
        return "SessionRequest[account=" + account + " resources=" + requests + " expiration="
                + expiration.map(Instant::toString).orElse("default") + " capabilityAuthSigs="
                + capabilityAuthSigs.size() + "]";
    }

    /** Builds a {@link SessionRequest}; not thread-safe. */
    public static final class Builder {
        private final List<ResourceAbilityRequest> requests = new ArrayList<>();
        private EthAddress account;
        private EthSigner signer;
        private AuthCallback callback;
        private Instant expiration;
        private List<AuthSig> capabilityAuthSigs = List.of();
        private SessionKeyPair sessionKey;
        private String domain = LitSiweBuilder.DEFAULT_DOMAIN;
        private String statement = LitSiweBuilder.DEFAULT_STATEMENT;
        private String storeScope;

        private Builder() {
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

        /** The wallet that signs the session grant (its address is the account). */
        public Builder signer(EthSigner signer) {
            this.signer = Objects.requireNonNull(signer, "signer");
            this.account = signer.address();
            this.callback = null;
            return this;
        }

        /**
         * A callback that produces the grant for {@code account} (the address that will sign it, e.g. a PKP's
         * address). The returned AuthSig must be for this account.
         */
        public Builder authCallback(EthAddress account, AuthCallback callback) {
            this.account = Objects.requireNonNull(account, "account");
            this.callback = Objects.requireNonNull(callback, "callback");
            this.signer = null;
            return this;
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

        /** Uses this session key instead of the stored one; the store's entry then holds this key. */
        public Builder sessionKey(SessionKeyPair sessionKey) {
            this.sessionKey = Objects.requireNonNull(sessionKey, "sessionKey");
            return this;
        }

        /** See {@link SessionRequest#storeScope()}. */
        Builder storeScope(String scope) {
            this.storeScope = Objects.requireNonNull(scope, "scope");
            return this;
        }

        /** The SIWE domain (default {@value LitSiweBuilder#DEFAULT_DOMAIN}). */
        public Builder domain(String domain) {
            this.domain = Objects.requireNonNull(domain, "domain");
            return this;
        }

        /** The SIWE statement before the ReCap sentence (default: the JS SDK's test statement). */
        public Builder statement(String statement) {
            this.statement = Objects.requireNonNull(statement, "statement");
            return this;
        }

        /**
         * @throws LitClientException {@code InvalidArgument} without requests, with an ability not valid on its
         *         resource, or without a signer or callback
         */
        public SessionRequest build() {
            if (requests.isEmpty()) {
                throw invalid("resourceAbilityRequests must not be empty");
            }
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
            if (signer == null && callback == null) {
                throw invalid("a session needs a signer or an auth callback");
            }
            if (domain.isEmpty()) {
                throw invalid("domain must not be empty");
            }
            return new SessionRequest(this);
        }

        private static LitClientException invalid(String message) {
            return new LitClientException(LitErrorCode.InvalidArgument, message);
        }
    }
}
