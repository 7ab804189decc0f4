package io.litj.threshold.ecdsa;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.crypto.Bytes;
import io.litj.protocol.crypto.Hex;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonFields;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import io.litj.threshold.ThresholdException;
import java.util.Locale;
import java.util.Set;

/** The Datil {@code signatureShare} object of {@code /web/pkp/sign} (see {@link EcdsaSignatureShare}). */
final class EcdsaShareWire {
    static final String SUCCESS = "success";
    static final String SIG_TYPE = "K256";
    private static final String WHAT = "ECDSA signature share";
    private static final Set<String> FIELDS = Set.of("digest", "result", "share_index", "signature_share", "big_r",
            "public_key", "sig_type");

    private EcdsaShareWire() {
    }

    static String write(EcdsaSignatureShare s) {
        return JsJson.stringify(JsonValue.object().put("digest", quotedHex(s.digest()))
                .put("result", SUCCESS)
                .put("share_index", new JsonValue.JsonNumber(s.shareIndex()))
                .put("signature_share", quotedHex(s.signatureShare()))
                .put("big_r", quotedHex(s.bigR()))
                .put("public_key", quotedHex(s.publicKey()))
                .put("sig_type", SIG_TYPE).build());
    }

    static EcdsaSignatureShare read(String json) {
        try {
            JsonFields f = new JsonFields(JsonReader.parseObject(json, LitErrorCode.NodeParserError, WHAT),
                    LitErrorCode.NodeParserError, WHAT).onlyKnown(FIELDS);
            for (String name : FIELDS) {
                if (!f.has(name)) {
                    throw f.fail("is missing the field '" + name + "'");
                }
            }
            expect(f, "result", SUCCESS);
            expect(f, "sig_type", SIG_TYPE);
            long index = f.integer("share_index");
            if (index < 0 || index > 255) {
                throw f.fail("field 'share_index' must be in 0..255 but is " + index);
            }
            return new EcdsaSignatureShare((int) index, unquotedHex(f, "signature_share", K256.SCALAR_BYTES),
                    unquotedHex(f, "big_r", K256.COMPRESSED_BYTES), unquotedHex(f, "digest", K256.SCALAR_BYTES),
                    unquotedHex(f, "public_key", K256.UNCOMPRESSED_BYTES));
        } catch (LitProtocolException e) {
            throw new ThresholdException(LitErrorCode.NodeParserError, e.getMessage(), e);
        } catch (ThresholdException e) {
            throw e.code() == LitErrorCode.NodeParserError ? e
                    : new ThresholdException(LitErrorCode.NodeParserError, WHAT + ": " + e.getMessage(), e);
        }
    }

    private static void expect(JsonFields f, String name, String value) {
        String actual = f.string(name);
        if (!actual.equals(value)) {
            throw f.fail("field '" + name + "' must be '" + value + "' but is '" + cut(actual) + "'");
        }
    }

    /** The hex inside a string that holds {@code "<hex>"} (quotes included), as Datil's serde writes it. */
    private static Bytes unquotedHex(JsonFields f, String name, int length) {
        String text = f.string(name);
        if (text.length() != 2 * length + 2 || text.charAt(0) != '"' || text.charAt(text.length() - 1) != '"') {
            throw f.fail("field '" + name + "' must hold a quoted string of " + 2 * length + " hex digits, like"
                    + " Datil's, but is " + text.length() + " characters: '" + cut(text) + "'");
        }
        return Bytes.of(Hex.decode(text.substring(1, text.length() - 1), WHAT + " " + name));
    }

    private static String quotedHex(Bytes b) {
        return '"' + b.hex().toUpperCase(Locale.ROOT) + '"';
    }

    private static String cut(String s) {
        return s.length() <= 24 ? s : s.substring(0, 24) + "…";
    }
}
