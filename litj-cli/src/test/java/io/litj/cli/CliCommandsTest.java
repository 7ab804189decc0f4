package io.litj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.devnet.Devnet;
import io.litj.devnet.DevnetConfig;
import io.litj.protocol.auth.SessionSigs;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
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
        assertEquals(2, refused.code(), refused.out());
        assertTrue(refused.out().contains("REFUSED NodeResourceIdNotFound by ResourceRequestedCheck"), refused.out());
    }

    @Test
    void exec_runsTheActionOnEveryNodeAndPrintsJson() throws IOException {
        Path code = Files.writeString(temp.resolve("action.js"),
                "console.log('x is', x); LitActions.setResponse({response: JSON.stringify({double: x * 2})});");
        Run run = litj("exec", "--rpc-url", devnet.rpcUrl(), "--private-key", KEY, "--no-store", "--code",
                code.toString(), "--params", "{\"x\":21}");
        assertEquals(0, run.code(), run.err());
        JsonValue.JsonObject result = JsonReader.parseObject(run.out().strip(),
                io.litj.protocol.LitErrorCode.NodeParserError, "exec output");
        assertEquals("{\"double\":42}", io.litj.protocol.json.JsJson.stringify(result.get("response").orElseThrow()));
        assertEquals("x is 21\n", ((JsonValue.JsonString) result.get("logs").orElseThrow()).value());
        assertEquals(3, ((JsonValue.JsonArray) result.get("nodes").orElseThrow()).items().size());
    }

    @Test
    void exec_actionThatThrows_exitsWithTheNodeErrorCode() throws IOException {
        Path code = Files.writeString(temp.resolve("bad.js"), "throw new Error('nope');");
        Run run = litj("exec", "--rpc-url", devnet.rpcUrl(), "--private-key", KEY, "--no-store", "--code",
                code.toString());
        assertEquals(2, run.code(), run.out());
        assertTrue(run.err().contains("NodeJsExecutionError"), run.err());
    }

    @Test
    void sessionCreate_withoutAWallet_failsWithAClearMessage() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("LITJ_PRIVATE_KEY") == null,
                "LITJ_PRIVATE_KEY is set in this environment");
        Run run = litj("session", "create", "--rpc-url", devnet.rpcUrl(), "--no-store");
        assertEquals(1, run.code());
        assertTrue(run.err().contains("no wallet: pass --private-key-file, set LITJ_PRIVATE_KEY or pass --private-key"), run.err());
    }
}
