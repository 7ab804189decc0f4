package io.litj.cli.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.litj.cli.PkpSessionFixture;
import io.litj.devnet.AnvilDevnet;
import io.litj.devnet.DevnetConfig;
import io.litj.devnet.testing.TestAnvil;
import io.litj.node.registry.Pkp;
import io.litj.node.registry.PkpPermission;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.testing.NodeJs;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PKP sessions on a devnet whose registry is litj's contracts on anvil: the PKP is minted by transaction
 * ({@code PKPNFT.mintNext} of a key the nodes made by DKG and the admin routed into the pool) and its auth methods are
 * permitted by its owner with {@code PKPPermissions.addPermittedAuthMethod}; the unmodified JS SDK 7.4.0
 * ({@code interop/pkp-flows.mjs}, only {@code rpcUrl} = anvil) then gets PKP session sigs from the permitted wallet
 * and from the permitted action, runs executeJs with them, and is refused for a stranger wallet, a wallet permitted
 * without scope and an action answering false — the nodes read all of it from the chain.
 */
class JsSdkAnvilPkpSessionsTest {
    @TempDir
    Path dataDir;
    @AutoClose
    AnvilDevnet devnet;

    @Test
    void pkpMintedAndPermittedByTransaction_givesSessionsToTheJsSdk_andRefusesTheOthers() throws IOException {
        Path cache = TestAnvil.cacheDir();
        devnet = AnvilDevnet.start(DevnetConfig.defaults(dataDir.resolve("devnet")).withPorts(0, 0), cache,
                Clock.systemUTC(), new SecureRandom());
        List<PkpPermission> permissions = PkpSessionFixture.permissions();
        Pkp pkp = devnet.mintPkp(PkpSessionFixture.STRANGER, permissions);
        assertEquals(permissions, pkp.permissions());
        assertEquals(Optional.of(PkpSessionFixture.STRANGER.address()),
                devnet.registry().pkpOwner(EthAddress.parse(pkp.ethAddress(), "pkp")), "PKPNFT.ownerOf, by address");
        assertEquals(Optional.empty(), devnet.registry().pkpOwner(PkpSessionFixture.WALLET.address()),
                "an address that is no PKP's has no owner");

        List<String> args = new ArrayList<>(List.of("--rpc-url", devnet.rpcUrl(), "--block-hash-url",
                devnet.rpcUrl() + "/get_most_recent_valid_block"));
        args.addAll(List.of(PkpSessionFixture.pkpFlowsArgs(pkp, dataDir.resolve("actions"), 40_000)));
        String out = NodeJs.runScript("pkp-flows.mjs", args.toArray(String[]::new));
        JsonValue.JsonObject doc = JsonReader.parseObject(out, LitErrorCode.NodeParserError, "pkp-flows output");
        for (String ok : List.of("connect", "pkpSessionSigs", "pkpExecuteJs", "actionSessionSigs", "actionExecuteJs")) {
            ScriptDevnet.flow(doc, ok);
        }
        ScriptDevnet.assertRefused(doc, "strangerWallet", LitErrorCode.NodePKPNotAuthorized);
        ScriptDevnet.assertRefused(doc, "scopelessWallet", LitErrorCode.NodeAuthSigScopeTooLimited);
        ScriptDevnet.assertRefused(doc, "falseAction", LitErrorCode.NodeLitActionsSessionSigAuthenticationFailed);
    }
}
