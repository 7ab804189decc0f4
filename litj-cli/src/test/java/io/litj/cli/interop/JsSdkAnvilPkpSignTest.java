package io.litj.cli.interop;

import io.litj.cli.PkpSignFixture;
import io.litj.devnet.AnvilDevnet;
import io.litj.node.registry.Pkp;
import java.nio.file.Path;

/**
 * The JS SDK's PKP signing flows ({@link PkpSignFlowsChecks}) on a 3-node devnet whose registry is litj's contracts
 * on anvil, the SDK given only {@code rpcUrl} = anvil: the PKP is minted by transaction ({@code PKPNFT.mintNext} of a
 * pooled key, its owner {@link PkpSignFixture#LATECOMER}) and its wallets permitted by the owner with
 * {@code PKPPermissions.addPermittedAuthMethod}; the nodes read the PKP, its permissions and scopes from the chain.
 * Skipped without Node.js, npm or {@code LITJ_ANVIL}, failed under {@code CI}.
 */
class JsSdkAnvilPkpSignTest extends PkpSignFlowsChecks {
    private AnvilDevnet devnet; // closed by the base class, through the network

    @Override
    ScriptDevnet.Network start(Path dir) {
        devnet = ScriptDevnet.startAnvil(dir);
        return ScriptDevnet.Network.of(devnet);
    }

    @Override
    Pkp mintPkp() {
        return devnet.mintPkp(PkpSignFixture.LATECOMER, PkpSignFixture.permissions());
    }
}
