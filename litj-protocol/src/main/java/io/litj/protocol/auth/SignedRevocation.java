package io.litj.protocol.auth;

import io.litj.protocol.IsoTime;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.Text;
import io.litj.protocol.crypto.Eip191;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.crypto.EthSignature;
import io.litj.protocol.crypto.EthSigner;
import io.litj.protocol.json.JsonFields;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.siwe.SiweMessage;
import io.litj.protocol.siwe.SiweParser;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A revocation as it travels (litj, {@code docs/revocation.md}): the grant's SIWE text, the
 * {@link SessionRevocation} text and the EIP-191 signature over it of the granter (or, for a PKP's grant, of the
 * PKP's owner that the text names). It proves itself: whoever holds one —
 * a node, a peer, a node pulling after a restart — checks it with {@link #verify} and needs to trust no sender.
 * Wire form: {@code {"grant":"<SIWE>","revocation":"<text>","sig":"0x<130 hex>"}}.
 *
 * @param grant      the capability's {@code signedMessage} exactly as sent in session sigs
 * @param revocation the {@link SessionRevocation#toMessage()} text
 * @param sig        the granter's EIP-191 signature of {@code revocation} ({@code 0x} + 130 hex)
 */
public record SignedRevocation(String grant, String revocation, String sig) {
    /** The longest grant text accepted (the validator caches capability texts up to this size too). */
    public static final int MAX_GRANT_CHARS = 16 * 1024;
    private static final Set<String> FIELDS = Set.of("grant", "revocation", "sig");

    public SignedRevocation {
        Objects.requireNonNull(grant, "grant");
        Objects.requireNonNull(revocation, "revocation");
        Objects.requireNonNull(sig, "sig");
    }

    /**
     * Revokes {@code grant} (a wallet capability's SIWE text): {@code sessionKey} (64 hex) or, when empty, every
     * session key of it, signed now by {@code granter}.
     *
     * @throws LitProtocolException {@code InvalidArgument} if the grant is not a session grant with an expiration, or
     *     {@code granter} is not its address
     */
    public static SignedRevocation sign(String grant, Optional<String> sessionKey, EthSigner granter, Instant now) {
        SiweMessage siwe = sessionGrant(grant);
        if (!siwe.ethAddress().equals(granter.address())) {
            throw new LitProtocolException(LitErrorCode.InvalidArgument, "the grant was signed by "
                    + siwe.ethAddress() + "; " + granter.address() + " cannot revoke it");
        }
        return signed(grant, siwe, sessionKey, granter, Optional.empty(), now);
    }

    /**
     * Revokes a PKP's {@code grant} (its network-signed capability, whose address is the PKP's) as the PKP's
     * {@code owner}: the text names the PKP as Granter and {@code owner} as Signed By; nodes check in their registry
     * that {@code owner} holds the PKP.
     *
     * @throws LitProtocolException {@code InvalidArgument} if the grant is not a session grant with an expiration, or
     *     {@code owner} is its address (then use {@link #sign})
     */
    public static SignedRevocation signAsPkpOwner(String grant, Optional<String> sessionKey, EthSigner owner,
                                                  Instant now) {
        SiweMessage siwe = sessionGrant(grant);
        if (siwe.ethAddress().equals(owner.address())) {
            throw new LitProtocolException(LitErrorCode.InvalidArgument, "the grant is " + owner.address()
                    + "'s own: it revokes it as its granter, not as a PKP owner");
        }
        return signed(grant, siwe, sessionKey, owner, Optional.of(owner.address()), now);
    }

    private static SiweMessage sessionGrant(String grant) {
        SiweMessage siwe;
        try {
            siwe = SiweParser.parse(grant);
        } catch (LitProtocolException e) {
            throw new LitProtocolException(LitErrorCode.InvalidArgument, "the grant is not a SIWE: " + e.getMessage());
        }
        if (!siwe.uri().startsWith(SessionKeyPair.URI_PREFIX) || siwe.expirationInstant().isEmpty()) {
            throw new LitProtocolException(LitErrorCode.InvalidArgument, "only a session grant (URI "
                    + SessionKeyPair.URI_PREFIX + "…, with an Expiration Time) can be revoked");
        }
        return siwe;
    }

    private static SignedRevocation signed(String grant, SiweMessage siwe, Optional<String> sessionKey,
                                           EthSigner signer, Optional<EthAddress> signedBy, Instant now) {
        SessionRevocation r = new SessionRevocation(SessionRevocation.grantDigest(grant),
                sessionKey.map(k -> k.toLowerCase(java.util.Locale.ROOT)), siwe.ethAddress(),
                now.truncatedTo(ChronoUnit.MILLIS), siwe.expirationInstant().get(), signedBy);
        String text = r.toMessage();
        return new SignedRevocation(grant, text, signer.signPersonalMessage(text).toHex());
    }

    /**
     * Reads the wire form (shape only; see {@link #verify}).
     *
     * @throws LitProtocolException {@code NodeRevocationInvalid} for a missing, unknown or over-long field
     */
    public static SignedRevocation fromJson(JsonValue.JsonObject json) {
        JsonFields f = new JsonFields(json, LitErrorCode.NodeRevocationInvalid, "revocation").onlyKnown(FIELDS);
        SignedRevocation r = new SignedRevocation(f.string("grant"), f.string("revocation"), f.string("sig"));
        if (r.grant.length() > MAX_GRANT_CHARS || r.revocation.length() > SessionRevocation.MAX_MESSAGE_CHARS
                || r.sig.length() > 132) {
            throw new LitProtocolException(LitErrorCode.NodeRevocationInvalid, "revocation fields are limited to "
                    + MAX_GRANT_CHARS + " (grant), " + SessionRevocation.MAX_MESSAGE_CHARS + " (revocation) and 132"
                    + " (sig) characters");
        }
        return r;
    }

    /** {@link #fromJson} of a JSON text. */
    public static SignedRevocation parse(String json) {
        return fromJson(JsonReader.parseObject(json, LitErrorCode.NodeRevocationInvalid, "revocation"));
    }

    /** The wire form. */
    public JsonValue.JsonObject toJson() {
        return JsonValue.object().put("grant", grant).put("revocation", revocation).put("sig", sig).build();
    }

    /**
     * Checks, cheapest first, that this revocation was made by its grant's granter for a grant still alive at
     * {@code now}: the text's shape; that its Grant is the digest of {@code grant}; that {@code grant} is a session
     * SIWE ({@code lit:session:<key>}) whose key is the one revoked (or {@code all}) and whose Expiration Time is the
     * Grant Expires; that Issued At is not ahead of {@code now} by more than the skew and the grant has not expired
     * (with the skew) — all {@code NodeRevocationInvalid}; then that the Granter is the grant's address and the
     * signature recovers to it ({@code NodeRevocationNotGranter}). A revocation with a Signed By line is refused
     * here: only {@link #verify(Instant, PkpOwners)} can check an owner.
     *
     * @return the verified revocation
     * @throws LitProtocolException with the code of the first failed check
     */
    public SessionRevocation verify(Instant now) {
        return verify(now, PkpOwners.NONE);
    }

    /**
     * As {@link #verify(Instant)}, and a revocation signed by {@code Signed By} instead of the granter passes when
     * the signature recovers to that address and, last (the one registry read), {@code owners} names it as the owner
     * of the PKP that is the granter ({@code NodeRevocationNotGranter} otherwise).
     *
     * @throws LitProtocolException with the code of the first failed check; what {@code owners} throws when the
     *     registry cannot be read
     */
    public SessionRevocation verify(Instant now, PkpOwners owners) {
        if (grant.length() > MAX_GRANT_CHARS) {
            throw invalid("grant text is longer than " + MAX_GRANT_CHARS + " characters");
        }
        SessionRevocation r = SessionRevocation.parse(revocation);
        if (!SessionRevocation.grantDigest(grant).equals(r.grantDigest())) {
            throw invalid("the revocation names grant " + r.grantDigest().hex0x() + " but the grant text hashes to "
                    + SessionRevocation.grantDigest(grant).hex0x());
        }
        SiweMessage siwe;
        try {
            siwe = SiweParser.parse(grant);
        } catch (LitProtocolException e) {
            throw invalid("the grant is not a SIWE: " + e.getMessage());
        }
        String uri = siwe.uri();
        if (!uri.startsWith(SessionKeyPair.URI_PREFIX)) {
            throw invalid("the grant's URI " + Text.cut(uri) + " is not " + SessionKeyPair.URI_PREFIX + "<session key>");
        }
        String grantedKey = uri.substring(SessionKeyPair.URI_PREFIX.length());
        if (!r.covers(grantedKey)) {
            throw invalid("the revocation names session key " + r.sessionKey().orElseThrow() + " but the grant is for "
                    + Text.cut(grantedKey));
        }
        Optional<Instant> expiration = parseExpiration(siwe);
        if (expiration.isEmpty() || !expiration.get().equals(r.grantExpiration())) {
            throw invalid("Grant Expires " + IsoTime.format(r.grantExpiration()) + " is not the grant's Expiration "
                    + "Time " + siwe.expirationTime().orElse("(none)"));
        }
        if (r.issuedAt().isAfter(now.plus(SessionTimeRules.SKEW))) {
            throw invalid("Issued At " + IsoTime.format(r.issuedAt()) + " is more than " + SessionTimeRules.SKEW_SECONDS
                    + " s ahead of this node's time " + IsoTime.format(now));
        }
        if (SessionTimeRules.hasExpired(r.grantExpiration(), now)) {
            throw invalid("the grant expired at " + IsoTime.format(r.grantExpiration()) + ": there is nothing to revoke");
        }
        EthAddress named = siwe.ethAddress();
        if (!r.granter().equals(named)) {
            throw notGranter("the revocation's Granter " + r.granter() + " is not the grant's address " + named);
        }
        EthAddress signer;
        try {
            signer = Eip191.recover(revocation, EthSignature.parse(sig, "revocation sig"));
        } catch (LitProtocolException e) {
            throw notGranter("the revocation signature does not recover: " + e.getMessage());
        }
        if (!signer.equals(r.signer())) {
            throw notGranter("the revocation is signed by " + signer + ", not by " + (r.signedBy().isPresent()
                    ? "its Signed By " + r.signer() : "the granter " + named + ": only the granter (or a PKP's owner)"
                    + " can revoke"));
        }
        if (r.signedBy().isPresent()) {
            Optional<EthAddress> owner = owners.ownerOf(named);
            if (!owner.equals(r.signedBy())) {
                throw notGranter(r.signer() + " is not the owner of the PKP " + named + " ("
                        + owner.map(o -> "its owner is " + o).orElse("the registry knows no PKP of this address")
                        + "): only the granter or its PKP's owner can revoke");
            }
        }
        return r;
    }

    private static Optional<Instant> parseExpiration(SiweMessage siwe) {
        try {
            return siwe.expirationInstant();
        } catch (LitProtocolException e) {
            return Optional.empty();
        }
    }

    private static LitProtocolException invalid(String message) {
        return new LitProtocolException(LitErrorCode.NodeRevocationInvalid, message);
    }

    private static LitProtocolException notGranter(String message) {
        return new LitProtocolException(LitErrorCode.NodeRevocationNotGranter, message);
    }

    @Override
    public String toString() {
        return "SignedRevocation[" + Text.cut(revocation.replace('\n', ' ')) + "]";
    }
}
