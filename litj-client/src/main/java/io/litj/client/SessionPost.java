package io.litj.client;

import io.litj.client.internal.NodeCalls;
import io.litj.protocol.auth.SessionSig;
import io.litj.protocol.auth.SessionSigs;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * One operation sent to nodes with session sigs ({@code js-sdk-v7-wire-format.md} §8.1): the sigs are checked
 * locally first ({@link SessionSigsCheck}), then every target gets its own body, built with its own session sig,
 * under one request id.
 *
 * @param requestId the operation's {@code X-Request-Id}
 * @param outcomes each target's outcome, in target order
 */
record SessionPost(String requestId, List<NodeCalls.Outcome> outcomes) {
    /** @throws LitClientException {@code InvalidArgument} / {@code InvalidSessionSigs} as {@link SessionSigsCheck} */
    static SessionPost send(ClientConfig cfg, List<String> targets, SessionSigs sessionSigs, String path,
            BiFunction<String, SessionSig, String> body) {
        Map<String, SessionSig> sigs = SessionSigsCheck.forNodes(sessionSigs, targets, cfg.clock().instant());
        String requestId = NodeCalls.newRequestId(cfg.random());
        return new SessionPost(requestId, NodeCalls.postAll(cfg.transport(), targets, path,
                url -> body.apply(url, sigs.get(url)), requestId, cfg.requestTimeout()));
    }
}
