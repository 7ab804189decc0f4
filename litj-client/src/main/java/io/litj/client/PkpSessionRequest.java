package io.litj.client;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.auth.AuthSig;
import io.litj.protocol.auth.SessionTimeRules;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.crypto.Eip191;
import io.litj.protocol.crypto.EthSignature;
import io.litj.protocol.crypto.Hashes;
import io.litj.protocol.crypto.Hex;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.siwe.SiweParser;
import io.litj.protocol.json.JsonValue;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link LitClient#getPkpSessionSigs} and {@link LitClient#getLitActionSessionSigs} need: the PKP's public key,
 * the auth methods that prove control of it and/or a Lit Action that must answer {@code "true"}, and the
 * {@link SessionTerms} to grant.
 *
 * <pre>{@code
 * client.getPkpSessionSigs(PkpSessionRequest.builder().pkpPublicKey("0x04…")
 *         .authMethods(List.of(AuthMethod.ethWallet(login))).terms(terms).build());
 * }</pre>
 *
 * <p>Built with {@link #builder()}; immutable. The SIWE's domain defaults to {@value #DEFAULT_DOMAIN} and its
 * statement reads {@value #STATEMENT_PREFIX} followed by the terms' statement (default: the ReCap preamble), as
 * the JS SDK writes them.
 */
public final class PkpSessionRequest {
    /** What the JS SDK puts before the caller's statement in a PKP session SIWE. */
    public static final String STATEMENT_PREFIX = "Lit Protocol PKP session signature";
    /** The JS SDK's domain for PKP sessions in Node.js. */
    public static final String DEFAULT_DOMAIN = "litprotocol.com";

    private final byte[] publicKey;
    private final List<AuthMethod> authMethods;
    private final SessionTerms terms;
    private final Optional<String> litActionCode;
    private final Optional<String> litActionIpfsId;
    private final Optional<JsonValue.JsonObject> jsParams;

    private PkpSessionRequest(Builder b) {
        this.publicKey = b.publicKey.clone();
        this.authMethods = List.copyOf(b.authMethods);
        this.terms = b.terms;
        this.litActionCode = Optional.ofNullable(b.litActionCode);
        this.litActionIpfsId = Optional.ofNullable(b.litActionIpfsId);
        this.jsParams = Optional.ofNullable(b.jsParams);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The PKP's uncompressed public key, {@code 0x04} + 128 hex. */
    public String publicKeyHex() {
        return "0x" + Hex.encode(publicKey);
    }

    /** The PKP's Ethereum address (the SIWE signer of its sessions). */
    public EthAddress pkpAddress() {
        return EthAddress.fromPublicKey(publicKey);
    }

    public List<AuthMethod> authMethods() {
        return authMethods;
    }

    /** What the session grants. */
    public SessionTerms terms() {
        return terms;
    }

    public Optional<String> litActionCode() {
        return litActionCode;
    }

    public Optional<String> litActionIpfsId() {
        return litActionIpfsId;
    }

    public Optional<JsonValue.JsonObject> jsParams() {
        return jsParams;
    }

    /**
     * Who proves control of the PKP in this request, as a hash: each EthWallet auth method by the address its still
     * valid signature recovers to (so a new login by the same wallet re-uses its grant), any other method by its
     * token, and the Lit Action by its code or IPFS id and jsParams. Stored grants are kept per proof.
     */
    String proofId(Instant now) {
        StringBuilder sb = new StringBuilder();
        for (AuthMethod m : authMethods) {
            sb.append("method:").append(m.authMethodType()).append(':').append(proven(m, now)).append('\n');
        }
        litActionCode.ifPresent(c -> sb.append("code:").append(Hex.encode(Hashes.sha256(c))).append('\n'));
        litActionIpfsId.ifPresent(id -> sb.append("ipfs:").append(id).append('\n'));
        jsParams.ifPresent(p -> sb.append("params:").append(JsJson.canonicalize(p)).append('\n'));
        return Hex.encode(Hashes.sha256(sb.toString()));
    }

    private static String proven(AuthMethod m, Instant now) {
        if (m.authMethodType() == AuthMethod.ETH_WALLET) {
            try {
                AuthSig sig = AuthSig.parse(m.accessToken(), LitErrorCode.InvalidArgument);
                var siwe = SiweParser.parse(sig.signedMessage());
                if (siwe.expirationInstant().map(e -> !SessionTimeRules.hasExpired(e, now)).orElse(false)) {
                    EthAddress signer = Eip191.recover(sig.signedMessage(), EthSignature.parse(sig.sig(), "sig"));
                    if (signer.equals(siwe.ethAddress())) {
                        return "wallet:" + signer.toLowerHex();
                    }
                }
            } catch (LitProtocolException e) {
                // not a usable wallet login: identified by its token below (nodes will refuse it)
            }
        }
        return "token:" + Hex.encode(Hashes.sha256(m.accessToken()));
    }

    /** The same request on other terms (same PKP, auth methods and Lit Action). */
    PkpSessionRequest withTerms(SessionTerms newTerms) {
        Builder b = builder().pkpPublicKey(publicKeyHex()).authMethods(authMethods).terms(newTerms);
        litActionCode.ifPresent(b::litActionCode);
        litActionIpfsId.ifPresent(b::litActionIpfsId);
        jsParams.ifPresent(b::jsParams);
        return b.build();
    }

    @Override
    public String toString() {
        return "PkpSessionRequest[pkp=" + pkpAddress() + " authMethods=" + authMethods + " " + terms
                + (litActionCode.isPresent() || litActionIpfsId.isPresent() ? " with a Lit Action" : "") + "]";
    }

    /** Builds a {@link PkpSessionRequest}. */
    public static final class Builder {
        private byte[] publicKey;
        private List<AuthMethod> authMethods = List.of();
        private SessionTerms terms;
        private String litActionCode;
        private String litActionIpfsId;
        private JsonValue.JsonObject jsParams;

        private Builder() {
        }

        /** The PKP public key: 65 bytes uncompressed, hex with or without {@code 0x}. */
        public Builder pkpPublicKey(String hex) {
            byte[] key = Hex.decode0x(hex, "pkpPublicKey");
            if (key.length != 65 || key[0] != 0x04) {
                throw new LitClientException(LitErrorCode.InvalidArgument,
                        "pkpPublicKey must be an uncompressed secp256k1 key (0x04 + 128 hex)");
            }
            this.publicKey = key;
            return this;
        }

        public Builder authMethods(List<AuthMethod> authMethods) {
            this.authMethods = List.copyOf(authMethods);
            return this;
        }

        /** What the session grants (required). */
        public Builder terms(SessionTerms terms) {
            this.terms = Objects.requireNonNull(terms, "terms");
            return this;
        }

        /** A Lit Action (JavaScript source) that every node runs; it must answer {@code "true"}. */
        public Builder litActionCode(String code) {
            this.litActionCode = Objects.requireNonNull(code, "code");
            return this;
        }

        public Builder litActionIpfsId(String ipfsId) {
            this.litActionIpfsId = Objects.requireNonNull(ipfsId, "ipfsId");
            return this;
        }

        public Builder jsParams(JsonValue.JsonObject jsParams) {
            this.jsParams = Objects.requireNonNull(jsParams, "jsParams");
            return this;
        }

        /** @throws LitClientException {@code InvalidArgument} when something required is missing or conflicts */
        public PkpSessionRequest build() {
            if (publicKey == null) {
                throw invalid("pkpPublicKey is required");
            }
            if (terms == null) {
                throw invalid("a session needs terms (at least the resources it grants)");
            }
            if (litActionCode != null && litActionIpfsId != null) {
                throw invalid("give litActionCode or litActionIpfsId, not both");
            }
            if (authMethods.isEmpty() && litActionCode == null && litActionIpfsId == null) {
                throw invalid("give at least one auth method or a Lit Action");
            }
            return new PkpSessionRequest(this);
        }

        private static LitClientException invalid(String message) {
            return new LitClientException(LitErrorCode.InvalidArgument, message);
        }
    }
}
