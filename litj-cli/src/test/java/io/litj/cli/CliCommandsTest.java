package io.litj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.devnet.Devnet;
import io.litj.devnet.DevnetConfig;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.auth.SessionSigs;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code litj session create|inspect} and {@code litj exec} against a running devnet, through {@link Main}. */
class CliCommandsTest {
    private static final String KEY = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";
    private static Devnet devnet;

    @TempDir
    static Path temp;

    @BeforeAll
    static void start() {
        devnet = Devnet.start(DevnetConfig.defaults(temp.resolve("devnet")).withPorts(0, 0), Clock.systemUTC(),
                new SecureRandom());
    }

    @AfterAll
    static void stop() {
        if (devnet != null) {
            devnet.close();
        }
    }

    private record Run(int code, String out, String err) {
        String both() {
            return "exit " + code + "\nstdout:\n" + out + "\nstderr:\n" + err;
        }
    }

    private static Run litj(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void sessionCreate_thenInspect_explainsAndJudgesRequests() throws IOException {
        Run created = litj("session", "create", "--rpc-url", devnet.rpcUrl(), "--private-key", KEY, "--store",
                temp.resolve("store").toString(), "--resource", "lit-litaction://*");
        assertEquals(0, created.code(), created.err());
        SessionSigs sigs = SessionSigs.parse(created.out().strip());
        assertEquals(devnet.nodeUrls(), java.util.List.copyOf(sigs.byNodeUrl().keySet()));
        Path file = Files.writeString(temp.resolve("sigs.json"), created.out());

        Run allowed = litj("session", "inspect", file.toString(), "--resource", "lit-litaction://QmAnything");
        assertEquals(0, allowed.code(), allowed.out() + allowed.err());
        assertTrue(allowed.out().contains("grants      Threshold/Execution on lit-litaction://*"), allowed.out());
        assertTrue(allowed.out().contains("(signature verified)"), allowed.out());
        assertTrue(allowed.out().contains("ALLOWED for 0x70997970C51812dc3A010C7d01b50e0d17dc79C8 through capability 0"),
                allowed.out());

        Run refused = litj("session", "inspect", file.toString(), "--resource", "lit-pkp://*");
        assertEquals(4, refused.code(), refused.out());
        assertTrue(refused.out().contains("REFUSED NodeResourceIdNotFound by ResourceRequestedCheck"), refused.out());
    }

    @Test
    void sessionCreate_legacyResourceStrings_grantAndJudgeAsTheirTodayForms() throws IOException {
        Run created = litj("session", "create", "--rpc-url", devnet.rpcUrl(), "--private-key-file", keyFile(),
                "--no-store", "--resource", "litActionCapability://*", "--resource", "litRLICapability://*");
        assertEquals(0, created.code(), created.err());
        Path file = Files.writeString(temp.resolve("legacy.json"), created.out());

        Run allowed = litj("session", "inspect", file.toString(), "--resource", "litAction://QmAnything");
        assertEquals(0, allowed.code(), allowed.out() + allowed.err());
        assertTrue(allowed.out().contains("grants      Threshold/Execution on lit-litaction://*"), allowed.out());
        assertTrue(allowed.out().contains("Auth/Auth on lit-ratelimitincrease://*"), allowed.out());

        Run refused = litj("session", "inspect", file.toString(), "--resource", "litPKP://*");
        assertEquals(4, refused.code(), refused.out());
        assertTrue(refused.out().contains("lit-pkp://* pkp-signing: REFUSED NodeResourceIdNotFound"), refused.out());

        Run unknown = litj("session", "inspect", file.toString(), "--resource", "litFoo://x");
        assertEquals(2, unknown.code(), unknown.out() + unknown.err());
    }

    private static Path createdSigs(String name) throws IOException {
        Run created = litj("session", "create", "--rpc-url", devnet.rpcUrl(), "--private-key-file", keyFile(),
                "--no-store", "--resource", "lit-litaction://*");
        assertEquals(0, created.code(), created.err());
        return Files.writeString(temp.resolve(name), created.out());
    }

    private static String keyFile() throws IOException {
        return Files.writeString(temp.resolve("wallet.key"), KEY + "\n").toString();
    }

    @Test
    void inspect_identicalSigsForEveryNode_describesThemOnceAndJudgesOnce() throws IOException {
        Path file = createdSigs("once.json");

        Run r = litj("session", "inspect", file.toString(), "--resource", "lit-pkp://*");

        assertEquals(4, r.code(), r.out());
        assertTrue(r.out().startsWith("nodes " + String.join(", ", devnet.nodeUrls()) + " (3 session sigs, the same "
                + "but for the node each is addressed to)\n"), r.out());
        assertEquals(1, r.out().split("session key ", -1).length - 1, r.out());
        assertEquals(1, r.out().split("REFUSED NodeResourceIdNotFound", -1).length - 1, r.out());
        assertTrue(r.out().contains("lit-pkp://* pkp-signing: REFUSED NodeResourceIdNotFound by "
                + "ResourceRequestedCheck"), r.out());
        assertTrue(r.out().contains(" (all 3 nodes)"), r.out());
        assertFalse(r.out().contains("cannot be verified offline"), "no PKP capability here: " + r.out());
    }

    @Test
    void inspect_tamperedOuterSig_isRefusedWithoutAnyResource() throws IOException {
        String text = Files.readString(createdSigs("tampered.json"));
        int at = text.indexOf("\"sig\":\"") + 7;
        char c = text.charAt(at + 10);
        Path file = Files.writeString(temp.resolve("tampered2.json"), text.substring(0, at + 10)
                + (c == '0' ? '1' : '0') + text.substring(at + 11));

        Run r = litj("session", "inspect", file.toString());

        assertEquals(4, r.code(), r.out());
        assertTrue(r.out().contains("  session-key signature: REFUSED NodeInvalidAuthSigSessionKeySignature: the "
                + "session-key signature does not verify ("), r.out());
        assertTrue(r.out().contains("); the file was changed after signing (" + devnet.nodeUrls().get(0) + ")\n"),
                "the verdict names the one changed sig: " + r.out());
        assertEquals(1, r.out().split("REFUSED", -1).length - 1, r.out());
    }

    @Test
    void inspect_json_isOneObjectPerSig() throws IOException {
        Run r = litj("session", "inspect", createdSigs("json.json").toString(), "--json", "--resource",
                "lit-litaction://QmX");

        assertEquals(0, r.code(), r.out());
        JsonValue.JsonObject o = JsonReader.parseObject(r.out().strip(), LitErrorCode.InvalidArgument, "out");
        assertEquals("true", JsJson.stringify(o.get("ok").orElseThrow()));
        List<JsonValue> sigs = ((JsonValue.JsonArray) o.get("sessionSigs").orElseThrow()).items();
        assertEquals(3, sigs.size());
        String first = JsJson.stringify(sigs.get(0));
        assertTrue(first.contains("\"signature\":\"verified\""), first);
        assertTrue(first.contains("\"check\":{\"request\":\"lit-litaction://QmX lit-action-execution\","
                + "\"allowed\":true}"), first);
    }

    @Test
    void exec_byDefault_printsResponseLogsAndTiming() throws IOException {
        Path code = Files.writeString(temp.resolve("action2.js"),
                "console.log('x is', x); LitActions.setResponse({response: JSON.stringify({double: x * 2})});");
        Run run = litj("exec", "--rpc-url", devnet.rpcUrl(), "--private-key-file", keyFile(), "--no-store",
                "--code", code.toString(), "--params", "{\"x\":21}");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().startsWith("response  {\"double\":42}\nlogs\n  x is 21\nsignatures (none)\n"
                + "nodes     3 answered in "), run.out());
    }

