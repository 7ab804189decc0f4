package io.litj.cli;

import io.litj.client.ExecuteJsRequest;
import io.litj.client.ExecuteJsResult;
import io.litj.client.LitClient;
import io.litj.client.LitClientException;
import io.litj.client.NodeFailure;
import io.litj.client.RateLimitExceededException;
import io.litj.client.SessionRequest;
import io.litj.client.SessionTerms;
import io.litj.protocol.IsoTime;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.auth.SessionSigs;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.resource.LitAbility;
import io.litj.protocol.resource.LitResource;
import io.litj.protocol.resource.ResourceAbilityRequest;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;

/**
 * {@code litj exec}: runs a Lit Action on every node with a stored (or fresh) wallet session and prints the combined
 * response, the action's logs and the timing; {@code --json} prints one JSON object instead. A refusal exits 4 with
 * each node's error code (printed once when every node gave the same) and the logs the action wrote before failing;
 * a rate-limit refusal also says when to try again. {@code --capacity-delegation FILE} pays with a credit holder's
 * delegation. {@code --session FILE} uses exactly the session sigs in FILE ({@code litj session create --out}).
 */
@Command(name = "exec", mixinStandardHelpOptions = true, description = "Run a Lit Action on every node.")
final class ExecCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    WalletOptions wallet;
    @Option(names = "--code", required = true, description = "file with the Lit Action's JavaScript")
    Path code;
    @Option(names = "--params", description = "jsParams as a JSON object, e.g. '{\"name\":\"x\"}'")
    String params;
    @Option(names = "--json", description = "print one JSON object {ok, response, logs, nodes, ms} (on refusal: "
            + "{ok: false, errorCode, retryAt?, nodes: [{node, status, errorCode, message}], logs})")
    boolean json;
    @Mixin
    CapacityDelegationOptions capacity;
    @Option(names = "--session", paramLabel = "FILE", description = "use exactly the session sigs in FILE (from "
            + "`litj session create --out`): no wallet is asked, nothing is signed")
    Path session;

    @Override
    public Integer call() {
        String source = readCode(code);
        if (session != null && capacity.files != null && !capacity.files.isEmpty()) {
            throw CliException.usage("--session uses the session sigs as they are; put capacity delegations in them "
                    + "with `litj session create --capacity-delegation … --out FILE`");
        }
        JsonValue.JsonObject jsParams = params == null ? JsonValue.JsonObject.empty() : parseParams(params);
        SessionTerms anyAction = SessionTerms.builder().resourceAbilityRequest(
                ResourceAbilityRequest.of(LitResource.action("*"), LitAbility.LIT_ACTION_EXECUTION))
                .capabilityAuthSigs(capacity.authSigs(Instant.now())).build();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (LitClient client = wallet.connect(err)) {
            SessionSigs sigs = session != null ? SessionFile.read(session)
                    : client.getSessionSigs(SessionRequest.of(anyAction, wallet.wallet(err)));
            long start = System.nanoTime();
            try {
                ExecuteJsResult result = client.executeJs(ExecuteJsRequest.builder().code(source).jsParams(jsParams)
                        .sessionSigs(sigs).build());
                long ms = (System.nanoTime() - start) / 1_000_000;
                if (json) {
                    out.println(JsJson.stringify(toJson(result, ms)));
                } else {
                    printResult(out, result, ms);
                }
                out.flush();
                return Exit.OK;
            } catch (LitClientException e) {
                if (!Failures.refused(e)) {
                    throw e;
                }
                String logs = logs(e);
                if (json) {
                    JsonValue.ObjectBuilder b = JsonValue.object().put("ok", new JsonValue.JsonBoolean(false));
                    e.nodeErrorCode().ifPresent(c -> b.put("errorCode", c));
                    if (e instanceof RateLimitExceededException r) {
                        r.retryAt().ifPresent(t -> b.put("retryAt", IsoTime.format(t)));
                    }
                    out.println(JsJson.stringify(b.put("nodes", Failures.toJson(e)).put("logs", logs).build()));
                    out.flush();
                    return Exit.REFUSED;
                }
                if (!logs.isEmpty()) {
                    err.println("logs of the action before it failed:");
                    logs.lines().forEach(l -> err.println("  " + l));
                }
                throw CliException.refused(Failures.describe(e, client.nodeUrls().size()));
            }
        }
    }

    static String readCode(Path file) {
        return readCode(file, "--code file");
    }

    /** The UTF-8 text of {@code file} ({@code what} names it in the error; exit 1 when missing or not UTF-8). */
    static String readCode(Path file, String what) {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw CliException.local("cannot read " + what + " " + file + ": no such file");
        } catch (java.nio.charset.MalformedInputException e) {
            throw CliException.local("cannot read " + what + " " + file + ": it is not UTF-8 text");
        } catch (IOException e) {
            throw CliException.local("cannot read " + what + " " + file + ": " + e.getMessage());
        }
    }

    /** Parses {@code --params}; a syntax error names the line, column and what was expected (exit 2). */
    static JsonValue.JsonObject parseParams(String text) {
        try {
            return JsonReader.parseObject(text, LitErrorCode.InvalidArgument, "--params");
        } catch (LitProtocolException e) {
            if (e.getCause() instanceof JacksonException j) {
                TokenStreamLocation at = j.getLocation();
                String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
                throw CliException.usage("--params is not valid JSON" + where + ": " + j.getOriginalMessage()
                        + "; write a JSON object such as '{\"name\":\"x\",\"n\":1}'");
            }
            throw CliException.usage(e.getMessage() + "; write a JSON object such as '{\"name\":\"x\",\"n\":1}'");
        }
    }

    /** The logs the nodes' error bodies carried: the most common non-empty text. */
    private static String logs(LitClientException e) {
        return e.nodeFailures().stream().map(NodeFailure::logs).filter(l -> !l.isEmpty()).findFirst().orElse("");
    }

    private static void printResult(PrintWriter out, ExecuteJsResult result, long ms) {
        out.println("response  " + result.responseJson().map(JsJson::stringify).orElse(result.response()));
        if (result.logs().isEmpty()) {
            out.println("logs      (none)");
        } else {
            out.println("logs");
            result.logs().lines().forEach(l -> out.println("  " + l));
        }
        if (result.signatures().isEmpty()) {
            out.println("signatures (none)");
        }
        result.signatures().forEach((name, sig) -> out.println("signature " + name + "  " + sig.signatureHex()
                + "  (" + sig.ethAddress() + " signed " + sig.dataSigned().hex0x() + ")"));
        out.println("nodes     " + result.perNode().size() + " answered in " + ms + " ms");
    }

    static JsonValue.JsonObject toJson(ExecuteJsResult result, long ms) {
        List<JsonValue> nodes = new ArrayList<>();
        result.perNode().forEach((url, o) -> nodes.add(JsonValue.object().put("node", url)
                .put("response", o.response()).put("logs", o.logs()).build()));
        return JsonValue.object()
                .put("ok", new JsonValue.JsonBoolean(true))
                .put("response", result.responseJson().orElse(new JsonValue.JsonString(result.response())))
                .put("logs", result.logs())
                .put("nodes", new JsonValue.JsonArray(nodes))
                .put("signatures", signatures(result))
                .put("ms", new JsonValue.JsonNumber(ms))
                .build();
    }

    /** {@code {sigName: {r, s, recid, signature, publicKey, dataSigned}}}. */
    private static JsonValue.JsonObject signatures(ExecuteJsResult result) {
        JsonValue.ObjectBuilder b = JsonValue.object();
        result.signatures().forEach((name, sig) -> b.put(name, JsonValue.object().put("r", sig.r().hex())
                .put("s", sig.s().hex()).put("recid", new JsonValue.JsonNumber(sig.recid()))
                .put("signature", sig.signatureHex()).put("publicKey", sig.publicKey().hex0x())
                .put("dataSigned", sig.dataSigned().hex0x()).build()));
        return b.build();
    }
}
