package io.litj.node.peer.internal;

import io.litj.node.LitNodeException;
import io.litj.node.ecdsa.RunTransport;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.Text;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonFields;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import java.util.Base64;
import java.util.Set;
import java.util.function.Function;

/**
 * The bodies of protocol-run envelopes ({@link ProtocolRuns}):
 * <pre>
 * proto.msg    {"seq":0,"data":"&lt;base64 payload&gt;"}          (a broadcast: signed, not sealed)
 * proto.msg    {"seq":0,"sealed":{"epk":…,"iv":…,"ct":…}}     (to one party: sealed, {@link ShareCipher})
 * proto.abort  {"reason":"&lt;text, at most 200 chars&gt;"}
 * </pre>
 * {@code seq} counts the sender's messages to this recipient in this run, from 0.
 */
final class ProtocolBodies {
    static final String SEAL_PURPOSE = "protocol";
    private static final Set<String> MESSAGE_FIELDS = Set.of("seq", "data", "sealed");
    private static final int MAX_REASON = 200;

    /** A message body as read. */
    record Parsed(int seq, byte[] payload) {
    }

    private ProtocolBodies() {
    }

    /** A message body; with {@code sealer}, the payload is sealed to the recipient. */
    static String message(int seq, Function<byte[], JsonValue.JsonObject> sealer, byte[] payload) {
        JsonValue.ObjectBuilder b = JsonValue.object().put("seq", new JsonValue.JsonNumber(seq));
        if (sealer == null) {
            b.put("data", Base64.getEncoder().encodeToString(payload));
        } else {
            b.put("sealed", sealer.apply(payload));
        }
        return JsJson.stringify(b.build());
    }

    /**
     * Reads a message body; {@code opener} opens a sealed payload.
     *
     * @throws LitNodeException {@code NodeBadInput} if malformed
     */
    static Parsed parse(String body, Function<JsonValue.JsonObject, byte[]> opener) {
        try {
            JsonFields f = new JsonFields(JsonReader.parseObject(body, LitErrorCode.NodeBadInput, "protocol message"),
                    LitErrorCode.NodeBadInput, "protocol message").onlyKnown(MESSAGE_FIELDS);
            long seq = f.integer("seq");
            if (seq < 0 || seq > Integer.MAX_VALUE || f.has("data") == f.has("sealed")) {
                throw new LitNodeException(LitErrorCode.NodeBadInput, "protocol message needs seq >= 0 and exactly "
                        + "one of data or sealed");
            }
            if (f.has("data")) {
                String data = f.string("data");
                if (data.length() > (RunTransport.MAX_PAYLOAD_BYTES / 3 + 1) * 4) {
                    throw new LitNodeException(LitErrorCode.NodeBadInput, "protocol message payload is too large");
                }
                return new Parsed((int) seq, Base64.getDecoder().decode(data));
            }
            return new Parsed((int) seq, opener.apply(f.object("sealed")));
        } catch (LitProtocolException | IllegalArgumentException e) {
            throw new LitNodeException(LitErrorCode.NodeBadInput, "protocol message is malformed: " + e.getMessage());
        }
    }

    static String abort(String reason) {
        String r = reason == null ? "failed" : reason;
        return JsJson.stringify(JsonValue.object().put("reason", r.length() > MAX_REASON
                ? r.substring(0, MAX_REASON) : r).build());
    }

    static String abortReason(String body) {
        try {
            JsonValue v = JsonReader.parseObject(body, LitErrorCode.NodeBadInput, "abort").get("reason").orElse(null);
            return v instanceof JsonValue.JsonString s ? Text.cut(s.value()) : "no reason given";
        } catch (LitProtocolException e) {
            return "no reason given";
        }
    }
}
