package io.litj.node.actions;

import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonValue;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an {@link ActionHost} into the function the prelude calls: {@code (name, argsJson) -> answerJson}, where
 * the answer is {@code {"result": <JSON>}} or {@code {"error": "<message>"}}. Nothing thrown by the host crosses into
 * the context: a refusal becomes its message, anything else "internal error" (logged here).
 */
final class HostCalls {
    private static final Logger LOG = LoggerFactory.getLogger(HostCalls.class);

    private HostCalls() {
    }

    static ProxyExecutable proxy(ActionHost host) {
        return args -> answer(host, args);
    }

    private static String answer(ActionHost host, Value[] args) {
        if (args.length != 2 || !args[0].isString() || !args[1].isString()) {
            return error("bad call");
        }
        String name = args[0].asString();
        if (!ActionHost.FUNCTIONS.contains(name)) {
            return error("unknown function");
        }
        if (args[1].asString().length() > ActionHost.MAX_ARGS_CHARS) {
            return error("arguments longer than " + ActionHost.MAX_ARGS_CHARS + " characters as JSON");
        }
        try {
            return "{\"result\":" + host.call(name, args[1].asString()) + "}";
        } catch (ActionHostException e) {
            return error(e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("Lit Action host function {} failed", name, e);
            return error("internal error");
        }
    }

    private static String error(String message) {
        return JsJson.stringify(JsonValue.object().put("error", message).build());
    }
}
