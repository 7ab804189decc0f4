package io.litj.client;

import io.litj.client.internal.NodeCalls;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonValue;
import io.litj.threshold.ThresholdException;
import io.litj.threshold.bls.BlsCombiner;
import io.litj.threshold.bls.BlsPublicKey;
import io.litj.threshold.bls.BlsSignature;
import io.litj.threshold.bls.BlsSignatureShare;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The BLS signature shares in the nodes' answers to {@code /web/encryption/sign} and
 * {@code /web/signing/access_control_condition}: {@code {"result":"success","signatureShare":{"ProofOfPossession":
 * "<id‖G2>"},"shareIndex":n,…}} ({@code js-sdk-v7-wire-format.md} §8.4). An answer without a readable share
 * becomes a {@link NodeFailure}; combining keeps a signature only after it verified.
 */
final class BlsShareAnswers {
    /** One node's answer with the share read from it. */
    record NodeShare(String nodeUrl, JsonValue.JsonObject answer, BlsSignatureShare share) {
    }

    private BlsShareAnswers() {
    }

    /** The readable shares, in node order; every other outcome is added to {@code failures}. */
    static List<NodeShare> read(List<NodeCalls.Outcome> outcomes, List<NodeFailure> failures) {
        List<NodeShare> out = new ArrayList<>();
        for (NodeCalls.Outcome o : outcomes) {
            o.failure().ifPresent(failures::add);
            o.answer().ifPresent(a -> {
                Optional<JsonValue> share = a.get("signatureShare");
                try {
                    out.add(new NodeShare(o.nodeUrl(), a, BlsSignatureShare.parseWire(JsJson.stringify(
                            share.orElseThrow(() -> new LitClientException(LitErrorCode.NoValidShares,
                                    "no signatureShare"))))));
                } catch (LitClientException | LitProtocolException | ThresholdException e) {
                    failures.add(new NodeFailure(o.nodeUrl(), 200, Optional.empty(), "unusable answer: "
                            + e.getMessage(), List.of()));
                }
            });
        }
        return out;
    }

    /**
     * Combines at least {@code threshold} shares into the network's signature over {@code message}, verified under
     * {@code key}.
     *
     * @throws LitClientException {@code InvalidSignature} when no {@code threshold} of them combine into a
     *     signature the key verifies
     */
    static BlsSignature combine(String what, List<NodeShare> shares, int threshold, BlsPublicKey key,
            byte[] message) {
        try {
            return BlsCombiner.combineAndVerify(shares.stream().map(NodeShare::share).toList(), threshold, key,
                    message);
        } catch (ThresholdException e) {
            throw new LitClientException(LitErrorCode.InvalidSignature, what + ": the nodes' signature shares do not"
                    + " combine into a signature the network key verifies: " + e.getMessage(), e);
        }
    }
}