    @Test
    void exec_runsTheActionOnEveryNodeAndPrintsJson() throws IOException {
        Path code = Files.writeString(temp.resolve("action.js"),
                "console.log('x is', x); LitActions.setResponse({response: JSON.stringify({double: x * 2})});");
        Run run = litj("exec", "--rpc-url", devnet.rpcUrl(), "--private-key", KEY, "--no-store", "--code",
                code.toString(), "--params", "{\"x\":21}", "--json");
        assertEquals(0, run.code(), run.err());
        JsonValue.JsonObject result = JsonReader.parseObject(run.out().strip(),
                io.litj.protocol.LitErrorCode.NodeParserError, "exec output");
        assertEquals("{\"double\":42}", io.litj.protocol.json.JsJson.stringify(result.get("response").orElseThrow()));
        assertEquals("x is 21\n", ((JsonValue.JsonString) result.get("logs").orElseThrow()).value());
        assertEquals(3, ((JsonValue.JsonArray) result.get("nodes").orElseThrow()).items().size());
    }

    @Test
    void exec_actionThatThrows_exits4_printsTheErrorOnceAndTheLogs() throws IOException {
        Path code = Files.writeString(temp.resolve("bad.js"), "console.log('before the throw'); "
                + "throw new Error('nope');");
        Run run = litj("exec", "--rpc-url", devnet.rpcUrl(), "--private-key-file", keyFile(), "--no-store",
                "--code", code.toString());
        assertEquals(4, run.code(), run.both());
        assertTrue(run.err().contains("logs of the action before it failed:\n  before the throw\n"), run.err());
        assertTrue(run.err().contains("error: refused by the network: [NodeJsExecutionError] Uncaught Error: nope"),
                run.err());
        assertTrue(run.err().strip().endsWith(" (all 3 nodes)"), run.err());
        assertEquals(1, run.err().split("NodeJsExecutionError", -1).length - 1, run.err());
    }

