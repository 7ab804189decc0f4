package io.litj.client;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.auth.LitSiweBuilder;
import io.litj.protocol.auth.SessionKeyPair;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.crypto.EthSigner;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link LitClient#getSessionSigs} needs: the {@link SessionTerms}, who grants the session (an
 * {@link EthSigner}, or an {@link AuthCallback} for a named account), and optionally an explicit session key.
 *
 * <pre>{@code
 * client.getSessionSigs(SessionRequest.of(SessionTerms.of(request), wallet));
 * client.getSessionSigs(SessionRequest.builder().terms(terms).authCallback(account, callback).build());
 * }</pre>
 *
 * <p>Immutable; built by {@link #builder()} or {@link #of}. {@link #toString()} shows account and terms only.
 *
 * <p>Defaults: the session key from the client's {@link SessionStore} (generated and stored if missing); the SIWE
 * domain {@value LitSiweBuilder#DEFAULT_DOMAIN} and the JS SDK's test statement unless the terms name others.
 */
public final class SessionRequest {
    private final SessionTerms terms;
    private final EthAddress account;
    private final Optional<EthSigner> signer;
    private final Optional<AuthCallback> callback;
    private final Optional<SessionKeyPair> sessionKey;

    private SessionRequest(Builder b) {
        this.terms = b.terms;
        this.account = b.account;
        this.signer = Optional.ofNullable(b.signer);
        this.callback = Optional.ofNullable(b.callback);
        this.sessionKey = Optional.ofNullable(b.sessionKey);
    }

    /** A session on {@code terms} granted by {@code signer}, with the stored session key. */
    public static SessionRequest of(SessionTerms terms, EthSigner signer) {
        return builder().terms(terms).signer(signer).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** What the session grants. */
    public SessionTerms terms() {
        return terms;
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

    public Optional<SessionKeyPair> sessionKey() {
        return sessionKey;
    }

    /** The same request on other terms (same signer or callback, same session key). */
    SessionRequest withTerms(SessionTerms newTerms) {
        Builder b = builder().terms(newTerms);
        signer.ifPresent(b::signer);
        callback.ifPresent(c -> b.authCallback(account, c));
        sessionKey.ifPresent(b::sessionKey);
        return b.build();
    }

    @Override
    public String toString() {
        return "SessionRequest[account=" + account + " " + terms + "]";
    }

    /** Builds a {@link SessionRequest}; not thread-safe. */
    public static final class Builder {
        private SessionTerms terms;
        private EthAddress account;
        private EthSigner signer;
        private AuthCallback callback;
        private SessionKeyPair sessionKey;

        private Builder() {
        }

        /** What the session grants (required). */
        public Builder terms(SessionTerms terms) {
            this.terms = Objects.requireNonNull(terms, "terms");
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

        /** Uses this session key instead of the stored one; the store's entry then holds this key. */
        public Builder sessionKey(SessionKeyPair sessionKey) {
            this.sessionKey = Objects.requireNonNull(sessionKey, "sessionKey");
            return this;
        }

        /** @throws LitClientException {@code InvalidArgument} without terms, or without a signer or callback */
        public SessionRequest build() {
            if (terms == null) {
                throw invalid("a session needs terms (at least the resources it grants)");
            }
            if (signer == null && callback == null) {
                throw invalid("a session needs a signer or an auth callback");
            }
            return new SessionRequest(this);
        }

        private static LitClientException invalid(String message) {
            return new LitClientException(LitErrorCode.InvalidArgument, message);
        }
    }
}
