package io.litj.cli.interop;

import io.litj.devnet.Devnet;
import io.litj.devnet.DevnetConfig;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import org.junit.jupiter.api.AutoClose;

/**
 * The encryption flows between the JS SDK and the Java SDK ({@link EncryptionFlowsChecks}) on a 3-node devnet with the
 * embedded registry; the balance condition is evaluated against the devnet's chain view.
 */
class JsSdkEncryptionTest extends EncryptionFlowsChecks {
    @AutoClose // after all tests; stays null when the script cannot run here
    private Devnet devnet;

    @Override
    ScriptDevnet.Network start(Path dir) {
        devnet = Devnet.start(DevnetConfig.defaults(dir).withNodes(3).withPorts(0, 0), Clock.systemUTC(),
                new SecureRandom());
        return ScriptDevnet.Network.of(devnet);
    }
}
