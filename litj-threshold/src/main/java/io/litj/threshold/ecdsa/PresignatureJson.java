package io.litj.threshold.ecdsa;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.crypto.Hex;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonFields;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import io.litj.threshold.ThresholdException;
import io.litj.threshold.shamir.GroupElement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The secret JSON form of a {@link PresignatureShare} for the node's presignature pool:
 * <pre>{"version":1,"threshold":t,"participants":[i…],"self":i,"publicKey":"02…","bigR":"03…","k":"…",
 * "sigma":"…","parties":[{"index":i,"bigK":"02…","bigSigma":"03…"}…]}</pre>
 * Points compressed, scalars 32 bytes, all lowercase hex; {@code parties} in the order of {@code participants}.
 */
final class PresignatureJson {
    private static final int VERSION = 1;
    private static final String WHAT = "presignature share JSON";
    private static final Set<String> FIELDS = Set.of("version", "threshold", "participants", "self", "publicKey",
            "bigR", "k", "sigma", "parties");
    private static final Set<String> PARTY_FIELDS = Set.of("index", "bigK", "bigSigma");

    private PresignatureJson() {
    }

    static String write(PresignatureShare p, byte[] k, byte[] sigma, Map<Integer, GroupElement> bigK,
            Map<Integer, GroupElement> bigSigma) {
        List<JsonValue> indices = new ArrayList<>();
        List<JsonValue> parties = new ArrayList<>();
        for (int j : p.participants().indices()) {
            indices.add(number(j));
            parties.add(JsonValue.object().put("index", number(j)).put("bigK", bigK.get(j).toBytes().hex())
                    .put("bigSigma", bigSigma.get(j).toBytes().hex()).build());
        }
        String out = JsJson.stringify(JsonValue.object().put("version", number(VERSION))
                .put("threshold", number(p.participants().threshold()))
                .put("participants", new JsonValue.JsonArray(indices)).put("self", number(p.self()))
                .put("publicKey", p.publicKey().toBytes().hex()).put("bigR", p.bigR().toBytes().hex())
                .put("k", Hex.encode(k)).put("sigma", Hex.encode(sigma))
                .put("parties", new JsonValue.JsonArray(parties)).build());
        Arrays.fill(k, (byte) 0);
        Arrays.fill(sigma, (byte) 0);
        return out;
    }

    static PresignatureShare read(String json) {
        try {
            JsonFields f = fields(JsonReader.parseObject(json, LitErrorCode.NodeParserError, WHAT), WHAT)
                    .onlyKnown(FIELDS);
            if (f.integer("version") != VERSION) {
                throw new ThresholdException(LitErrorCode.NodeParserError, WHAT + " has version "
                        + f.integer("version") + " but only " + VERSION + " is known");
            }
            Participants set = new Participants(indices(f.array("participants")), smallInt(f, "threshold"));
            List<JsonValue> parties = f.array("parties");
            if (parties.size() != set.size()) {
                throw new ThresholdException(LitErrorCode.NodeParserError, WHAT + " lists " + parties.size()
                        + " parties for " + set.size() + " participants");
            }
            Map<Integer, GroupElement> bigK = new TreeMap<>();
            Map<Integer, GroupElement> bigSigma = new TreeMap<>();
            for (int i = 0; i < parties.size(); i++) {
                String where = WHAT + " parties[" + i + "]";
                JsonFields party = fields(f.asObject(parties.get(i), "parties[" + i + "]"), where)
                        .onlyKnown(PARTY_FIELDS);
                int index = smallInt(party, "index");
                if (index != set.indices().get(i)) {
                    throw new ThresholdException(LitErrorCode.NodeParserError, where + " has index " + index
                            + " but participant " + i + " is " + set.indices().get(i));
                }
                bigK.put(index, point(party, "bigK", where));
                bigSigma.put(index, point(party, "bigSigma", where));
            }
            return PresignatureShare.of(set, smallInt(f, "self"), point(f, "publicKey", WHAT),
                    point(f, "bigR", WHAT), scalar(f, "k"), scalar(f, "sigma"), bigK, bigSigma,
                    LitErrorCode.NodeParserError);
        } catch (LitProtocolException e) {
            throw new ThresholdException(LitErrorCode.NodeParserError, e.getMessage(), e);
        } catch (ThresholdException e) {
            if (e.code() == LitErrorCode.NodeParserError) {
                throw e;
            }
            throw new ThresholdException(LitErrorCode.NodeParserError, WHAT + ": " + e.getMessage(), e);
        }
    }

    private static JsonFields fields(JsonValue.JsonObject o, String where) {
        return new JsonFields(o, LitErrorCode.NodeParserError, where);
    }

    private static List<Integer> indices(List<JsonValue> items) {
        if (items.size() > 255) {
            throw new ThresholdException(LitErrorCode.NodeParserError, WHAT + " lists " + items.size()
                    + " participants (limit 255)");
        }
        List<Integer> out = new ArrayList<>();
        for (JsonValue v : items) {
            if (!(v instanceof JsonValue.JsonNumber n) || n.value() != Math.rint(n.value()) || n.value() < 1
                    || n.value() > 255) {
                throw new ThresholdException(LitErrorCode.NodeParserError, WHAT
                        + " participants must be integers in 1..255");
            }
            out.add((int) n.value());
        }
        return out;
    }

    private static int smallInt(JsonFields f, String name) {
        long v = f.integer(name);
        if (v < 0 || v > 255) {
            throw f.fail("field '" + name + "' must be in 0..255 but is " + v);
        }
        return (int) v;
    }

    private static GroupElement point(JsonFields f, String name, String where) {
        byte[] bytes = Hex.decodeExact(f.string(name), K256.COMPRESSED_BYTES, where + " " + name);
        return K256.compressedPoint(bytes, LitErrorCode.NodeParserError, where + " " + name);
    }

    private static byte[] scalar(JsonFields f, String name) {
        byte[] bytes = Hex.decodeExact(f.string(name), K256.SCALAR_BYTES, WHAT + " " + name);
        K256.N.fromBytes(bytes, WHAT + " " + name);
        return bytes;
    }

    private static JsonValue number(int v) {
        return new JsonValue.JsonNumber(v);
    }
}
