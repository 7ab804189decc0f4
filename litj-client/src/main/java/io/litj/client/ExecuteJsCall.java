package io.litj.client;

import io.litj.client.internal.Majority;
import io.litj.client.internal.NodeCalls;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.auth.SessionSig;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code executeJs} ({@code js-sdk-v7-wire-format.md} §8.1–8.2): check the session sigs locally, POST
 * {@code /web/execute/v1} to every connected node (or one random node) with that node's own session sig, require
 * every answer to succeed, and combine: {@code response} by strategy, {@code logs} most common.
 */
final class ExecuteJsCall {
    static final String PATH = "/web/execute/v1";

    private ExecuteJsCall() {
    }

    /**
     * Runs {@code request} on the connected nodes of {@code state} through the transport of {@code cfg}.
     *
     * @throws LitClientException as {@link LitClient#executeJs}
     */
    static ExecuteJsResult run(ExecuteJsRequest request, ClientConfig cfg, ConnectionState state) {
        List<String> targets = request.useSingleNode()
                ? List.of(state.nodeUrls().get(cfg.random().nextInt(state.nodeUrls().size())))
                : state.nodeUrls();
        SessionPost post = SessionPost.send(cfg, targets, request.sessionSigs(), PATH,
                (url, sig) -> body(request, sig, state.epoch()));
        String requestId = post.requestId();
        List<NodeFailure> failures = new ArrayList<>();
        Map<String, NodeOutcome> perNode = new LinkedHashMap<>();
        for (NodeCalls.Outcome o : post.outcomes()) {
            o.failure().ifPresent(failures::add);
            o.answer().ifPresent(a -> read(o.nodeUrl(), a).ifPresentOrElse(n -> perNode.put(o.nodeUrl(), n),
                    () -> failures.add(new NodeFailure(o.nodeUrl(), 200, Optional.empty(),
                            "answered success=false, or with signedData/claimData that are not objects", List.of()))));
        }
        if (!failures.isEmpty()) {
            throw NodeCalls.failed("executeJs", failures, targets.size(), requestId);
        }
        List<String> responses = perNode.values().stream().map(NodeOutcome::response).toList();
        String response = (request.responseStrategy() == ResponseStrategy.MOST_COMMON
                ? Majority.mostCommon(responses) : Majority.leastCommon(responses)).orElse("");
        String logs = Majority.mostCommon(perNode.values().stream().map(NodeOutcome::logs).toList()).orElse("");
        return new ExecuteJsResult(response, parse(response), logs, perNode,
                SignedDataCombination.combine(perNode, state.minNodeCount(), requestId));
    }

    private static String body(ExecuteJsRequest request, SessionSig sig, long epoch) {
        JsonValue.ObjectBuilder b = JsonValue.object();
        request.code().ifPresent(code -> b.put("code",
                Base64.getEncoder().encodeToString(code.getBytes(StandardCharsets.UTF_8))));
        request.ipfsId().ifPresent(id -> b.put("ipfsId", id));
        request.jsParams().ifPresent(p -> b.put("jsParams", p));
        b.put("authSig", sig.toAuthSig().toJson());
        b.put("epoch", new JsonValue.JsonNumber(epoch));
        return JsJson.stringify(b.build());
    }

    /** A node's answer, or empty if it does not count as a success. */
    private static Optional<NodeOutcome> read(String url, JsonValue.JsonObject answer) {
        if (answer.get("success").orElse(null) instanceof JsonValue.JsonBoolean ok && !ok.value()) {
            return Optional.empty();
        }
        Optional<JsonValue.JsonObject> signed = objectOrEmpty(answer, "signedData");
        Optional<JsonValue.JsonObject> claims = objectOrEmpty(answer, "claimData");
        if (signed.isEmpty() || claims.isEmpty()) {
            return Optional.empty();
        }
        String response = switch (answer.get("response").orElse(JsonValue.JsonNull.INSTANCE)) {
            case JsonValue.JsonString s -> s.value();
            case JsonValue.JsonNull n -> "";
            case JsonValue other -> JsJson.stringify(other);
        };
        String logs = answer.get("logs").filter(v -> v instanceof JsonValue.JsonString)
                .map(v -> ((JsonValue.JsonString) v).value()).orElse("");
        return Optional.of(new NodeOutcome(response, logs, signed.get(), claims.get()));
    }

    /** The member as an object; absent counts as empty; any other type is refused. */
    private static Optional<JsonValue.JsonObject> objectOrEmpty(JsonValue.JsonObject o, String name) {
        JsonValue v = o.get(name).orElse(JsonValue.JsonObject.empty());
        return v instanceof JsonValue.JsonObject obj ? Optional.of(obj) : Optional.empty();
    }

    private static Optional<JsonValue> parse(String response) {
        if (response.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(JsonReader.parse(response, LitErrorCode.NodeError, "response"));
        } catch (LitProtocolException e) {
            return Optional.empty();
        }
    }
}
