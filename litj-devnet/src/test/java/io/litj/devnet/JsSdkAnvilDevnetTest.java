package io.litj.devnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.devnet.testing.TestAnvil;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.testing.NodeJs;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The unmodified Lit JS SDK 7.4.0 ({@code interop/anvil-flows.mjs}), given only {@code rpcUrl} = anvil, connects to
 * a 3-node devnet whose registry is litj's contracts on anvil (the validator list comes from the Staking contract at
 * the address the SDK knows for {@code custom}) and runs executeJs with a wallet session. Skipped without Node.js,
 * npm or {@code LITJ_ANVIL}, failed under {@code CI}.
 */
class JsSdkAnvilDevnetTest {
    private static final String USER_KEY = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";

    @TempDir
    Path dataDir;
    @AutoClose
    AnvilDevnet devnet;

    @Test
    void jsSdk_withOnlyRpcUrl_connectsAndRunsExecuteJs() {
        Path cache = TestAnvil.cacheDir();
        devnet = AnvilDevnet.start(DevnetConfig.defaults(dataDir).withPorts(0, 0), cache, Clock.systemUTC(),
                new SecureRandom());
        assertEquals(List.of("Staking", "PubkeyRouter", "PKPNFT", "PKPPermissions", "RateLimitNFT", "PKPHelper",
                "Allowlist", "LITToken", "Multisender", "PKPNFTMetadata", "StakingBalances"),
                List.copyOf(devnet.contractsJson().members().keySet()));
        String out = NodeJs.runScript("anvil-flows.mjs", "--rpc-url", devnet.rpcUrl(), "--block-hash-url",
                devnet.blockHashUrl(), "--user-key", USER_KEY);
        JsonValue.JsonObject doc = (JsonValue.JsonObject) JsonReader.parse(out, LitErrorCode.InvalidArgument, "doc");
        JsonValue.JsonObject flows = (JsonValue.JsonObject) doc.get("flows").orElseThrow();
        JsonValue.JsonObject connect = (JsonValue.JsonObject) flows.get("connect").orElseThrow();
        assertEquals(new JsonValue.JsonBoolean(true), connect.get("ok").orElseThrow(), out);
        List<String> connected = ((JsonValue.JsonArray) connect.get("connectedNodes").orElseThrow()).items().stream()
                .map(v -> ((JsonValue.JsonString) v).value()).sorted().toList();
        assertEquals(devnet.nodeUrls().stream().sorted().toList(), connected);
        JsonValue.JsonObject execute = (JsonValue.JsonObject) flows.get("executeJs").orElseThrow();
        assertEquals(new JsonValue.JsonBoolean(true), execute.get("ok").orElseThrow(), out);
        assertEquals(new JsonValue.JsonString("{\"chain\":\"anvil\",\"n\":3}"), execute.get("response").orElseThrow(),
                out);
        JsonValue.JsonObject guard = (JsonValue.JsonObject) doc.get("networkGuard").orElseThrow();
        assertTrue(((JsonValue.JsonArray) guard.get("refused").orElseThrow()).items().isEmpty(), out);
    }
}
