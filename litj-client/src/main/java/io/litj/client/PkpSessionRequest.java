package io.litj.client;

import io.litj.protocol.auth.AuthSig;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.crypto.Eip191;
import io.litj.protocol.crypto.EthSignature;
import io.litj.protocol.crypto.Hashes;
import io.litj.protocol.crypto.Hex;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.siwe.SiweParser;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.resource.ResourceAbilityRequest;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link LitClient#getPkpSessionSigs} and {@link LitClient#getLitActionSessionSigs} need: the PKP's public key,
 * the auth methods that prove control of it and/or a Lit Action that must answer {@code "true"}, the resources to
 * grant, and optional expiration, extra capability AuthSigs, session key and SIWE statement/domain. Built with
 * {@link #builder()}; immutable.
 */
public final class PkpSessionRequest {
    /** What the JS SDK puts before the caller's statement in a PKP session SIWE. */
    public static final String STATEMENT_PREFIX = "Lit Protocol PKP session signature";
    /** The JS SDK's domain for PKP sessions in Node.js. */
    public static final String DEFAULT_DOMAIN = "litprotocol.com";

    private final byte[] publicKey;
    private final List<AuthMethod> authMethods;
    private final List<ResourceAbilityRequest> requests;
    private final Optional<Instant> expiration;
    private final List<AuthSig> capabilityAuthSigs;
    private final Optional<String> litActionCode;
    private final Optional<String> litActionIpfsId;
    private final Optional<JsonValue.JsonObject> jsParams;
    private final Optional<String> statement;
    private final String domain;

    private PkpSessionRequest(Builder b) {
        this.publicKey = b.publicKey.clone();
        this.authMethods = List.copyOf(b.authMethods);
        this.requests = List.copyOf(b.requests);
        this.expiration = Optional.ofNullable(b.expiration);
        this.capabilityAuthSigs = List.copyOf(b.capabilityAuthSigs);
        this.litActionCode = Optional.ofNullable(b.litActionCode);
        this.litActionIpfsId = Optional.ofNullable(b.litActionIpfsId);
        this.jsParams = Optional.ofNullable(b.jsParams);
        this.statement = Optional.ofNullable(b.statement);
        this.domain = b.domain;
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

    public List<ResourceAbilityRequest> resourceAbilityRequests() {
        return requests;
    }

    public Optional<Instant> expiration() {
        return expiration;
    }

    public List<AuthSig> capabilityAuthSigs() {
        return capabilityAuthSigs;
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

    /** The caller's statement; the SIWE reads {@code "Lit Protocol PKP session signature <statement>"}. */
    public Optional<String> statement() {
        return statement;
    }

    public String domain() {
        return domain;
    }

    /**
     * Who proves control of the PKP in this request, as a hash: each EthWallet auth method by the address its still
     * valid signature recovers to (so a new login by the same wallet re-uses its grant), any other method by its
     * token, and the Lit Action by its code or IPFS id and jsParams. Stored grants are kept per proof.
     */
    String proofId(java.time.Instant now) {
        StringBuilder sb = new StringBuilder();
        for (AuthMethod m : authMethods) {
            sb.append("method:").append(m.authMethodType()).append(':').append(proven(m, now)).append('\n');
        }
        litActionCode.ifPresent(c -> sb.append("code:").append(Hex.encode(Hashes.sha256(c))).append('\n'));
        litActionIpfsId.ifPresent(id -> sb.append("ipfs:").append(id).append('\n'));
        jsParams.ifPresent(p -> sb.append("params:").append(JsJson.canonicalize(p)).append('\n'));
        return Hex.encode(Hashes.sha256(sb.toString()));
    }

    private static String proven(AuthMethod m, java.time.Instant now) {
        if (m.authMethodType() == AuthMethod.ETH_WALLET) {
            try {
                AuthSig sig = AuthSig.parse(m.accessToken(), io.litj.protocol.LitErrorCode.InvalidArgument);
                var siwe = SiweParser.parse(sig.signedMessage());
                if (siwe.expirationInstant().map(now::isBefore).orElse(false)) {
                    EthAddress signer = Eip191.recover(sig.signedMessage(), EthSignature.parse(sig.sig(), "sig"));
                    if (signer.equals(siwe.ethAddress())) {
                        return "wallet:" + signer.toLowerHex();
                    }
                }
            } catch (io.litj.protocol.LitProtocolException e) {
                // not a usable wallet login: identified by its token below (nodes will refuse it)
            }
        }
        return "token:" + Hex.encode(Hashes.sha256(m.accessToken()));
    }

    @Override
    public String toString() {
        return "PkpSessionRequest[pkp=" + pkpAddress() + " authMethods=" + authMethods + " resources=" + requests
                + (litActionCode.isPresent() || litActionIpfsId.isPresent() ? " with a Lit Action" : "") + "]";
    }

    /** Builds a {@link PkpSessionRequest}. */
    public static final class Builder {
        private byte[] publicKey;
        private List<AuthMethod> authMethods = List.of();
        private List<ResourceAbilityRequest> requests = List.of();
        private Instant expiration;
        private List<AuthSig> capabilityAuthSigs = List.of();
        private String litActionCode;
        private String litActionIpfsId;
        private JsonValue.JsonObject jsParams;
        private String statement;
        private String domain = DEFAULT_DOMAIN;

        private Builder() {
        }

        /** The PKP public key: 65 bytes uncompressed, hex with or without {@code 0x}. */
        public Builder pkpPublicKey(String hex) {
            byte[] key = Hex.decode0x(hex, "pkpPublicKey");
            if (key.length != 65 || key[0] != 0x04) {
                throw new LitClientException(io.litj.protocol.LitErrorCode.InvalidArgument,
                        "pkpPublicKey must be an uncompressed secp256k1 key (0x04 + 128 hex)");
            }
            this.publicKey = key;
            return this;
        }

        public Builder authMethods(List<AuthMethod> authMethods) {
            this.authMethods = List.copyOf(authMethods);
            return this;
        }

        public Builder resourceAbilityRequests(List<ResourceAbilityRequest> requests) {
            this.requests = List.copyOf(requests);
            return this;
        }

        public Builder expiration(Instant expiration) {
            this.expiration = Objects.requireNonNull(expiration, "expiration");
            return this;
        }

        public Builder capabilityAuthSigs(List<AuthSig> capabilityAuthSigs) {
            this.capabilityAuthSigs = List.copyOf(capabilityAuthSigs);
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

        public Builder statement(String statement) {
            this.statement = Objects.requireNonNull(statement, "statement");
            return this;
        }

        public Builder domain(String domain) {
            this.domain = Objects.requireNonNull(domain, "domain");
            return this;
        }

        /** @throws LitClientException {@code InvalidArgument} when something required is missing or conflicts */
        public PkpSessionRequest build() {
            if (publicKey == null) {
                throw invalid("pkpPublicKey is required");
            }
            if (requests.isEmpty()) {
                throw invalid("resourceAbilityRequests must not be empty");
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
            return new LitClientException(io.litj.protocol.LitErrorCode.InvalidArgument, message);
        }
    }
}