    @Test
    void exec_json_refusal_isOneObjectWithEveryNodesCode() throws IOException {
        Path code = Files.writeString(temp.resolve("bad2.js"), "throw new Error('nope');");
        Run run = litj("exec", "--rpc-url", devnet.rpcUrl(), "--private-key-file", keyFile(), "--no-store",
                "--code", code.toString(), "--json");
        assertEquals(4, run.code(), run.both());
        JsonValue.JsonObject o = JsonReader.parseObject(run.out().strip(), LitErrorCode.InvalidArgument, "out");
        assertEquals("false", JsJson.stringify(o.get("ok").orElseThrow()));
        assertEquals("\"NodeJsExecutionError\"", JsJson.stringify(o.get("errorCode").orElseThrow()));
        List<JsonValue> nodes = ((JsonValue.JsonArray) o.get("nodes").orElseThrow()).items();
        assertEquals(3, nodes.size());
        for (JsonValue n : nodes) {
            assertTrue(JsJson.stringify(n).contains("\"status\":"), JsJson.stringify(n));
            assertTrue(JsJson.stringify(n).contains("\"errorCode\":\"NodeJsExecutionError\""), JsJson.stringify(n));
        }
    }

    @Test
    void sessionCreate_withoutAWallet_failsWithAClearMessage() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("LITJ_PRIVATE_KEY") == null,
                "LITJ_PRIVATE_KEY is set in this environment");
        Run run = litj("session", "create", "--rpc-url", devnet.rpcUrl(), "--no-store");
        assertEquals(1, run.code());
        assertTrue(run.err().contains("no wallet: pass --private-key-file, set LITJ_PRIVATE_KEY or pass --private-key"), run.err());
    }

    /** Issue 14: without --resource the session grants the seeds' default, everything, and stderr says so loudly. */
    @Test
    void sessionCreate_withoutResource_grantsEverythingAndWarnsOnStderr() throws IOException {
        Run created = litj("session", "create", "--rpc-url", devnet.rpcUrl(), "--private-key-file", keyFile(),
                "--no-store");
        assertEquals(0, created.code(), created.both());
        assertTrue(created.err().startsWith("WARNING: no --resource given: this session grants EVERY ability on EVERY "
                + "resource"), created.err());
        for (String r : List.of("lit-litaction://* lit-action-execution", "lit-pkp://* pkp-signing",
                "lit-accesscontrolcondition://* access-control-condition-decryption",
                "lit-accesscontrolcondition://* access-control-condition-signing",
                "lit-ratelimitincrease://* rate-limit-increase-auth")) {
            assertTrue(created.err().contains("WARNING:   " + r + "\n"), created.err());
        }
        Path file = Files.writeString(temp.resolve("everything.json"), created.out());
        Run inspect = litj("session", "inspect", file.toString(), "--resource", "lit-pkp://42");
        assertEquals(0, inspect.code(), inspect.both());

        Run narrow = litj("session", "create", "--rpc-url", devnet.rpcUrl(), "--private-key-file", keyFile(),
                "--no-store", "--resource", "lit-litaction://*");
        assertFalse(narrow.err().contains("WARNING"), narrow.err());
    }
}
