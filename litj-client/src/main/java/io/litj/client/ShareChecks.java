package io.litj.client;

import io.litj.protocol.crypto.Bytes;
import io.litj.protocol.crypto.Hex;
import io.litj.protocol.json.JsonValue;
import io.litj.threshold.ThresholdException;
import io.litj.threshold.ecdsa.EcdsaCombiner;
import io.litj.threshold.ecdsa.EcdsaSignatureShare;
import io.litj.threshold.ecdsa.Participants;
import io.litj.threshold.ecdsa.ShareCommitments;
import io.litj.protocol.LitProtocolException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Names the node whose ECDSA share is bad from the litj-only {@value #MEMBER} member of litj nodes' {@code pkp/sign}
 * answers: each signer's share index and the presignature's public data ({@code K_j}, {@code Σ_j} of every party),
 * with which a share is checked by itself ({@link ShareCommitments}). Used only after the sum failed to verify:
 * <ol>
 *   <li>a node whose member is malformed, or that claims a share index another node claims, is named;</li>
 *   <li>honest signers send identical data; for each distinct data, the shares that do not match it are found. Data
 *   that every share matches although the sum does not verify is false (under the true data all-matching shares sum
 *   to a valid signature): the nodes that sent it are named;</li>
 *   <li>the data sent by the most nodes decides: the nodes whose shares do not match it are named, and so are the
 *   nodes that sent other data. Two data sent by as many nodes each (a two-party set where one node also lies about
 *   the other's public data) leave no majority: every node involved is named as a suspect.</li>
 * </ol>
 * Empty when a signer sent no member (a Datil node): the caller then falls back to what the Datil fields allow.
 */
final class ShareChecks {
    /** The member's name in a node's answer (the node's {@code PkpSignEndpoint.SHARE_CHECK}). */
    static final String MEMBER = "litjShareCheck";

    private ShareChecks() {
    }

    /** One node's claim: its share index and the presignature data. */
    private record Claim(int shareIndex, ShareCommitments data) {
    }

    /**
     * @param good the well-formed shares by node URL (their {@code big_r} agree), whose sum does not verify
     * @param checks each node's {@value #MEMBER} member, by node URL
     * @return the nodes to name, or empty if a signer sent no member
     */
    static Optional<List<NodeFailure>> blame(Map<String, EcdsaSignatureShare> good, Map<String, JsonValue> checks,
            Bytes digest) {
        if (!checks.keySet().containsAll(good.keySet())) {
            return Optional.empty();
        }
        Map<String, String> named = new LinkedHashMap<>();
        Map<String, Claim> claims = new LinkedHashMap<>();
        Map<Integer, String> byIndex = new HashMap<>();
        for (Map.Entry<String, EcdsaSignatureShare> e : good.entrySet()) {
            String url = e.getKey();
            try {
                Claim c = claim(checks.get(url), e.getValue().bigR());
                String other = byIndex.putIfAbsent(c.shareIndex(), url);
                if (other != null) {
                    named.put(url, "it claims share index " + c.shareIndex() + ", as " + other + " does");
                    named.putIfAbsent(other, "it claims share index " + c.shareIndex() + ", as " + url + " does");
                } else {
                    claims.put(url, c);
                }
            } catch (ThresholdException | LitProtocolException | IllegalArgumentException x) {
                named.put(url, "its " + MEMBER + " is malformed: " + x.getMessage());
            }
        }
        claims.keySet().removeAll(named.keySet());
        Map<ShareCommitments, List<String>> senders = new LinkedHashMap<>();
        claims.forEach((url, c) -> senders.computeIfAbsent(c.data(), d -> new ArrayList<>()).add(url));
        Map<ShareCommitments, List<String>> mismatched = new LinkedHashMap<>();
        for (ShareCommitments data : senders.keySet()) {
            List<String> wrong = new ArrayList<>();
            claims.forEach((url, c) -> {
                if (!data.participants().contains(c.shareIndex())
                        || !data.matches(c.shareIndex(), good.get(url).signatureShare(), digest.toByteArray())) {
                    wrong.add(url);
                }
            });
            if (wrong.isEmpty()) {
                senders.get(data).forEach(url -> named.put(url, "its presignature data fits every share, yet the "
                        + "shares do not sum to a valid signature: the data is false"));
            } else {
                mismatched.put(data, wrong);
            }
        }
        int most = mismatched.keySet().stream().mapToInt(d -> senders.get(d).size()).max().orElse(0);
        List<ShareCommitments> leaders = mismatched.keySet().stream().filter(d -> senders.get(d).size() == most)
                .toList();
        if (leaders.size() == 1) {
            ShareCommitments data = leaders.get(0);
            for (String url : mismatched.get(data)) {
                named.putIfAbsent(url, "its signature share does not match the presignature's public data sent by "
                        + senders.get(data));
            }
            mismatched.keySet().stream().filter(d -> !d.equals(data)).forEach(d -> senders.get(d).forEach(url ->
                    named.putIfAbsent(url, "its presignature data differs from that of " + senders.get(data))));
        } else {
            for (ShareCommitments data : leaders) {
                for (String url : senders.get(data)) {
                    named.putIfAbsent(url, "suspect: the signers' presignature data disagree and no data is sent "
                            + "by more of them; one of " + claims.keySet() + " lies about it");
                }
            }
        }
        List<NodeFailure> out = new ArrayList<>();
        named.forEach((url, reason) -> out.add(new NodeFailure(url, 200, Optional.empty(), reason, List.of())));
        return Optional.of(out);
    }

    /**
     * {@code {"shareIndex":i,"parties":[{"index":j,"k":"<33 bytes hex>","sigma":"<33 bytes hex>"},…]}}, at most
     * {@link EcdsaCombiner#MAX_SHARES} parties (counted before any point is read).
     */
    private static Claim claim(JsonValue raw, Bytes bigR) {
        if (!(raw instanceof JsonValue.JsonObject o) || !(o.get("parties").orElse(null) instanceof JsonValue.JsonArray a)
                || a.items().size() > EcdsaCombiner.MAX_SHARES) {
            throw new IllegalArgumentException("not an object with at most " + EcdsaCombiner.MAX_SHARES + " parties");
        }
        int self = index(o.get("shareIndex").orElse(null));
        Map<Integer, Bytes> k = new TreeMap<>();
        Map<Integer, Bytes> sigma = new TreeMap<>();
        for (JsonValue item : a.items()) {
            if (!(item instanceof JsonValue.JsonObject p)) {
                throw new IllegalArgumentException("a party is not an object");
            }
            int j = index(p.get("index").orElse(null));
            if (k.put(j, point(p.get("k").orElse(null), "k")) != null) {
                throw new IllegalArgumentException("party " + j + " is listed twice");
            }
            sigma.put(j, point(p.get("sigma").orElse(null), "sigma"));
        }
        Participants parties = new Participants(List.copyOf(k.keySet()), k.size());
        return new Claim(self, ShareCommitments.parse(parties, bigR, k, sigma));
    }

    private static int index(JsonValue v) {
        if (v instanceof JsonValue.JsonNumber n && n.value() == Math.rint(n.value()) && n.value() >= 1
                && n.value() <= EcdsaCombiner.MAX_SHARES) {
            return (int) n.value();
        }
        throw new IllegalArgumentException("a share index must be a whole number in 1.." + EcdsaCombiner.MAX_SHARES);
    }

    private static Bytes point(JsonValue v, String name) {
        if (v instanceof JsonValue.JsonString s) {
            return Bytes.of(Hex.decodeExact(s.value(), 33, name));
        }
        throw new IllegalArgumentException(name + " must be the hex of a 33-byte point");
    }
}
