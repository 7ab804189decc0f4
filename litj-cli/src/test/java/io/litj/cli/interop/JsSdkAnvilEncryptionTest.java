package io.litj.cli.interop;

import java.nio.file.Path;

/**
 * The encryption flows between the JS SDK and the Java SDK ({@link EncryptionFlowsChecks}) on a 3-node devnet whose
 * registry is litj's contracts on anvil, both SDKs given only {@code rpcUrl} = anvil: the nodes and the network key
 * come from the Staking contract and the handshake, and the balance condition is evaluated against anvil's
 * {@code eth_getBalance}. Skipped without Node.js, npm or {@code LITJ_ANVIL}, failed under {@code CI}.
 */
class JsSdkAnvilEncryptionTest extends EncryptionFlowsChecks {
    @Override
    ScriptDevnet.Network start(Path dir) {
        return ScriptDevnet.Network.of(ScriptDevnet.startAnvil(dir));
    }
}
