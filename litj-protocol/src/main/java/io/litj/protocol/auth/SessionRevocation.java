package io.litj.protocol.auth;

import io.litj.protocol.IsoTime;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.Text;
import io.litj.protocol.crypto.Bytes;
import io.litj.protocol.crypto.Eip191;
import io.litj.protocol.crypto.EthAddress;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a granting wallet says when it revokes a session grant before it expires (litj, {@code docs/revocation.md}):
 * which grant ({@link #grantDigest(String)} of the capability's SIWE text), which session key of it (or all),
 * who revokes, when, and until when the grant would have lived. Its {@link #toMessage() text} is what the granter
 * signs with EIP-191 {@code personal_sign}:
 * <pre>
 * litj session revocation v1
 * Grant: 0x&lt;64 hex&gt;
 * Session key: &lt;64 hex&gt; | all
 * Granter: 0x&lt;EIP-55 address&gt;
 * Issued At: &lt;ISO time&gt;
 * Grant Expires: &lt;ISO time&gt;
 * Signed By: 0x&lt;EIP-55 address&gt;     (only when the PKP's owner, not the granter, signs)
 * </pre>
 * Lines end with {@code \n}, the last without one; {@link #parse} accepts exactly this shape (hex in lowercase,
 * times as {@link IsoTime#format} writes them), so a revocation has one text. {@code Signed By} names the owner of
 * the PKP that is the granter; it is never the granter itself (the granter's revocation has no such line).
 *
 * @param grantDigest     32 bytes, {@link #grantDigest(String)} of the grant
 * @param sessionKey      the revoked session key (64 lowercase hex), or empty for every session key of the grant
 * @param granter         the grant's address: the only one who may sign this
 * @param issuedAt        when the revocation was made
 * @param grantExpiration the grant's {@code Expiration Time}: the revocation is kept until then
 * @param signedBy        the PKP owner who signs in the granter's place; empty when the granter signs
 */
public record SessionRevocation(Bytes grantDigest, Optional<String> sessionKey, EthAddress granter, Instant issuedAt,
                                Instant grantExpiration, Optional<EthAddress> signedBy) {
    /** The first line of every revocation text. */
    public static final String HEADER = "litj session revocation v1";
    /** The {@code Session key} value that revokes every session key of the grant. */
    public static final String ALL_KEYS = "all";
    /** The longest revocation text {@link #parse} reads. */
    public static final int MAX_MESSAGE_CHARS = 512;
    private static final Pattern KEY = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern DIGEST = Pattern.compile("0x[0-9a-f]{64}");
    private static final String[] LABELS = {"Grant: ", "Session key: ", "Granter: ", "Issued At: ", "Grant Expires: "};
    private static final String SIGNED_BY = "Signed By: ";

    public SessionRevocation {
        Objects.requireNonNull(grantDigest, "grantDigest");
        Objects.requireNonNull(sessionKey, "sessionKey");
        Objects.requireNonNull(granter, "granter");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(grantExpiration, "grantExpiration");
        Objects.requireNonNull(signedBy, "signedBy");
        if (signedBy.filter(granter::equals).isPresent()) {
            throw invalid("Signed By names the granter " + granter + ": a granter's revocation has no Signed By line");
        }
        if (grantDigest.size() != 32) {
            throw invalid("grant digest must be 32 bytes but is " + grantDigest.size());
        }
        if (sessionKey.isPresent() && !KEY.matcher(sessionKey.get()).matches()) {
            throw invalid("session key must be 64 lowercase hex digits but is '" + Text.cut(sessionKey.get()) + "'");
        }
    }

    /** A revocation signed by the granter itself. */
    public SessionRevocation(Bytes grantDigest, Optional<String> sessionKey, EthAddress granter, Instant issuedAt,
                             Instant grantExpiration) {
        this(grantDigest, sessionKey, granter, issuedAt, grantExpiration, Optional.empty());
    }

    /** Who must have signed the text: the PKP owner it names, else the granter. */
    public EthAddress signer() {
        return signedBy.orElse(granter);
    }

    /**
     * The one home of a grant's identity: {@code keccak256("\x19Ethereum Signed Message:\n" + len + siwe)} over the
     * capability's {@code signedMessage} exactly as sent — the hash its wallet signature covers, so only its
     * signer could have made another text with this digest.
     */
    public static Bytes grantDigest(String capabilitySignedMessage) {
        return Bytes.of(Eip191.hash(capabilitySignedMessage));
    }

    /** True if this revocation names {@code sessionKeyHex} (any case) or every key of its grant. */
    public boolean covers(String sessionKeyHex) {
        return sessionKey.map(k -> k.equalsIgnoreCase(sessionKeyHex)).orElse(true);
    }

    /** The text the granter signs. */
    public String toMessage() {
        String[] values = {grantDigest.hex0x(), sessionKey.orElse(ALL_KEYS), granter.toChecksumString(),
            IsoTime.format(issuedAt), IsoTime.format(grantExpiration)};
        StringBuilder b = new StringBuilder(HEADER);
        for (int i = 0; i < LABELS.length; i++) {
            b.append('\n').append(LABELS[i]).append(values[i]);
        }
        signedBy.ifPresent(owner -> b.append('\n').append(SIGNED_BY).append(owner.toChecksumString()));
        return b.toString();
    }

    /**
     * Reads a revocation text.
     *
     * @throws LitProtocolException {@code NodeRevocationInvalid} naming the first line that is not as
     *     {@link #toMessage()} writes it
     */
    public static SessionRevocation parse(String message) {
        if (message == null || message.length() > MAX_MESSAGE_CHARS) {
            throw invalid("revocation text must be at most " + MAX_MESSAGE_CHARS + " characters");
        }
        String[] lines = message.split("\n", -1);
        if (lines.length != LABELS.length + 1 && lines.length != LABELS.length + 2 || !lines[0].equals(HEADER)) {
            throw invalid("revocation text must be '" + HEADER + "' and " + LABELS.length + " lines: Grant, Session "
                    + "key, Granter, Issued At, Grant Expires (and Signed By for a PKP owner)");
        }
        Optional<EthAddress> signedBy = Optional.empty();
        if (lines.length == LABELS.length + 2) {
            String last = lines[LABELS.length + 1];
            if (!last.startsWith(SIGNED_BY)) {
                throw invalid("revocation line " + (LABELS.length + 2) + " must start with '" + SIGNED_BY + "' but is '"
                        + Text.cut(last) + "'");
            }
            try {
                signedBy = Optional.of(EthAddress.parseChecksummed(last.substring(SIGNED_BY.length()), "Signed By"));
            } catch (LitProtocolException e) {
                throw invalid(e.getMessage());
            }
        }
        String[] values = new String[LABELS.length];
        for (int i = 0; i < LABELS.length; i++) {
            if (!lines[i + 1].startsWith(LABELS[i])) {
                throw invalid("revocation line " + (i + 2) + " must start with '" + LABELS[i] + "' but is '"
                        + Text.cut(lines[i + 1]) + "'");
            }
            values[i] = lines[i + 1].substring(LABELS[i].length());
        }
        if (!DIGEST.matcher(values[0]).matches()) {
            throw invalid("Grant must be 0x and 64 lowercase hex digits but is '" + Text.cut(values[0]) + "'");
        }
        Optional<String> key = values[1].equals(ALL_KEYS) ? Optional.empty() : Optional.of(values[1]);
        EthAddress granter;
        try {
            granter = EthAddress.parseChecksummed(values[2], "Granter");
        } catch (LitProtocolException e) {
            throw invalid(e.getMessage());
        }
        SessionRevocation r = new SessionRevocation(Bytes.fromHex(values[0].substring(2), "Grant"), key, granter,
                IsoTime.parse(values[3], LitErrorCode.NodeRevocationInvalid, "Issued At"),
                IsoTime.parse(values[4], LitErrorCode.NodeRevocationInvalid, "Grant Expires"), signedBy);
        if (!r.toMessage().equals(message)) {
            throw invalid("revocation text is not in its one written form (times as YYYY-MM-DDTHH:mm:ss.sssZ)");
        }
        return r;
    }

    private static LitProtocolException invalid(String message) {
        return new LitProtocolException(LitErrorCode.NodeRevocationInvalid, message);
    }

    @Override
    public String toString() {
        return "SessionRevocation[grant " + grantDigest.hex0x() + ", key " + sessionKey.orElse(ALL_KEYS) + ", by "
                + granter + signedBy.map(o -> " (signed by its owner " + o + ")").orElse("") + " at "
                + IsoTime.format(issuedAt) + ", grant expires " + IsoTime.format(grantExpiration)
                + "]";
    }
}
