package io.litj.node.peer.internal;

import io.litj.node.LitNodeException;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.Text;
import io.litj.protocol.auth.SessionKeyPair;
import io.litj.protocol.crypto.Bytes;
import io.litj.protocol.crypto.Hex;
import io.litj.protocol.json.JsonFields;
import io.litj.protocol.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One node-to-node message, signed by the sender's Ed25519 identity key:
 * <pre>
 * {"v":1,"session":"net-1a2b","from":0,"to":2,"kind":"dkg.round1","ts":1767225600000,
 *  "nonce":"&lt;32 hex&gt;","body":"&lt;JSON text&gt;","sig":"&lt;128 hex&gt;"}
 * </pre>
 * {@code from}/{@code to} are registry node indexes, {@code ts} the sender's clock in Unix milliseconds, {@code nonce}
 * 16 random bytes, {@code body} the message's own JSON as a string (verified as received, parsed afterwards).
 * The signature covers exactly these UTF-8 bytes ({@link #signedBytes}):
 * <pre>
 * "litj-peer-envelope-v1\n" session "\n" from "\n" to "\n" kind "\n" ts "\n" nonce "\n" body
 * </pre>
 * Only {@code body} may contain a line feed and it comes last, so the encoding is unambiguous.
 *
 * @param sig the 64-byte Ed25519 signature
 */
record Envelope(String session, int from, int to, String kind, long timestamp, String nonce, String body, Bytes sig) {
    static final String DOMAIN = "litj-peer-envelope-v1";
    static final int MAX_BODY_CHARS = 1 << 20;
    static final Pattern SESSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9.]{0,31}");
    private static final Pattern NONCE = Pattern.compile("[0-9a-f]{32}");
    private static final Set<String> FIELDS = Set.of("v", "session", "from", "to", "kind", "ts", "nonce", "body",
            "sig");

    Envelope {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(sig, "sig");
        if (!SESSION.matcher(session).matches() || !KIND.matcher(kind).matches() || !NONCE.matcher(nonce).matches()
                || from < 0 || to < 0 || from > 255 || to > 255 || timestamp < 0 || sig.size() != 64
                || body.length() > MAX_BODY_CHARS) {
            throw malformed("has a field of the wrong shape (session " + Text.cut(session) + ", kind " + Text.cut(kind)
                    + ", from " + from + ", to " + to + ", ts " + timestamp + ", nonce of " + nonce.length()
                    + " chars, sig of " + sig.size() + " bytes, body of " + body.length() + " chars)");
        }
    }

    /** Builds and signs an envelope with a fresh nonce and the current time of {@code clock}. */
    static Envelope seal(SessionKeyPair identity, String session, int from, int to, String kind, String body,
            Clock clock, SecureRandom random) {
        byte[] n = new byte[16];
        random.nextBytes(n);
        String nonce = Hex.encode(n);
        long ts = clock.millis();
        byte[] sig = identity.sign(signedBytes(session, from, to, kind, ts, nonce, body));
        return new Envelope(session, from, to, kind, ts, nonce, body, Bytes.of(sig));
    }

    /**
     * Reads the wire form; checks shape only (no signature, time or replay: see {@link EnvelopeVerifier}).
     *
     * @throws LitNodeException {@code NodeBadInput} for a missing, unknown or malformed field
     */
    static Envelope parse(JsonValue.JsonObject json) {
        try {
            JsonFields f = new JsonFields(json, LitErrorCode.NodeBadInput, "peer envelope").onlyKnown(FIELDS);
            if (f.integer("v") != 1) {
                throw malformed("has version " + f.integer("v") + ", expected 1");
            }
            long from = f.integer("from");
            long to = f.integer("to");
            if (from < 0 || from > 255 || to < 0 || to > 255) {
                throw malformed("names node " + from + " → " + to + " outside 0..255");
            }
            return new Envelope(f.string("session"), (int) from, (int) to, f.string("kind"), f.integer("ts"),
                    f.string("nonce"), f.string("body"), Bytes.of(Hex.decodeExact(f.string("sig"), 64, "sig")));
        } catch (LitProtocolException e) {
            throw new LitNodeException(LitErrorCode.NodeBadInput, e.getMessage());
        }
    }

    /** The wire form. */
    JsonValue.JsonObject toJson() {
        return JsonValue.object()
                .put("v", new JsonValue.JsonNumber(1))
                .put("session", session)
                .put("from", new JsonValue.JsonNumber(from))
                .put("to", new JsonValue.JsonNumber(to))
                .put("kind", kind)
                .put("ts", new JsonValue.JsonNumber(timestamp))
                .put("nonce", nonce)
                .put("body", body)
                .put("sig", sig.hex())
                .build();
    }

    /** The bytes the signature covers. */
    byte[] signedBytes() {
        return signedBytes(session, from, to, kind, timestamp, nonce, body);
    }

    static byte[] signedBytes(String session, int from, int to, String kind, long ts, String nonce, String body) {
        return (DOMAIN + "\n" + session + "\n" + from + "\n" + to + "\n" + kind + "\n" + ts + "\n" + nonce + "\n"
                + body).getBytes(StandardCharsets.UTF_8);
    }

    private static LitNodeException malformed(String problem) {
        return new LitNodeException(LitErrorCode.NodeBadInput, "peer envelope " + problem);
    }

    @Override
    public String toString() {
        return "Envelope[" + kind + " " + session + " " + from + "→" + to + " ts=" + timestamp + "]";
    }
}
