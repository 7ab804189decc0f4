package io.litj.cli;

import io.litj.devnet.Devnet;
import io.litj.devnet.DevnetConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;

/** In-process devnets for the CLI tests, on free ports of 127.0.0.1. Close them after the tests. */
final class TestDevnets {
    private TestDevnets() {
    }

    /** A 3-node devnet in {@code dir}. */
    static Devnet start(Path dir) {
        return Devnet.start(DevnetConfig.defaults(dir).withNodes(3).withPorts(0, 0), Clock.systemUTC(),
                new SecureRandom());
    }

    /**
     * A devnet of {@code config} plus the state file {@code litj devnet up} publishes, so that commands given
     * {@code --data <its folder>} find it running.
     */
    static Devnet startAsIfUp(DevnetConfig config) {
        Devnet devnet = Devnet.start(config, Clock.systemUTC(), new SecureRandom());
        try {
            new DevnetState(ProcessHandle.current().pid(), devnet.rpcUrl(), devnet.blockHashUrl(), devnet.nodeUrls(),
                    "", config.capacity().mode().wireName()).write(config.dataDir());
        } catch (IOException e) {
            devnet.close();
            throw new UncheckedIOException(e);
        }
        return devnet;
    }
}
