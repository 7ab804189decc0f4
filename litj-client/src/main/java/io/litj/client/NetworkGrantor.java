package io.litj.client;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.auth.AuthSig;
import io.litj.protocol.auth.AuthSigReuse;
import io.litj.protocol.auth.BlsCapabilityVerifier;
import io.litj.protocol.auth.BlsSessionMessage;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.recap.Recap;
import io.litj.threshold.bls.BlsSignature;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * The network grants a PKP session: {@link SignSessionKeyCall} asks every node to check the request's auth methods
 * or Lit Action and the PKP's permissions and to BLS-sign the SIWE with its share, then combines the shares and
 * keeps the result only if it verifies under the network key. The SIWE's domain defaults to
 * {@value PkpSessionRequest#DEFAULT_DOMAIN} and its statement starts with
 * {@value PkpSessionRequest#STATEMENT_PREFIX}, as the JS SDK writes them.
 */
record NetworkGrantor(PkpSessionRequest request, ClientConfig cfg, ConnectionState state) implements Grantor {
    @Override
    public EthAddress account() {
        return request.pkpAddress();
    }

    @Override
    public Optional<String> storeScope() {
        return Optional.of(request.proofId(cfg.clock().instant()));
    }

    @Override
    public String siweDomain() {
        return request.terms().domain().orElse(PkpSessionRequest.DEFAULT_DOMAIN);
    }

    @Override
    public String siweStatement() {
        return PkpSessionRequest.STATEMENT_PREFIX + " " + request.terms().statement().orElse(Recap.STATEMENT_PREAMBLE);
    }

    /** @throws LitClientException as {@link SignSessionKeyCall#run} */
    @Override
    public AuthSig grant(AuthCallbackParams params) {
        return SignSessionKeyCall.run(request, params, cfg, state);
    }

    /**
     * Every check but a second BLS verification: the combiner verified {@code grant}'s signature under the network
     * key moments ago, so the check is given a verifier that accepts exactly that signature over that message.
     */
    @Override
    public AuthSigReuse freshCheck(AuthSigReuse reuse, AuthSig grant) {
        return reuse.withMargin(Duration.ZERO).withBlsVerifier(combined(grant));
    }

    private static BlsCapabilityVerifier combined(AuthSig grant) {
        byte[] message = BlsSessionMessage.of(grant.signedMessage());
        byte[] signature = BlsSignature.parseWire(grant.sig()).toBytes().toByteArray();
        return (m, s) -> {
            if (!Arrays.equals(m, message) || !Arrays.equals(s, signature)) {
                throw new LitProtocolException(LitErrorCode.InvalidSignature,
                        "not the signature the combiner just verified for this grant");
            }
        };
    }
}
