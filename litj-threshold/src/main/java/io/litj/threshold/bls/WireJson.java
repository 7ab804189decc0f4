package io.litj.threshold.bls;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.crypto.Hex;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonFields;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import io.litj.threshold.ThresholdException;
import java.util.Set;

/** The blsful 2 ("Datil") JSON form {@code {"ProofOfPossession":"<hex>"}}, read strictly. */
final class WireJson {
    private static final Set<String> FIELDS = Set.of(BlsSignature.WIRE_FIELD);

    private WireJson() {
    }

    static byte[] read(String json, int length, String what) {
        try {
            JsonValue.JsonObject o = JsonReader.parseObject(json, LitErrorCode.NodeParserError, what);
            String hex = new JsonFields(o, LitErrorCode.NodeParserError, what).onlyKnown(FIELDS)
                    .string(BlsSignature.WIRE_FIELD);
            if (hex.length() != 2 * length) {
                throw new ThresholdException(LitErrorCode.NodeParserError, what + " " + BlsSignature.WIRE_FIELD
                        + " must be " + 2 * length + " hex digits but is " + hex.length());
            }
            return Hex.decode(hex, what + " " + BlsSignature.WIRE_FIELD);
        } catch (LitProtocolException e) {
            throw new ThresholdException(LitErrorCode.NodeParserError, e.getMessage(), e);
        }
    }

    static String write(byte[] bytes) {
        return JsJson.stringify(JsonValue.object().put(BlsSignature.WIRE_FIELD, Hex.encode(bytes)).build());
    }
}
