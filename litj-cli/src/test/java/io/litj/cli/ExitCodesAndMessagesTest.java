package io.litj.cli;

import static io.litj.cli.LitjRun.litj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, "exit codes" and "messages" that need no devnet: 0 ok, 1 local error, 2 usage, 3 not running or
 * unreachable (4, refused by the network, is in {@link CliCommandsTest}); each message names the thing, the cause
 * and what to type next.
 */
class ExitCodesAndMessagesTest {
    @TempDir
    Path temp;

    private Path action() throws IOException {
        return Files.writeString(temp.resolve("action.js"), "LitActions.setResponse({response: 'hi'});");
    }

    /** A 127.0.0.1 port nothing listens on. */
    private static String closedUrl() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return "http://127.0.0.1:" + s.getLocalPort();
        }
    }

    @Test
    void exit0_version() {
        LitjRun r = litj("--version");
        assertEquals(0, r.code(), r.both());
        assertEquals("litj 0.1.0", r.out().strip());
    }

    @Test
    void exit1_missingCodeFile_namesTheOptionAndSaysNoSuchFile() throws IOException {
        Path missing = temp.resolve("missing.js");
        LitjRun r = litj("exec", "--rpc-url", closedUrl(), "--code", missing.toString());
        assertEquals(1, r.code(), r.both());
        assertEquals("error: cannot read --code file " + missing + ": no such file", r.err().strip());
    }

    @Test
    void exit2_unknownOption_suggestsAndPointsToHelp() {
        LitjRun r = litj("devnet", "up", "--node", "3");
        assertEquals(2, r.code(), r.both());
        assertTrue(r.err().startsWith("error: Unknown options: '--node', '3'"), r.err());
        assertTrue(r.err().contains("see `litj devnet up --help`"), r.err());
    }

    @Test
    void exit2_noSubcommand_listsTheCommands() {
        LitjRun r = litj("devnet");
        assertEquals(2, r.code(), r.both());
        assertTrue(r.err().startsWith("error: Missing required subcommand"), r.err());
        assertTrue(r.err().contains("  up      Start N nodes"), r.err());
    }

    @Test
    void exit2_malformedParams_showsLineColumnAndWhatWasExpected() throws IOException {
        LitjRun r = litj("exec", "--rpc-url", closedUrl(), "--code", action().toString(), "--params",
                "{\"a\": 1,\n name: 2}");
        assertEquals(2, r.code(), r.both());
        assertTrue(r.err().startsWith("error: --params is not valid JSON at line 2, column 2: Unexpected character "
                + "('n' (code 110)): was expecting double-quote to start property name"), r.err());
        assertTrue(r.err().contains("; write a JSON object such as '{\"name\":\"x\",\"n\":1}'"), r.err());
        assertFalse(r.err().contains("REDACTED") || r.err().contains("byte offset"), r.err());
    }

    @Test
    void exit2_urlWithoutScheme_saysUseHttpHostPort() throws IOException {
        LitjRun r = litj("exec", "--rpc-url", "127.0.0.1:8545", "--code", action().toString());
        assertEquals(2, r.code(), r.both());
        assertTrue(r.err().startsWith("error: Invalid value for option '--rpc-url': '127.0.0.1:8545' is not a URL; "
                + "use http://host:port, e.g. http://127.0.0.1:8545"), r.err());
        assertFalse(r.err().contains("URISyntaxException"), r.err());
    }

    @Test
    void exit2_plainHttpToAnotherHost_namesTheCliFlag() throws IOException {
        LitjRun r = litj("exec", "--rpc-url", "http://10.1.2.3:8545", "--code", action().toString());
        assertEquals(2, r.code(), r.both());
        assertEquals("error: --rpc-url http://10.1.2.3:8545 uses plain HTTP to a host other than 127.0.0.1: session "
                + "sigs would travel unencrypted; use https://, or pass --allow-plain-http to accept that",
                r.err().strip());
        assertFalse(r.err().contains("LitClient.Builder"), r.err());
    }

    @Test
    void exit3_unreachableRpcUrl_saysHowToCheckTheDevnet_andAllowPlainHttpWarns() throws IOException {
        String url = closedUrl();
        LitjRun r = litj("exec", "--rpc-url", url, "--allow-plain-http", "--code", action().toString(),
                "--private-key-file", Files.writeString(temp.resolve("key"),
                        "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d").toString());
        assertEquals(3, r.code(), r.both());
        assertTrue(r.err().startsWith("warning: --allow-plain-http: requests to non-loopback hosts travel "
                + "unencrypted"), r.err());
        assertTrue(r.err().contains("error: cannot reach the network at --rpc-url " + url + " ("), r.err());
        assertTrue(r.err().contains("); is the devnet running? check with `litj devnet status`, start one with "
                + "`litj devnet up`"), r.err());
    }

    @Test
    void exit3_statusOfAnEmptyFolder() {
        Path data = temp.resolve("none");
        LitjRun r = litj("devnet", "status", "--data", data.toString(), "--json");
        assertEquals(3, r.code(), r.both());
        assertEquals("{\"running\":false,\"data\":\"" + data + "\",\"message\":\"there is no devnet in " + data
                + "; start one with `litj devnet up --data " + data + "`\"}", r.out().strip());
    }

    @Test
    void completion_bash_printsAPicocliScript() {
        LitjRun r = litj("completion", "bash");
        assertEquals(0, r.code(), r.both());
        assertTrue(r.out().contains("complete -F _complete_litj"), r.out().lines().limit(5).toList().toString());
        assertEquals(2, litj("completion", "fish").code());
    }
}
