package io.litj.cli;

import static io.litj.cli.LitjRun.litj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.devnet.Devnet;
import io.litj.devnet.DevnetConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, "devnet folders": {@code devnet up} validates, then checks ports, then writes, and removes what a failed
 * attempt wrote; a restart keeps (or refuses to change) its ports; commands on a folder whose devnet is not running
 * say so with exit 3 and repeat the {@code --data} given. None of these start a devnet that keeps running.
 */
class DevnetFoldersTest {
    @TempDir
    Path temp;

    private static ServerSocket busy() throws IOException {
        return new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = busy()) {
            return s.getLocalPort();
        }
    }

    @Test
    void up_newFolderWhosePortIsTaken_exits1AndWritesNothing() throws IOException {
        Path data = temp.resolve("new");
        try (ServerSocket taken = busy()) {
            int port = taken.getLocalPort();
            LitjRun r = litj("devnet", "up", "--data", data.toString(), "--rpc-port", Integer.toString(port),
                    "--base-port", Integer.toString(freePort()));

            assertEquals(1, r.code(), r.both());
            // the base port was free a moment ago; another process may have taken one of its ports since, and then
            // the message lists that one too ("chain view port P, node 1 port N on 127.0.0.1 are in use …")
            assertTrue(Pattern.compile("error: chain view port " + port + "(, node [0-9]+ port [0-9]+)* on 127\\.0\\.0"
                    + "\\.1 (is|are) in use \\(another devnet\\? `litj devnet status --data <its folder>`\\); choose "
                    + "other ports with --rpc-port/--base-port; nothing was written").matcher(r.err()).find(), r.err());
            assertFalse(Files.exists(data), "the folder must not be left behind");
        }
    }

    @Test
    void up_existingFolderWithAnotherBasePort_isRefusedNamingTheStoredPorts() throws IOException {
        Path data = temp.resolve("old");
        int stored;
        try (Devnet d = Devnet.start(DevnetConfig.defaults(data).withNodes(1).withPorts(0, 0)
                .withBlockInterval(Duration.ofHours(1)), Clock.systemUTC(), new SecureRandom())) {
            stored = d.registry().nodes().get(0).port();
        }
        try (ServerSocket rpc = busy()) { // keeps the old code (which would start and block) failing fast
            LitjRun r = litj("devnet", "up", "--data", data.toString(), "--nodes", "1", "--rpc-port",
                    Integer.toString(rpc.getLocalPort()), "--base-port", "7990");

            assertEquals(2, r.code(), r.both());
            assertTrue(r.err().contains("error: the devnet in " + data + " was created with --base-port " + stored
                    + " (nodes on " + stored + ") and keeps those ports; drop --base-port to restart it, or use "
                    + "another --data folder for a devnet on --base-port 7990"), r.err());
        }
    }

    @Test
    void up_restartWhoseStoredPortIsTaken_saysTheFolderKeepsItsPorts() throws IOException {
        Path data = temp.resolve("kept");
        try (Devnet d = Devnet.start(DevnetConfig.defaults(data).withNodes(1).withPorts(0, 0)
                .withBlockInterval(Duration.ofHours(1)), Clock.systemUTC(), new SecureRandom())) {
            int nodePort = d.registry().nodes().get(0).port();
            LitjRun r = litj("devnet", "up", "--data", data.toString(), "--nodes", "1", "--rpc-port",
                    Integer.toString(freePort()));

            assertEquals(1, r.code(), r.both());
            // the --rpc-port was free a moment ago; if another process took it since, the message names it first
            assertTrue(Pattern.compile("error: (chain view port [0-9]+, )?node 0 port " + nodePort + " on 127\\.0\\.0\\.1 "
                    + "(is|are) in use \\(another devnet\\? `litj devnet status --data <its folder>`\\); the devnet in "
                    + Pattern.quote(data.toString()) + " keeps the node ports it was created with \\(" + nodePort
                    + "\\): free them, or use another --data folder; nothing was written").matcher(r.err()).find(),
                    r.err());
        }
    }

    @Test
    void up_zeroNodesInTheBackground_isAUsageErrorBeforeTheFolderExists() {
        Path data = temp.resolve("zero");

        LitjRun r = litj("devnet", "up", "--background", "--nodes", "0", "--data", data.toString());

        assertEquals(2, r.code(), r.both());
        assertTrue(r.err().contains("error: --nodes: a devnet has 1 to 30 nodes, not 0"), r.err());
        assertFalse(Files.exists(data), "nothing may be written for invalid options");
    }

    @Test
    void up_portOutOfRangeInTheBackground_isAUsageErrorBeforeTheFolderExists() {
        Path data = temp.resolve("range");

        LitjRun r = litj("devnet", "up", "--background", "--base-port", "70000", "--data", data.toString());

        assertEquals(2, r.code(), r.both());
        assertTrue(r.err().contains("error: --rpc-port/--base-port out of range (1-65535): rpc 8545, nodes "
                + "70000..70002"), r.err());
        assertFalse(Files.exists(data));
    }

    @Test
    void down_withNothingRunning_exits3LikeStatus() {
        Path data = temp.resolve("nothing");

        LitjRun down = litj("devnet", "down", "--data", data.toString());
        LitjRun status = litj("devnet", "status", "--data", data.toString());

        assertEquals(3, down.code(), down.both());
        assertTrue(down.err().contains("error: no devnet is running in " + data + "; nothing to stop"), down.err());
        assertEquals(3, status.code(), status.both());
        assertTrue(status.out().contains("there is no devnet in " + data + "; start one with `litj devnet up --data "
                + data + "`"), status.out());
    }

    @Test
    void pkpMint_onAFolderWhoseDevnetIsStopped_exits3WithTheCommandToStartIt() {
        Path data = temp.resolve("stopped");
        Devnet.start(DevnetConfig.defaults(data).withNodes(1).withPorts(0, 0).withBlockInterval(Duration.ofHours(1)),
                Clock.systemUTC(), new SecureRandom()).close();

        LitjRun r = litj("pkp", "mint", "--permit-address", "0x70997970C51812dc3A010C7d01b50e0d17dc79C8", "--data",
                data.toString());
        LitjRun status = litj("devnet", "status", "--data", data.toString());

        assertEquals(3, r.code(), r.both());
        assertTrue(r.err().contains("error: the devnet in " + data + " is not running; start it with `litj devnet up "
                + "--data " + data + " --background`"), r.err());
        assertEquals(3, status.code(), status.both());
        assertTrue(status.out().contains("the devnet in " + data + " is not running"), status.out());
    }

    @Test
    void pkpMint_whenThePublishedNodesAreNotTheRegistrys_exits3() throws IOException {
        Path data = temp.resolve("other");
        Devnet.start(DevnetConfig.defaults(data).withNodes(1).withPorts(0, 0).withBlockInterval(Duration.ofHours(1)),
                Clock.systemUTC(), new SecureRandom()).close();
        // a live pid (this JVM) publishing nodes of some other devnet on these ports
        new DevnetState(ProcessHandle.current().pid(), "http://127.0.0.1:1", "http://127.0.0.1:1/b",
                java.util.List.of("http://127.0.0.1:2"), "", "off").write(data);

        LitjRun r = litj("pkp", "mint", "--permit-address", "0x70997970C51812dc3A010C7d01b50e0d17dc79C8", "--data",
                data.toString());

        assertEquals(3, r.code(), r.both());
        assertTrue(r.err().contains("error: the devnet in " + data + " is not running: process "
                + ProcessHandle.current().pid() + " serves [http://127.0.0.1:2] but the registry lists"), r.err());
    }
}
