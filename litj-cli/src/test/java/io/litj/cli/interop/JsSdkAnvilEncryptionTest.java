package io.litj.cli.interop;

import io.litj.devnet.AnvilDevnet;
import java.nio.file.Path;
import org.junit.jupiter.api.AutoClose;

/**
 * The encryption flows between the JS SDK and the Java SDK ({@link EncryptionFlowsChecks}) on a 3-node devnet whose
 * registry is litj's contracts on anvil, both SDKs given only {@code rpcUrl} = anvil: the nodes and the network key
 * come from the Staking contract and the handshake, and the balance condition is evaluated against anvil's
 * {@code eth_getBalance}. Skipped without Node.js, npm or {@code LITJ_ANVIL}, failed under {@code CI}.
 */
class JsSdkAnvilEncryptionTest extends EncryptionFlowsChecks {
    @AutoClose // after all tests; stays null when the script cannot run here
    private AnvilDevnet devnet;

    @Override
    ScriptDevnet.Network start(Path dir) {
        devnet = ScriptDevnet.startAnvil(dir);
        return ScriptDevnet.Network.of(devnet);
    }
}
