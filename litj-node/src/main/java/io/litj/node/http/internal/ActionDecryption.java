package io.litj.node.http.internal;

import io.litj.node.LitNodeException;
import io.litj.node.actions.ActionHostException;
import io.litj.node.ecdsa.DecryptionExchange;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.acc.AccIdentity;
import io.litj.protocol.acc.ConditionSet;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonValue;
import io.litj.threshold.ThresholdException;
import io.litj.threshold.bls.BlsCombiner;
import io.litj.threshold.bls.BlsSignature;
import io.litj.threshold.bls.BlsSignatureShare;
import io.litj.threshold.bls.TimeLock;
import io.litj.threshold.bls.TimeLockCiphertext;
import io.litj.threshold.bls.TimeLockPlaintext;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code Lit.Actions.decryptAndCombine({accessControlConditions, ciphertext, dataToEncryptHash, authSig, chain})}
 * and {@code decryptToSingleNode} of one action run ({@code lit-node-behaviour.md} §6, §13). Steps, in order: the
 * arguments' shape (conditions as the endpoints count them; {@code ciphertext} base64, {@code NodeParserError};
 * {@code dataToEncryptHash} 64 lowercase hex digits, {@code NodeBadInput}); then on each node the caller
 * ({@link ActionEncryption#caller}), the evaluation ({@code NodeAccessControlConditionsReturnedNotAuthorized}) and
 * the node's BLS share of the identity's key; the exchange of shares ({@link DecryptionExchange}; a node whose step
 * failed takes part with nothing, so the others fail at once); the combination, verified under the network key
 * ({@code NodeSystemFault} if it fails); the opening of the ciphertext ({@code NodeBadInput} if it was not made for
 * that identity). The action gets the plaintext as UTF-8 text; for {@code decryptToSingleNode} only the request's
 * receiver does, the other nodes' actions get {@code ""} and never see a share. The plaintext is never logged. At
 * most {@value #MAX_DECRYPTIONS} decryptions per run, counted before anything else.
 * Thread-safe.
 */
final class ActionDecryption {
    /** Most decryptions one action run may make. */
    static final int MAX_DECRYPTIONS = 8;

    private final DecryptionExchange exchange;
    private final String requestId;
    private int calls;

    ActionDecryption(DecryptionExchange exchange, String requestId) {
        this.exchange = Objects.requireNonNull(exchange, "exchange");
        this.requestId = Objects.requireNonNull(requestId, "requestId");
    }

    /** The plaintext as a JSON string, or {@code ""} on a node that is not the single receiver. */
    String decrypt(ActionEncryption host, JsonValue.JsonObject args, boolean single) {
        int call = nextCall();
        ConditionSet set = ActionEncryption.conditions(args, "accessControlConditions");
        TimeLockCiphertext ciphertext;
        AccIdentity identity;
        try {
            ciphertext = TimeLockCiphertext.parse(text(args, "ciphertext"));
            identity = new AccIdentity(set.hashHex(), text(args, "dataToEncryptHash"));
        } catch (ThresholdException e) {
            throw ActionEncryption.refused(e);
        } catch (LitProtocolException e) {
            throw new LitNodeException(LitErrorCode.NodeBadInput, e.getMessage());
        }
        Optional<BlsSignatureShare> mine = Optional.empty();
        LitNodeException failed = null;
        try {
            if (!host.holds(set, host.caller(args, identity.decryptionRequest()))) {
                throw new LitNodeException(LitErrorCode.NodeAccessControlConditionsReturnedNotAuthorized,
                        "the access control conditions (hash " + set.hashHex() + ") do not hold for the caller");
            }
            mine = Optional.of(host.signer().sign(identity.message()));
        } catch (LitNodeException e) {
            failed = e;
        }
        String session = requestId + "\n" + call;
        Optional<List<BlsSignatureShare>> shares = single
                ? exchange.toReceiver(session, identity.message(), mine)
                : Optional.of(exchange.withEveryone(session, identity.message(), mine));
        if (failed != null) {
            throw failed;
        }
        if (shares.isEmpty()) {
            return "\"\"";
        }
        return JsJson.quote(open(ciphertext, identity, shares.get(), host));
    }

    private synchronized int nextCall() {
        if (calls >= MAX_DECRYPTIONS) {
            throw new ActionHostException("an action decrypts at most " + MAX_DECRYPTIONS + " times");
        }
        return ++calls;
    }

    private String open(TimeLockCiphertext ciphertext, AccIdentity identity, List<BlsSignatureShare> shares,
            ActionEncryption host) {
        BlsSignature key;
        try {
            key = BlsCombiner.combineAndVerify(shares, exchange.threshold(), host.signer().rootPublicKey(),
                    identity.message());
        } catch (ThresholdException e) {
            throw new LitNodeException(LitErrorCode.NodeSystemFault, "the decryption shares do not combine: "
                    + e.getMessage());
        }
        TimeLockPlaintext plaintext;
        try {
            plaintext = TimeLock.decrypt(ciphertext, key);
        } catch (ThresholdException e) {
            throw new LitNodeException(LitErrorCode.NodeBadInput, "the ciphertext was not made for "
                    + identity.uri());
        }
        byte[] bytes = plaintext.exportSecret();
        try {
            return new String(bytes, StandardCharsets.UTF_8);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private static String text(JsonValue.JsonObject args, String name) {
        if (args.get(name).orElse(null) instanceof JsonValue.JsonString s) {
            return s.value();
        }
        throw new ActionHostException(name + " must be a string");
    }
}
