package io.litj.client;

import io.litj.protocol.LitProtocolException;
import io.litj.protocol.Text;
import io.litj.protocol.crypto.Bytes;
import io.litj.protocol.crypto.Hex;
import io.litj.protocol.json.JsonValue;
import io.litj.threshold.ThresholdException;
import io.litj.threshold.ecdsa.EcdsaSignatureShare;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one node's ECDSA signature share the way the JS SDK 7.4.0 reads it ({@code js-sdk-v7-wire-format.md}
 * §8.2–8.3): keys in snake_case ({@code /web/pkp/sign}) or camelCase ({@code executeJs} {@code signedData}), every
 * {@code "} removed from string values, {@code digest} standing for {@code dataSigned}. A share whose
 * {@code signature_share} is empty or missing is no share: the JS SDK skips it (nodes outside the signing set answer
 * so, with {@code "result":"fail"}).
 */
final class ShareReader {
    /** The curve names a secp256k1 share may carry. */
    static final Set<String> K256_TYPES = Set.of("K256", "ECDSA_CAIT_SITH", "EcdsaK256");

    /** One node's share as read: skipped (no share), bad (with the reason) or good. */
    sealed interface Read {
    }

    /** The node sent no share. */
    record Skipped() implements Read {
    }

    /** The node sent a share that cannot be one. */
    record Bad(String reason) implements Read {
    }

    /** A well-formed share. */
    record Good(EcdsaSignatureShare share) implements Read {
    }

    private ShareReader() {
    }

    /** Reads {@code raw}, a share object; {@code shareIndex} is the index the client gives it (nodes send 0). */
    static Read read(JsonValue raw, int shareIndex) {
        if (!(raw instanceof JsonValue.JsonObject o)) {
            return new Bad("its share is not a JSON object");
        }
        Optional<String> sigShare = field(o, "signature_share", "signatureShare");
        if (sigShare.isEmpty() || sigShare.get().isEmpty()) {
            return new Skipped();
        }
        String sigType = field(o, "sig_type", "sigType").orElse("");
        if (!K256_TYPES.contains(sigType)) {
            return new Bad("its share has sig_type '" + cut(sigType) + "', not K256");
        }
        try {
            return new Good(new EcdsaSignatureShare(shareIndex,
                    hex(sigShare.get(), 32, "signature_share"),
                    hex(field(o, "big_r", "bigR").orElse(""), 33, "big_r"),
                    hex(field(o, "digest", "dataSigned").orElse(""), 32, "digest"),
                    hex(field(o, "public_key", "publicKey").orElse(""), 65, "public_key")));
        } catch (ThresholdException | LitProtocolException e) {
            return new Bad("its share is malformed: " + cut(e.getMessage()));
        }
    }

    /** The first of the two names present as a string (or number), with every {@code "} removed. */
    private static Optional<String> field(JsonValue.JsonObject o, String snake, String camel) {
        JsonValue v = o.get(snake).or(() -> o.get(camel)).orElse(null);
        if (v instanceof JsonValue.JsonString s) {
            return Optional.of(s.value().replace("\"", ""));
        }
        return Optional.empty();
    }

    private static Bytes hex(String text, int length, String name) {
        return Bytes.of(Hex.decodeExact(text, length, name));
    }

    private static String cut(String s) {
        return Text.cut(s, 120);
    }
}
