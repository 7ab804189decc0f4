package io.litj.cli.interop;

import static io.litj.protocol.testing.JsonAccess.string;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.litj.cli.Eip1271Fixture;
import io.litj.devnet.AnvilDevnet;
import io.litj.devnet.DevnetConfig;
import io.litj.devnet.testing.TestAnvil;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.testing.NodeJs;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outside proof of EIP-1271 capabilities: the unmodified JS SDK 7.4.0 ({@code interop/eip1271-flows.mjs}, only
 * {@code rpcUrl} = anvil) gets session sigs whose grant its {@code authNeededCallback} answers with a
 * {@code TestMultisigWallet}'s AuthSig ({@code derivedVia: "EIP1271"}, the owners' signatures made with ethers) and
 * runs executeJs with them; the same with one owner's signature is refused by the nodes with
 * {@code NodeContractAuthsigUnauthorized}.
 */
class JsSdkEip1271Test {
    @TempDir
    Path dataDir;
    @AutoClose
    AnvilDevnet devnet;

    @Test
    void jsSdkSessionGrantedByAContractWallet_runsWithBothOwners_andIsRefusedWithOne() {
        devnet = AnvilDevnet.start(DevnetConfig.defaults(dataDir.resolve("devnet")).withPorts(0, 0),
                TestAnvil.cacheDir(), Clock.systemUTC(), new SecureRandom());
        EthAddress wallet = Eip1271Fixture.deployTwoOfTwo(devnet);
        String out = NodeJs.runScript("eip1271-flows.mjs", "--rpc-url", devnet.rpcUrl(), "--block-hash-url",
                devnet.rpcUrl() + "/get_most_recent_valid_block", "--wallet", wallet.toChecksumString(),
                "--owner-a-key", Eip1271Fixture.OWNER_A_KEY, "--owner-b-key", Eip1271Fixture.OWNER_B_KEY);
        JsonValue.JsonObject doc = JsonReader.parseObject(out, LitErrorCode.NodeParserError, "eip1271-flows output");
        ScriptDevnet.flow(doc, "connect");
        JsonValue.JsonObject both = ScriptDevnet.flow(doc, "bothOwners");
        assertEquals("wallet ran", string(both, "response"));
        assertEquals("EIP1271", string(both, "derivedVia"));
        JsonValue.JsonObject one = ScriptDevnet.assertRefused(doc, "oneOwner",
                LitErrorCode.NodeContractAuthsigUnauthorized);
        assertEquals("EIP1271", string(one, "derivedVia"));
    }
}
