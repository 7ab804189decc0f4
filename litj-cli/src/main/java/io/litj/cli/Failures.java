package io.litj.cli;

import io.litj.client.LitClientException;
import io.litj.client.NodeFailure;
import io.litj.client.RateLimitExceededException;
import io.litj.protocol.IsoTime;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link LitClientException} into what the CLI prints and its exit code: refusals by nodes
 * ({@link Exit#REFUSED}) grouped so that an error every node gave is printed once with "(all N nodes)", and nodes or
 * an RPC endpoint that did not answer ({@link Exit#NOT_RUNNING}) with the command that checks the devnet; a
 * rate-limit refusal ({@link RateLimitExceededException}) says when to retry and how to pay.
 */
final class Failures {
    private Failures() {
    }

    /** True if some node answered with an error body (a refusal), false if nothing answered. */
    static boolean refused(LitClientException e) {
        return e.nodeFailures().stream().anyMatch(f -> !f.unreachable());
    }

    /** The exit code for {@code e}. */
    static int exitCode(LitClientException e) {
        if (refused(e)) {
            return Exit.REFUSED;
        }
        if (!e.nodeFailures().isEmpty() || e.code() == LitErrorCode.NetworkError) {
            return Exit.NOT_RUNNING;
        }
        return Exit.LOCAL_ERROR;
    }

    /**
     * One line per distinct failure: {@code [code] message (all 3 nodes)} or {@code (node url, node url)} when only
     * some nodes gave it; nodes that did not answer are named as such.
     */
    static List<String> lines(LitClientException e, int nodeCount) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (NodeFailure f : e.nodeFailures()) {
            String key = f.unreachable() ? "did not answer: " + f.message()
                    : "[" + f.errorCode().orElse("HTTP " + f.httpStatus()) + "] " + withoutCorrelationId(f.message())
                    + reasons(f);
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(f.nodeUrl());
        }
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, List<String>> g : groups.entrySet()) {
            List<String> urls = g.getValue();
            String who = urls.size() == nodeCount && nodeCount > 1 ? "all " + nodeCount + " nodes"
                    : urls.size() == 1 ? urls.get(0) : String.join(", ", urls);
            int newline = g.getKey().indexOf('\n');
            lines.add(newline < 0 ? g.getKey() + " (" + who + ")"
                    : g.getKey().substring(0, newline) + " (" + who + ")" + g.getKey().substring(newline));
        }
        return lines;
    }

    /**
     * The node's check and per-capability reasons ({@link NodeFailure#check()}, {@link NodeFailure#capabilityReasons()})
     * as {@link DenialText} lines, each on its own indented line; empty when the node named no check.
     */
    private static String reasons(NodeFailure f) {
        if (f.check().isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        DenialText.lines(f.check().get(), f.capabilityReasons()).forEach(l -> b.append("\n    ").append(l));
        return b.toString();
    }

    /** Node messages end with their own correlation id; without it, equal refusals group together. */
    private static String withoutCorrelationId(String message) {
        return message.replaceAll(" \\(correlationId [^)]*\\)$", "");
    }

    /** The whole explanation: a first line saying what happened, then {@link #lines}. */
    static String describe(LitClientException e, int nodeCount) {
        if (e.nodeFailures().isEmpty()) {
            return "[" + e.code().wireName() + "] " + e.getMessage();
        }
        String head = refused(e) ? "refused by the network:" : "the network did not answer:";
        if (e instanceof RateLimitExceededException r) {
            head = "rate limit exceeded: no capacity credit pays for this request; "
                    + r.retryAt().map(t -> "try again at " + IsoTime.format(t)).orElse("try again later")
                    + ", or pass --capacity-delegation FILE (a credit holder makes it with `litj capacity delegate`)"
                    + " or use a wallet that holds a credit:";
        }
        List<String> lines = lines(e, nodeCount);
        if (lines.size() == 1) {
            return head + " " + lines.get(0);
        }
        return head + "\n  " + String.join("\n  ", lines);
    }

    /** The per-node failures as JSON: {@code [{node, status, errorCode?, message, check?, capabilities?}]}. */
    static JsonValue.JsonArray toJson(LitClientException e) {
        List<JsonValue> items = new ArrayList<>();
        for (NodeFailure f : e.nodeFailures()) {
            JsonValue.ObjectBuilder b = JsonValue.object().put("node", f.nodeUrl())
                    .put("status", new JsonValue.JsonNumber(f.httpStatus()));
            f.errorCode().ifPresent(c -> b.put("errorCode", c));
            b.put("message", f.message());
            f.check().ifPresent(c -> b.put("check", c));
            List<JsonValue> reasons = new ArrayList<>();
            f.capabilityReasons().forEach(r -> reasons.add(JsonValue.object()
                    .put("capability", new JsonValue.JsonNumber(r.index())).put("check", r.check())
                    .put("errorCode", r.errorCode()).put("message", r.message()).build()));
            if (!reasons.isEmpty()) {
                b.put("capabilities", new JsonValue.JsonArray(reasons));
            }
            items.add(b.build());
        }
        return new JsonValue.JsonArray(items);
    }
}
