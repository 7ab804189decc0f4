package io.litj.client;

import io.litj.client.internal.NodeCalls;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.acc.AccIdentity;
import io.litj.protocol.acc.ConditionSet;
import io.litj.protocol.auth.SessionSig;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonValue;
import io.litj.threshold.ThresholdException;
import io.litj.threshold.bls.BlsPublicKey;
import io.litj.threshold.bls.BlsSignature;
import io.litj.threshold.bls.TimeLock;
import io.litj.threshold.bls.TimeLockCiphertext;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code encrypt} and {@code decrypt} ({@code js-sdk-v7-wire-format.md} §8.4, {@code lit-node-behaviour.md} §6.2).
 * Encrypting is local: a time-lock ciphertext to the identity under the subnet key. Decrypting POSTs the JS SDK
 * 7.4.0's body to {@code /web/encryption/sign/} on every node (each with its own session sig), needs
 * {@code minNodeCount} shares, combines them into the network's signature over the identity, verifies it under the
 * subnet key and opens the ciphertext, whose integrity check must pass. The plaintext is never logged.
 */
final class DecryptCall {
    /** The JS SDK's {@code LIT_ENDPOINT.ENCRYPTION_SIGN} with version {@code V0} ({@code "/"}). */
    static final String PATH = "/web/encryption/sign/";
    private static final Logger LOG = LoggerFactory.getLogger(DecryptCall.class);

    private DecryptCall() {
    }

    /** @throws LitClientException as {@link LitClient#encrypt} */
    static EncryptResult encrypt(ConditionSet conditions, byte[] plaintext, BlsPublicKey key, SecureRandom random) {
        AccIdentity identity = AccIdentity.of(conditions, plaintext);
        try {
            TimeLockCiphertext ct = TimeLock.encrypt(key, identity.message(), plaintext, random);
            return new EncryptResult(ct.toBase64(), identity.dataToEncryptHash());
        } catch (ThresholdException e) {
            throw new LitClientException(e.code(), e.getMessage(), e);
        }
    }

    /** @throws LitClientException as {@link LitClient#decrypt} */
    static DecryptedData decrypt(DecryptRequest request, ClientConfig cfg, ConnectionState state) {
        BlsPublicKey key = state.requireSubnetKey();
        TimeLockCiphertext ciphertext = parse(request.ciphertext());
        List<String> targets = state.nodeUrls();
        SessionPost post = SessionPost.send(cfg, targets, request.sessionSigs(), PATH,
                (url, sig) -> body(request, sig, state.epoch()));
        String requestId = post.requestId();
        List<NodeFailure> failures = new ArrayList<>();
        List<BlsShareAnswers.NodeShare> shares = BlsShareAnswers.read(post.outcomes(), failures);
        if (shares.size() < state.minNodeCount()) {
            throw NodeCalls.failed("decrypt", failures, targets.size(), requestId);
        }
        if (!failures.isEmpty()) {
            LOG.debug("decrypt (request {}): {} nodes failed, {} shares suffice: {}", requestId, failures.size(),
                    shares.size(), NodeCalls.describeAll(failures));
        }
        byte[] identity = request.identity().message();
        BlsSignature signature = BlsShareAnswers.combine("decrypt (request " + requestId + ")", shares,
                state.minNodeCount(), key, identity);
        try {
            return DecryptedData.own(TimeLock.decrypt(ciphertext, signature).exportSecret());
        } catch (ThresholdException e) {
            throw new LitClientException(LitErrorCode.InvalidSignature, "decrypt: the ciphertext does not open with"
                    + " the network's signature over " + request.identity().uri() + ": it was altered or made for"
                    + " another identity", e);
        }
    }

    /**
     * The JS SDK's body: {@code {<conditions field>: [...], dataToEncryptHash, chain, authSig, epoch}} (absent
     * condition kinds omitted, as {@code JSON.stringify} drops {@code undefined}).
     */
    static String body(DecryptRequest request, SessionSig sig, long epoch) {
        ConditionSet conditions = request.conditions();
        return JsJson.stringify(JsonValue.object()
                .put(conditions.kind().field(), conditions.canonicalArray())
                .put("dataToEncryptHash", request.dataToEncryptHash())
                .put("chain", request.chain())
                .put("authSig", sig.toAuthSig().toJson())
                .put("epoch", new JsonValue.JsonNumber(epoch))
                .build());
    }

    private static TimeLockCiphertext parse(String base64) {
        try {
            return TimeLockCiphertext.parse(base64);
        } catch (ThresholdException e) {
            throw new LitClientException(LitErrorCode.InvalidArgument, "decrypt: the ciphertext is malformed: "
                    + e.getMessage(), e);
        }
    }
}
