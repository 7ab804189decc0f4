package io.litj.cli;

import io.litj.devnet.DevnetConfig;
import io.litj.devnet.evm.AnvilChainFile;
import io.litj.node.registry.NodeEntry;
import io.litj.node.registry.SqliteRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A devnet data folder as the CLI sees it: where it is, how the user named it (so that every hint repeats the
 * {@code --data} they gave), whether it holds a devnet and whether that devnet is running (its recorded pid alive and
 * the node URLs it published equal to its registry's).
 */
final class DevnetFolder {
    private final Path dir;
    private final boolean given;

    private DevnetFolder(Path dir, boolean given) {
        this.dir = dir;
        this.given = given;
    }

    /** The folder of {@code --data} (or the default when it was not given). */
    static DevnetFolder of(Path data) {
        return data != null ? new DevnetFolder(data, true) : new DevnetFolder(LitjHome.devnet(), false);
    }

    Path dir() {
        return dir;
    }

    /** {@code " --data <dir>"} when the user gave {@code --data}, else empty: appended to every hint. */
    String dataArg() {
        return given ? " --data " + dir : "";
    }

    boolean hasDevnet() {
        return Files.exists(DevnetConfig.registryFileIn(dir));
    }

    /** Whether the folder holds an anvil devnet ({@code litj devnet up --chain anvil}; its registry is the chain). */
    boolean isAnvil() {
        return Files.exists(AnvilChainFile.in(dir));
    }

    /** Exits 3 saying how to start one when the folder holds no devnet (it need not run). */
    void requireDevnet() {
        if (!hasDevnet()) {
            throw CliException.notRunning("there is no devnet in " + dir + "; start one with `litj devnet up"
                    + dataArg() + "`");
        }
    }

    /** The nodes its registry lists (empty without a registry). */
    List<NodeEntry> registeredNodes() {
        if (!hasDevnet()) {
            return List.of();
        }
        try (SqliteRegistry registry = SqliteRegistry.open(DevnetConfig.registryFileIn(dir))) {
            return registry.nodes();
        } catch (RuntimeException e) {
            throw CliException.local("cannot read the devnet registry in " + dir + ": " + e.getMessage());
        }
    }

    /** The published state of the devnet running in this folder, if its process is alive. */
    Optional<DevnetState> running() {
        return DevnetState.read(dir).filter(s -> ProcessHandle.of(s.pid()).map(ProcessHandle::isAlive).orElse(false));
    }

    /**
     * The running devnet of this folder, or exit 3 saying how to start it: no registry, no live process, or a
     * published node list that is not the registry's (then the ports belong to some other devnet).
     */
    DevnetState requireRunning() {
        if (isAnvil()) {
            return running().orElseThrow(() -> CliException.notRunning("the anvil devnet in " + dir + " is not "
                    + "running (its chain is not kept); start a new one with `litj devnet up --chain anvil --data "
                    + "<another folder> --background`"));
        }
        if (!hasDevnet()) {
            throw CliException.notRunning("there is no devnet in " + dir + "; start one with `litj devnet up"
                    + dataArg() + "`");
        }
        Optional<DevnetState> state = running();
        if (state.isEmpty()) {
            throw CliException.notRunning("the devnet in " + dir + " is not running; start it with `litj devnet up"
                    + dataArg() + " --background`");
        }
        List<String> registered = registeredNodes().stream().map(NodeEntry::url).toList();
        if (!registered.equals(state.get().nodes())) {
            throw CliException.notRunning("the devnet in " + dir + " is not running: process " + state.get().pid()
                    + " serves " + state.get().nodes() + " but the registry lists " + registered + "; restart it with"
                    + " `litj devnet down" + dataArg() + "` then `litj devnet up" + dataArg() + " --background`");
        }
        return state.get();
    }

    /** The names of the entries now in the folder (empty if it does not exist): what a failed start must keep. */
    Set<String> entries() {
        if (!Files.isDirectory(dir)) {
            return Set.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            Set<String> names = new HashSet<>();
            s.forEach(p -> names.add(p.getFileName().toString()));
            return names;
        } catch (IOException e) {
            return Set.of();
        }
    }

    /**
     * Removes what a failed start created: every entry not in {@code before}, and the folder itself if it did not
     * exist ({@code existed} false). Best effort.
     */
    void removeCreated(boolean existed, Set<String> before) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                if (!before.contains(p.getFileName().toString())) {
                    deleteTree(p);
                }
            }
            if (!existed) {
                Files.deleteIfExists(dir);
            }
        } catch (IOException ignored) {
            // best effort: what is left is named by the next start's error
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** The ports that are taken on 127.0.0.1, each with its name (e.g. {@code "node 1 port 7471"}). */
    static List<String> busy(int rpcPort, List<Integer> nodePorts) {
        List<String> busy = new ArrayList<>();
        if (rpcPort != 0 && !free(rpcPort)) {
            busy.add("chain view port " + rpcPort);
        }
        for (int i = 0; i < nodePorts.size(); i++) {
            if (nodePorts.get(i) != 0 && !free(nodePorts.get(i))) {
                busy.add("node " + i + " port " + nodePorts.get(i));
            }
        }
        return busy;
    }

    private static boolean free(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getByName(DevnetConfig.HOST))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
