package io.litj.client;

import io.litj.client.internal.Majority;
import io.litj.client.internal.NodeCalls;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.Bytes;
import io.litj.protocol.json.JsonValue;
import io.litj.threshold.ThresholdException;
import io.litj.threshold.ecdsa.EcdsaCombiner;
import io.litj.threshold.ecdsa.EcdsaSignature;
import io.litj.threshold.ecdsa.EcdsaSignatureShare;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Combines the ECDSA signature shares of one signature, one share per node, into a verified {@link PkpSignature}
 * and, when they do not combine, names the nodes whose shares are bad. Order of checks:
 * <ol>
 *   <li>nodes without a share ({@code "result":"fail"}, empty {@code signature_share}) are skipped, as the JS SDK
 *   does;</li>
 *   <li>a share that is malformed, not K256, for another digest or key (the requested ones, else the most common),
 *   or with a {@code big_r} other than the most common is bad, and its node is named;</li>
 *   <li>fewer than {@code minShares} shares left: {@code NoValidShares};</li>
 *   <li>the sum must verify under the key; if it does not and litj nodes sent their presignature data
 *   ({@link ShareChecks}), each share is checked against it and the bad node named exactly; else, if more than
 *   {@code minShares} shares came, each
 *   subset (largest first, at most {@value #MAX_SUBSETS} tried) is combined and the nodes left out of the first
 *   that verifies are named; with exactly {@code minShares} shares the Datil answer has nothing more to check a
 *   share against (no per-party public data, {@code share_index} 0), so every contributing node is named as a
 *   suspect.</li>
 * </ol>
 * Any bad share fails the call ({@code InvalidSignature}, one {@link NodeFailure} per named node), even when the
 * other shares would combine: a node that sends a bad share is reported, not silently ignored.
 */
final class ShareCombination {
    /** The most subsets tried to find which share spoils the sum. */
    static final int MAX_SUBSETS = 512;

    private ShareCombination() {
    }

    /**
     * @param what what is being signed, for messages (e.g. {@code "pkpSign"}, {@code "signature sig1"})
     * @param rawByNode each node's share object by node URL, in node order (at most
     *     {@link EcdsaCombiner#MAX_SHARES})
     * @param key the PKP key the signature must verify under, if known (else the shares' most common)
     * @param digest the digest that must be signed, if known (else the shares' most common)
     * @param minShares how many shares at least ({@code minNodeCount})
     */
    static PkpSignature combine(String what, Map<String, JsonValue> rawByNode,
            Optional<Bytes> key, Optional<Bytes> digest, int minShares) {
        return combine(what, rawByNode, Map.of(), key, digest, minShares);
    }

    /**
     * As above; {@code checksByNode} holds litj nodes' {@value ShareChecks#MEMBER} members by node URL, with which a
     * sum that does not verify names the bad node exactly ({@link ShareChecks}).
     */
    static PkpSignature combine(String what, Map<String, JsonValue> rawByNode, Map<String, JsonValue> checksByNode,
            Optional<Bytes> key, Optional<Bytes> digest, int minShares) {
        if (rawByNode.size() > EcdsaCombiner.MAX_SHARES) {
            throw new LitClientException(LitErrorCode.InvalidArgument, what + ": at most "
                    + EcdsaCombiner.MAX_SHARES + " shares combine, not " + rawByNode.size());
        }
        Map<String, EcdsaSignatureShare> good = new LinkedHashMap<>();
        List<NodeFailure> bad = new ArrayList<>();
        int index = 0;
        for (Map.Entry<String, JsonValue> e : rawByNode.entrySet()) {
            index++;
            switch (ShareReader.read(e.getValue(), index)) {
                case ShareReader.Skipped s -> { }
                case ShareReader.Bad b -> bad.add(failure(e.getKey(), b.reason()));
                case ShareReader.Good g -> good.put(e.getKey(), g.share());
            }
        }
        Bytes wantKey = key.or(() -> Majority.mostCommon(good.values().stream()
                .map(EcdsaSignatureShare::publicKey).toList())).orElse(null);
        Bytes wantDigest = digest.or(() -> Majority.mostCommon(good.values().stream()
                .map(EcdsaSignatureShare::digest).toList())).orElse(null);
        Bytes bigR = Majority.mostCommon(good.values().stream().map(EcdsaSignatureShare::bigR).toList())
                .orElse(null);
        good.entrySet().removeIf(e -> {
            EcdsaSignatureShare s = e.getValue();
            String reason = !s.publicKey().equals(wantKey) ? "its share is for key " + s.publicKey().hex()
                    + ", not " + wantKey.hex()
                    : !s.digest().equals(wantDigest) ? "its share signs digest " + s.digest().hex() + ", not "
                    + wantDigest.hex()
                    : !s.bigR().equals(bigR) ? "its share has big_r " + s.bigR().hex() + " but the others' is "
                    + bigR.hex() : null;
            if (reason != null) {
                bad.add(failure(e.getKey(), reason));
            }
            return reason != null;
        });
        if (!bad.isEmpty()) {
            throw badShares(what, bad);
        }
        if (good.size() < minShares) {
            throw new LitClientException(LitErrorCode.NoValidShares, what + ": " + good.size()
                    + " nodes sent a signature share but " + minShares + " are needed");
        }
        List<EcdsaSignatureShare> all = List.copyOf(good.values());
        try {
            return toResult(EcdsaCombiner.combine(all, wantKey, wantDigest.toByteArray()), wantKey, wantDigest);
        } catch (ThresholdException e) {
            throw badShares(what, ShareChecks.blame(good, checksByNode, wantDigest)
                    .orElseGet(() -> suspects(good, minShares, wantKey, wantDigest, e)));
        }
    }

    /** The nodes to name when the sum of {@code good} does not verify. */
    private static List<NodeFailure> suspects(Map<String, EcdsaSignatureShare> good, int minShares, Bytes key,
            Bytes digest, ThresholdException cause) {
        List<String> urls = List.copyOf(good.keySet());
        Optional<List<Integer>> left = SubsetSearch.firstVerifying(urls.size(), minShares, MAX_SUBSETS, subset -> {
            List<EcdsaSignatureShare> shares = new ArrayList<>();
            subset.forEach(i -> shares.add(good.get(urls.get(i))));
            try {
                EcdsaCombiner.combine(shares, key, digest.toByteArray());
                return true;
            } catch (ThresholdException e) {
                return false;
            }
        });
        List<NodeFailure> out = new ArrayList<>();
        if (left.isPresent()) {
            for (int i = 0; i < urls.size(); i++) {
                if (!left.get().contains(i)) {
                    out.add(failure(urls.get(i), "its signature share is wrong: the shares of the other nodes "
                            + left.get().stream().map(urls::get).toList() + " combine into a valid signature"));
                }
            }
            return out;
        }
        for (String url : urls) {
            out.add(failure(url, "suspect: the " + urls.size() + " shares do not combine into a valid signature ("
                    + cause.getMessage() + "); the answers carry no per-share public data to tell which is wrong"));
        }
        return out;
    }

    private static PkpSignature toResult(EcdsaSignature sig, Bytes key, Bytes digest) {
        return new PkpSignature(sig.r(), sig.s(), sig.recid(), Bytes.of(sig.toBytes65()), key, digest);
    }

    private static NodeFailure failure(String url, String reason) {
        return new NodeFailure(url, 200, Optional.empty(), reason, List.of());
    }

    private static LitClientException badShares(String what, List<NodeFailure> bad) {
        return new LitClientException(LitErrorCode.InvalidSignature, what + ": bad signature share from "
                + bad.stream().map(NodeFailure::nodeUrl).toList() + ": "
                + NodeCalls.describeAll(bad), bad);
    }
}
