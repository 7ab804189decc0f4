package io.litj.node.peer.internal;

import io.litj.protocol.json.JsonValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;

/**
 * A snapshot of one DKG session as the admin API reports it (see {@code docs/dkg.md}):
 * {@code {"session","purpose","state","step","node","party","parties","threshold","group","received",
 * "publicKey","tokenId","epoch","qualified","disqualified","error"}}, the last six only when they apply. Public data
 * only.
 *
 * @param epoch the network key's epoch, 0 for other purposes
 * @param publicKey null until done
 * @param tokenId null unless a PKP is done
 * @param error null unless failed
 */
record DkgStatus(DkgRequest request, int node, int party, int parties, DkgSession.State state, String step,
                 Map<String, List<Integer>> received, long epoch, String publicKey, String tokenId,
                 List<Integer> qualified, SortedMap<Integer, String> disqualified, String error) {

    JsonValue.JsonObject toJson() {
        JsonValue.ObjectBuilder b = JsonValue.object()
                .put("session", request.session())
                .put("purpose", request.purpose().wireName())
                .put("state", state.name().toLowerCase(Locale.ROOT))
                .put("step", step)
                .put("node", number(node))
                .put("party", number(party))
                .put("parties", number(parties))
                .put("threshold", number(request.threshold()))
                .put("group", request.purpose().group().name());
        JsonValue.ObjectBuilder r = JsonValue.object();
        received.forEach((kind, ids) -> r.put(kind, ids(ids)));
        b.put("received", r.build());
        if (state == DkgSession.State.DONE) {
            b.put("publicKey", publicKey);
            if (tokenId != null) {
                b.put("tokenId", tokenId);
            }
            if (epoch > 0) {
                b.put("epoch", number(epoch));
            }
            b.put("qualified", ids(qualified));
            JsonValue.ObjectBuilder d = JsonValue.object();
            disqualified.forEach((id, why) -> d.put(Integer.toString(id), why));
            b.put("disqualified", d.build());
        }
        if (error != null) {
            b.put("error", error);
        }
        return b.build();
    }

    private static JsonValue number(long n) {
        return new JsonValue.JsonNumber(n);
    }

    private static JsonValue ids(Collection<Integer> ids) {
        List<JsonValue> out = new ArrayList<>();
        ids.forEach(i -> out.add(number(i)));
        return new JsonValue.JsonArray(out);
    }
}
