package io.litj.node.peer.internal;

import io.litj.node.LitNodeException;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.crypto.Bytes;
import io.litj.protocol.crypto.Hex;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonFields;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import io.litj.threshold.ThresholdException;
import io.litj.threshold.shamir.FeldmanCommitments;
import io.litj.threshold.shamir.Group;
import io.litj.threshold.shamir.GroupElement;
import io.litj.threshold.shamir.SecretScalar;
import io.litj.threshold.shamir.Share;
import io.litj.threshold.dkg.DkgComplaint;
import io.litj.threshold.dkg.DkgMessage;
import io.litj.threshold.dkg.DkgPrivateShare;
import io.litj.threshold.dkg.DkgReveal;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/**
 * The bodies of DKG envelopes (the {@code body} string of an {@link Envelope}), one per kind:
 * <pre>
 * dkg.round1      {"commitments":["&lt;hex of C_0&gt;",…],"share":{"epk":…,"iv":…,"ct":…}}   (share: {@link ShareCipher})
 * dkg.complaints  {"accused":[3],"view":"&lt;64 hex&gt;"}     (accused party ids; view: digest of round-1 commitments seen)
 * dkg.reveals     {"reveals":[{"accuser":1,"share":"&lt;64 hex&gt;"}]}   (shares made public by a complaint)
 * </pre>
 * Every node sends each other node exactly one message of each kind per session (lists may be empty), so a
 * receiver knows when a round is complete.
 */
final class DkgBodies {
    static final String ROUND1 = "dkg.round1";
    static final String COMPLAINTS = "dkg.complaints";
    static final String REVEALS = "dkg.reveals";
    static final List<String> KINDS = List.of(ROUND1, COMPLAINTS, REVEALS);

    private DkgBodies() {
    }

    /** A parsed round-1 body: public commitments and the still-sealed share. */
    record Round1(FeldmanCommitments commitments, JsonValue.JsonObject sealedShare) {
    }

    /** A parsed complaints body. */
    record Complaints(List<Integer> accused, String view) {
    }

    /** One revealed share, with the party it was dealt to. */
    record Reveal(int accuser, Share share) {
        @Override
        public String toString() {
            return "Reveal[accuser=" + accuser + "]";
        }
    }

    static String round1(FeldmanCommitments commitments, JsonValue.JsonObject sealedShare) {
        List<JsonValue> items = new ArrayList<>();
        for (GroupElement e : commitments.coefficients()) {
            items.add(new JsonValue.JsonString(e.toBytes().hex()));
        }
        return JsJson.stringify(JsonValue.object().put("commitments", new JsonValue.JsonArray(items))
                .put("share", sealedShare).build());
    }

    static String complaints(List<Integer> accused, String view) {
        List<JsonValue> items = new ArrayList<>();
        accused.forEach(a -> items.add(new JsonValue.JsonNumber(a)));
        return JsJson.stringify(JsonValue.object().put("accused", new JsonValue.JsonArray(items)).put("view", view)
                .build());
    }

    static String reveals(List<Reveal> reveals) {
        List<JsonValue> items = new ArrayList<>();
        for (Reveal r : reveals) {
            byte[] v = r.share().value().exportSecret();
            items.add(JsonValue.object().put("accuser", new JsonValue.JsonNumber(r.accuser()))
                    .put("share", Hex.encode(v)).build());
            Arrays.fill(v, (byte) 0);
        }
        return JsJson.stringify(JsonValue.object().put("reveals", new JsonValue.JsonArray(items)).build());
    }

    /** @throws LitNodeException {@code NodeBadInput} if malformed or of another group */
    static Round1 parseRound1(String body, Group group) {
        return parse(body, "dkg.round1 body", Set.of("commitments", "share"), f -> {
            List<GroupElement> cs = new ArrayList<>();
            for (JsonValue v : f.array("commitments")) {
                cs.add(group.decode(Bytes.fromHex(string(f, v, "commitment"), "commitment")));
            }
            return new Round1(new FeldmanCommitments(cs), f.object("share"));
        });
    }

