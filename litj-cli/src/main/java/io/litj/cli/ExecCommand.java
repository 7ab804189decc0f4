package io.litj.cli;

import io.litj.client.ExecuteJsRequest;
import io.litj.client.ExecuteJsResult;
import io.litj.client.LitClient;
import io.litj.client.LitClientException;
import io.litj.client.SessionRequest;
import io.litj.client.SessionTerms;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.auth.SessionSigs;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.resource.LitAbility;
import io.litj.protocol.resource.LitResource;
import io.litj.protocol.resource.ResourceAbilityRequest;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code litj exec}: runs a Lit Action on every node with a stored (or fresh) wallet session and prints the combined
 * result as JSON. Exit code 2 with the node error code when the nodes refuse.
 */
@Command(name = "exec", mixinStandardHelpOptions = true, description = "Run a Lit Action on every node.")
final class ExecCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    WalletOptions wallet;
    @Option(names = "--code", required = true, description = "file with the Lit Action's JavaScript")
    Path code;
    @Option(names = "--params", description = "jsParams as a JSON object")
    String params;

    @Override
    public Integer call() throws Exception {
        String source = Files.readString(code);
        JsonValue.JsonObject jsParams = params == null ? JsonValue.JsonObject.empty()
                : JsonReader.parseObject(params, LitErrorCode.InvalidArgument, "--params");
        SessionTerms anyAction = SessionTerms.of(
                ResourceAbilityRequest.of(LitResource.action("*"), LitAbility.LIT_ACTION_EXECUTION));
        PrintWriter out = spec.commandLine().getOut();
        try (LitClient client = wallet.connect()) {
            SessionSigs sigs = client.getSessionSigs(SessionRequest.of(anyAction,
                    wallet.wallet(spec.commandLine().getErr())));
            try {
                ExecuteJsResult result = client.executeJs(ExecuteJsRequest.builder().code(source).jsParams(jsParams)
                        .sessionSigs(sigs).build());
                out.println(JsJson.stringify(toJson(result)));
                out.flush();
                return 0;
            } catch (LitClientException e) {
                spec.commandLine().getErr().println("refused: [" + e.nodeErrorCode().orElse(e.code().wireName())
                        + "] " + e.getMessage());
                return 2;
            }
        }
    }

    static JsonValue.JsonObject toJson(ExecuteJsResult result) {
        List<JsonValue> nodes = new ArrayList<>();
        result.perNode().forEach((url, o) -> nodes.add(JsonValue.object().put("node", url)
                .put("response", o.response()).put("logs", o.logs()).build()));
        return JsonValue.object()
                .put("response", result.responseJson().orElse(new JsonValue.JsonString(result.response())))
                .put("logs", result.logs())
                .put("nodes", new JsonValue.JsonArray(nodes))
                .build();
    }
}
