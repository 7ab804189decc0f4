package io.litj.client;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.Text;
import io.litj.protocol.auth.AuthSig;
import io.litj.protocol.auth.AuthSigReuse;
import io.litj.protocol.auth.AuthSigs;
import io.litj.protocol.auth.LitSiweBuilder;
import io.litj.protocol.crypto.EthAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * A wallet grants the session: the request's {@link io.litj.protocol.crypto.EthSigner} signs the SIWE, or its
 * {@link AuthCallback} returns an AuthSig for its account. The SIWE's domain and statement default to the JS SDK's
 * ({@value LitSiweBuilder#DEFAULT_DOMAIN}, its test statement).
 */
record WalletGrantor(SessionRequest request, Clock clock) implements Grantor {
    @Override
    public EthAddress account() {
        return request.account();
    }

    @Override
    public Optional<String> storeScope() {
        return Optional.empty();
    }

    @Override
    public String siweDomain() {
        return request.terms().domain().orElse(LitSiweBuilder.DEFAULT_DOMAIN);
    }

    @Override
    public String siweStatement() {
        return request.terms().statement().orElse(LitSiweBuilder.DEFAULT_STATEMENT);
    }

    /**
     * @throws LitClientException {@code WalletSignatureNotFound} when the signer or callback fails or returns an
     *         empty AuthSig; {@code InvalidArgument} for an AuthSig of another account
     */
    @Override
    public AuthSig grant(AuthCallbackParams params) {
        AuthSig grant;
        try {
            grant = request.signer().isPresent()
                    ? AuthSigs.generate(request.signer().get(), params.toSiwe(account(), clock).build())
                    : request.authCallback().orElseThrow().authenticate(params);
        } catch (LitClientException e) {
            throw e;
        } catch (LitProtocolException e) {
            throw LitClientException.from(e);
        } catch (RuntimeException e) {
            throw new LitClientException(LitErrorCode.WalletSignatureNotFound, "the " + who() + " for "
                    + account() + " did not sign the session grant: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + Text.cut(e.getMessage())), e);
        }
        if (grant == null || grant.sig().isEmpty() || grant.derivedVia().isEmpty() || grant.signedMessage().isEmpty()
                || grant.address().isEmpty()) {
            throw new LitClientException(LitErrorCode.WalletSignatureNotFound, "the " + who() + " for " + account()
                    + " returned no AuthSig or one with an empty sig, derivedVia, signedMessage or address");
        }
        if (!grant.address().toLowerCase(Locale.ROOT).equals(account().toLowerHex())) {
            throw new LitClientException(LitErrorCode.InvalidArgument, "the " + who() + " returned an AuthSig for "
                    + Text.cut(grant.address()) + " but the session is for " + account());
        }
        return grant;
    }

    /** Every check, the signature too (a wallet's answer is not trusted before it is checked). */
    @Override
    public AuthSigReuse freshCheck(AuthSigReuse reuse, AuthSig grant) {
        return reuse.withMargin(Duration.ZERO);
    }

    private String who() {
        return request.signer().isPresent() ? "signer" : "auth callback";
    }
}