    /** @throws LitNodeException {@code NodeBadInput} if malformed */
    static Complaints parseComplaints(String body) {
        return parse(body, "dkg.complaints body", Set.of("accused", "view"), f -> {
            List<Integer> accused = new ArrayList<>();
            for (JsonValue v : f.array("accused")) {
                accused.add(partyId(f, v));
            }
            String view = f.string("view");
            if (!view.matches("[0-9a-f]{64}")) {
                throw f.fail("view must be 64 lowercase hex");
            }
            return new Complaints(List.copyOf(accused), view);
        });
    }

    /** @throws LitNodeException {@code NodeBadInput} if malformed or not scalars of the group */
    static List<Reveal> parseReveals(String body, Group group) {
        return parse(body, "dkg.reveals body", Set.of("reveals"), f -> {
            List<Reveal> out = new ArrayList<>();
            for (JsonValue v : f.array("reveals")) {
                JsonFields r = new JsonFields(f.asObject(v, "reveals[]"), LitErrorCode.NodeBadInput,
                        "dkg.reveals entry").onlyKnown(Set.of("accuser", "share"));
                int accuser = partyId(r, r.asObject(v, "reveals[]").get("accuser")
                        .orElseThrow(() -> r.fail("is missing the field 'accuser'")));
                byte[] raw = Hex.decodeExact(r.string("share"), 32, "revealed share");
                try {
                    out.add(new Reveal(accuser, Share.of(accuser, SecretScalar.of(group, raw))));
                } finally {
                    Arrays.fill(raw, (byte) 0);
                }
            }
            return List.copyOf(out);
        });
    }

    /** The party message of a parsed complaint ({@code NodeBadInput} if someone accuses itself). */
    static DkgMessage complaint(int sender, int accused) {
        try {
            return new DkgComplaint(sender, accused);
        } catch (ThresholdException x) {
            throw new LitNodeException(LitErrorCode.NodeBadInput, x.getMessage());
        }
    }

    static DkgMessage reveal(int sender, DkgBodies.Reveal r) {
        try {
            return DkgReveal.of(sender, r.accuser(), r.share());
        } catch (ThresholdException x) {
            throw new LitNodeException(LitErrorCode.NodeBadInput, x.getMessage());
        }
    }

    static DkgMessage privateShare(int sender, int recipient, Share share) {
        try {
            return DkgPrivateShare.of(sender, recipient, share);
        } catch (ThresholdException x) {
            throw new LitNodeException(LitErrorCode.NodeBadInput, x.getMessage());
        }
    }

    /** SHA-256 over (party id, commitments) of every round-1 broadcast this party accepted, by party id. */
    static String viewDigest(SortedMap<Integer, FeldmanCommitments> commitmentsSeen) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<Integer, FeldmanCommitments> e : commitmentsSeen.entrySet()) {
                d.update(ByteBuffer.allocate(4).putInt(e.getKey()).array());
                for (GroupElement c : e.getValue().coefficients()) {
                    d.update(c.toBytes().toByteArray());
                }
            }
            return Hex.encode(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private interface Reader<T> {
        T read(JsonFields f);
    }

    private static <T> T parse(String body, String where, Set<String> fields, Reader<T> reader) {
        try {
            JsonFields f = new JsonFields(JsonReader.parseObject(body, LitErrorCode.NodeBadInput, where),
                    LitErrorCode.NodeBadInput, where).onlyKnown(fields);
            return reader.read(f);
        } catch (LitProtocolException | ThresholdException e) {
            throw new LitNodeException(LitErrorCode.NodeBadInput, e.getMessage());
        }
    }

    private static String string(JsonFields f, JsonValue v, String what) {
        if (v instanceof JsonValue.JsonString s) {
            return s.value();
        }
        throw f.fail(what + " must be a string");
    }

    private static int partyId(JsonFields f, JsonValue v) {
        if (v instanceof JsonValue.JsonNumber n && n.value() == Math.rint(n.value()) && n.value() >= 1
                && n.value() <= 255) {
            return (int) n.value();
        }
        throw f.fail("party ids must be integers in 1..255");
    }
}
