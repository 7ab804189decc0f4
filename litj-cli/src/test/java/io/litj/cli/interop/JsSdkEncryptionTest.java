package io.litj.cli.interop;

import io.litj.devnet.Devnet;
import java.nio.file.Path;
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
        devnet = ScriptDevnet.startEmbedded(dir);
        return ScriptDevnet.Network.of(devnet);
    }
}
