package io.litj.protocol.siwe;

import io.litj.protocol.IsoTime;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.crypto.EthAddress;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Sign-In with Ethereum (EIP-4361) message. Every field is checked on construction, so an instance is always
 * renderable and parseable: EIP-55 address, RFC 3986 URIs, version {@code 1}, nonce of at least 8 alphanumerics,
 * RFC 3339 times, single-line statement.
 *
 * <p>Times are kept as the text that was (or will be) signed; {@link #issuedAtInstant()} and friends parse them.
 * An empty statement is the same as none. Render with {@link SiweRenderer}, parse with {@link SiweParser}.
 *
 * <p>Errors: {@code NodeSIWEMessageError} naming the field.
 */
public record SiweMessage(
        Optional<String> scheme,
        String domain,
        String address,
        Optional<String> statement,
        String uri,
        String version,
        long chainId,
        String nonce,
        String issuedAt,
        Optional<String> expirationTime,
        Optional<String> notBefore,
        Optional<String> requestId,
        List<String> resources) {

    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*");
    private static final Pattern DOMAIN = Pattern.compile("[^\\s/?#]+");
    private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9]{8,}");
    private static final Pattern REQUEST_ID = Pattern.compile("[-._~!$&'()*+,;=:@%A-Za-z0-9]*");

    public SiweMessage {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(expirationTime, "expirationTime");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(requestId, "requestId");
        resources = List.copyOf(Objects.requireNonNull(resources, "resources"));
        statement = statement.filter(s -> !s.isEmpty());
        scheme.ifPresent(s -> require(SCHEME.matcher(s).matches(), "scheme", s));
        require(domain != null && DOMAIN.matcher(domain).matches(), "domain", domain);
        if (address == null) {
            throw fail("address is missing");
        }
        try {
            EthAddress.parseChecksummed(address, "address");
        } catch (LitProtocolException e) {
            throw new LitProtocolException(LitErrorCode.NodeSIWEMessageError, "SIWE " + e.getMessage(), e);
        }
        statement.ifPresent(s -> require(s.chars().noneMatch(c -> c < 0x20 || c == 0x7f), "statement",
                "(contains a line break or control character)"));
        require(uri != null && SiweUris.isUri(uri), "uri", uri);
        require("1".equals(version), "version", version);
        require(chainId >= 0, "chainId", Long.toString(chainId));
        require(nonce != null && NONCE.matcher(nonce).matches(), "nonce", nonce);
        time(issuedAt, "issuedAt");
        expirationTime.ifPresent(t -> time(t, "expirationTime"));
        notBefore.ifPresent(t -> time(t, "notBefore"));
        requestId.ifPresent(r -> require(REQUEST_ID.matcher(r).matches(), "requestId", r));
        for (String r : resources) {
            require(SiweUris.isUri(r), "resource", r);
        }
    }

    /** A builder with no defaults; see {@link LitSiweBuilder} for the Lit helper defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this message's fields. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.scheme = scheme.orElse(null);
        b.domain = domain;
        b.address = address;
        b.statement = statement.orElse(null);
        b.uri = uri;
        b.version = version;
        b.chainId = chainId;
        b.nonce = nonce;
        b.issuedAt = issuedAt;
        b.expirationTime = expirationTime.orElse(null);
        b.notBefore = notBefore.orElse(null);
        b.requestId = requestId.orElse(null);
        b.resources = resources;
        return b;
    }

    /** The signer named by the message. */
    public EthAddress ethAddress() {
        return EthAddress.parseChecksummed(address, "address");
    }

    public Instant issuedAtInstant() {
        return IsoTime.parse(issuedAt, LitErrorCode.NodeSIWEMessageError, "SIWE issuedAt");
    }

    public Optional<Instant> expirationInstant() {
        return expirationTime.map(t -> IsoTime.parse(t, LitErrorCode.NodeSIWEMessageError, "SIWE expirationTime"));
    }

    public Optional<Instant> notBeforeInstant() {
        return notBefore.map(t -> IsoTime.parse(t, LitErrorCode.NodeSIWEMessageError, "SIWE notBefore"));
    }

    private static void time(String text, String field) {
        IsoTime.parse(text, LitErrorCode.NodeSIWEMessageError, "SIWE " + field);
    }

    private static void require(boolean ok, String field, String value) {
        if (!ok) {
            String shown = value == null ? "missing" : "'" + (value.length() <= 64 ? value : value.substring(0, 64)
                    + "…") + "'";
            throw fail(field + " is invalid: " + shown);
        }
    }

    private static LitProtocolException fail(String problem) {
        return new LitProtocolException(LitErrorCode.NodeSIWEMessageError, "SIWE " + problem);
    }

    /** Builds a {@link SiweMessage}; every field but the optional ones must be set. */
    public static final class Builder {
        private String scheme;
        private String domain;
        private String address;
        private String statement;
        private String uri;
        private String version = "1";
        private long chainId = 1;
        private String nonce;
        private String issuedAt;
        private String expirationTime;
        private String notBefore;
        private String requestId;
        private List<String> resources = List.of();

        private Builder() {
        }

        public Builder scheme(String v) { scheme = v; return this; }
        public Builder domain(String v) { domain = v; return this; }
        public Builder address(String v) { address = v; return this; }
        public Builder statement(String v) { statement = v; return this; }
        public Builder uri(String v) { uri = v; return this; }
        public Builder version(String v) { version = v; return this; }
        public Builder chainId(long v) { chainId = v; return this; }
        public Builder nonce(String v) { nonce = v; return this; }
        public Builder issuedAt(String v) { issuedAt = v; return this; }
        public Builder issuedAt(Instant v) { issuedAt = IsoTime.format(v); return this; }
        public Builder expirationTime(String v) { expirationTime = v; return this; }
        public Builder expirationTime(Instant v) { expirationTime = IsoTime.format(v); return this; }
        public Builder notBefore(String v) { notBefore = v; return this; }
        public Builder requestId(String v) { requestId = v; return this; }
        public Builder resources(List<String> v) { resources = List.copyOf(v); return this; }

        public SiweMessage build() {
            return new SiweMessage(Optional.ofNullable(scheme), domain, address, Optional.ofNullable(statement), uri,
                    version, chainId, nonce, issuedAt, Optional.ofNullable(expirationTime),
                    Optional.ofNullable(notBefore), Optional.ofNullable(requestId), resources);
        }
    }
}
