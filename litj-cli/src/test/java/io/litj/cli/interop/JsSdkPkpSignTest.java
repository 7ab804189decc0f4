package io.litj.cli.interop;

import io.litj.cli.PkpSignFixture;
import io.litj.devnet.Devnet;
import io.litj.node.registry.Pkp;
import java.nio.file.Path;

/**
 * The JS SDK's PKP signing flows ({@link PkpSignFlowsChecks}) on a 3-node devnet with the embedded registry: the PKP
 * is minted by a DKG among the running nodes and written to the registry file.
 */
class JsSdkPkpSignTest extends PkpSignFlowsChecks {
    private Devnet devnet; // closed by the base class, through the network

    @Override
    ScriptDevnet.Network start(Path dir) {
        devnet = ScriptDevnet.startEmbedded(dir);
        return ScriptDevnet.Network.of(devnet);
    }

    @Override
    Pkp mintPkp() {
        return PkpSignFixture.mintPkp(devnet);
    }
}
