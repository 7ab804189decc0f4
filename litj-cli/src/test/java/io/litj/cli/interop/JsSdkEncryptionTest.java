package io.litj.cli.interop;

import java.nio.file.Path;

/**
 * The encryption flows between the JS SDK and the Java SDK ({@link EncryptionFlowsChecks}) on a 3-node devnet with the
 * embedded registry; the balance condition is evaluated against the devnet's chain view.
 */
class JsSdkEncryptionTest extends EncryptionFlowsChecks {
    @Override
    ScriptDevnet.Network start(Path dir) {
        return ScriptDevnet.Network.of(ScriptDevnet.startEmbedded(dir));
    }
}
