package io.litj.cli.interop;

import static io.litj.protocol.testing.JsonAccess.bool;
import static io.litj.protocol.testing.JsonAccess.object;
import static io.litj.protocol.testing.JsonAccess.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.cli.LitjRun;
import io.litj.cli.PkpSessionFixture;
import io.litj.devnet.AnvilDevnet;
import io.litj.devnet.DevnetConfig;
import io.litj.devnet.testing.TestAnvil;
import io.litj.node.ratelimit.CapacityLimits;
import io.litj.node.ratelimit.CapacityMode;
import io.litj.node.registry.CapacityCredit;
import io.litj.node.registry.Pkp;
import io.litj.node.registry.PkpPermission;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.crypto.PrivateKeyEthSigner;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.testing.NodeJs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The unmodified {@code @lit-protocol/contracts-sdk} 7.4.0 against an anvil devnet that requires capacity credits
 * ({@code interop/contracts-sdk-flows.mjs}): given the devnet's printed contracts object as its custom context, it
 * mints a PKP ({@code mintNext}, a key from the pool made ahead of time), permits a Lit Action on it, mints a PKP with
 * an EthWallet auth method through {@code PKPHelper.mintNextAndAddAuthMethods}, and mints a capacity credit; the nodes
 * read all of it from the chain. The JS SDK then is refused without a credit (a new wallet's session, and the PKP's
 * session without a delegation), and with the holder's delegation
 * (made by {@code createCapacityDelegationAuthSig}) gets PKP session sigs for the auth-method PKP and Lit Action
 * session sigs for the action PKP, and runs executeJs with each.
 */
class JsSdkContractsSdkTest {
    /** Hardhat account #5: a well-known test wallet, never a real one. */
    private static final String HOLDER_KEY = "0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba";
    private static final String ACTION = "(async () => { Lit.Actions.setResponse({ response: 'true' }); })();";

    @TempDir
    Path dataDir;
    @AutoClose
    AnvilDevnet devnet;

    @Test
    void contractsSdk_mintsPermitsAndBuysCapacity_andTheJsSdkUsesAllOfIt() throws Exception {
        Path cache = TestAnvil.cacheDir();
        devnet = AnvilDevnet.start(DevnetConfig.defaults(dataDir.resolve("devnet")).withPorts(0, 0)
                .withCapacity(CapacityLimits.of(CapacityMode.ALLOCATION)), cache, Clock.systemUTC(),
                new SecureRandom(), 2);
        PrivateKeyEthSigner holder = PrivateKeyEthSigner.fromHex(HOLDER_KEY);
        devnet.fund(holder.address());
        Path code = Files.writeString(dataDir.resolve("action.js"), ACTION);
        String cid = PkpSessionFixture.cid(ACTION);

        String out = NodeJs.runScript("contracts-sdk-flows.mjs", "--rpc-url", devnet.rpcUrl(), "--block-hash-url",
                devnet.rpcUrl() + "/get_most_recent_valid_block", "--contracts",
                JsJson.stringify(devnet.contractsJson()), "--holder-key", HOLDER_KEY, "--action-code-file",
                code.toString(), "--action-cid", cid);
        JsonValue.JsonObject doc = JsonReader.parseObject(out, LitErrorCode.NodeParserError, "contracts-sdk-flows");
        assertEquals(0, ((JsonValue.JsonArray) object(doc, "networkGuard").get("refused").orElseThrow()).items()
                .size(), out);

        JsonValue.JsonObject plain = ScriptDevnet.flow(doc, "plainMint");
        assertEquals(holder.address(), EthAddress.parse(string(plain, "owner"), "owner"));
        Pkp plainPkp = devnet.registry().pkp(tokenHex(string(plain, "tokenId"))).orElseThrow();
        assertEquals(string(plain, "publicKey").toLowerCase(Locale.ROOT).replaceFirst("^0x", ""),
                plainPkp.publicKey());
        assertTrue(bool(ScriptDevnet.flow(doc, "permitAction"), "permitted"));

        JsonValue.JsonObject withAuth = ScriptDevnet.flow(doc, "mintWithAuth");
        assertEquals(EthAddress.parse(string(withAuth, "ethAddress"), "pkp"), EthAddress.parse(
                string(withAuth, "owner"), "owner"), "sendPkpToItself: the PKP owns itself");
        Pkp authPkp = devnet.registry().pkp(tokenHex(string(withAuth, "tokenId"))).orElseThrow();
        assertEquals(Set.of(new PkpPermission(PkpPermission.ETH_WALLET, PkpPermission.hashedWalletId(
                        holder.address().toChecksumString()), Set.of(PkpPermission.SCOPE_SIGN_ANYTHING)),
                new PkpPermission(PkpPermission.ETH_WALLET, authPkp.ethAddress().toLowerCase(Locale.ROOT), Set.of())),
                Set.copyOf(authPkp.permissions()), "the holder's hashed wallet id with scope 1, and the PKP's own "
                + "address (addPkpEthAddressAsPermittedAddress)");
        assertTrue(plainPkp.permissions().stream().anyMatch(p -> p.authMethodType() == PkpPermission.LIT_ACTION
                && p.id().equals(cid)), plainPkp::toString);

        JsonValue.JsonObject capacity = ScriptDevnet.flow(doc, "mintCapacity");
        CapacityCredit credit = devnet.registry().capacityCredit(string(capacity, "capacityTokenId")).orElseThrow();
        assertEquals(holder.address(), credit.owner());
        assertEquals(1000, credit.requestsPerKilosecond());

        cliReadsWhatTheContractsSdkWrote(plainPkp, holder.address(), authPkp, cid, credit);

        ScriptDevnet.flow(doc, "connect");
        ScriptDevnet.assertRefused(doc, "noCredit", LitErrorCode.RateLimitExceeded);
        ScriptDevnet.assertRefused(doc, "pkpWithoutDelegation", LitErrorCode.RateLimitExceeded);
        ScriptDevnet.flow(doc, "pkpSessionSigs");
        assertTrue(string(ScriptDevnet.flow(doc, "pkpExecuteJs"), "response").toLowerCase(Locale.ROOT)
                .contains(authPkp.ethAddress().toLowerCase(Locale.ROOT)));
        ScriptDevnet.flow(doc, "actionSessionSigs");
        assertTrue(string(ScriptDevnet.flow(doc, "actionExecuteJs"), "response").toLowerCase(Locale.ROOT)
                .contains(plainPkp.ethAddress().toLowerCase(Locale.ROOT)));
    }

    /**
     * {@code litj pkp show} and {@code litj capacity show}, given only the chain ({@code --rpc-url}, {@code --staking}),
     * read the PKPs and the credit the contracts SDK minted: owners, the permitted action, the auth method.
     */
    private void cliReadsWhatTheContractsSdkWrote(Pkp plainPkp, EthAddress holder, Pkp authPkp, String cid,
            CapacityCredit credit) {
        String[] chain = {"--rpc-url", devnet.rpcUrl(), "--staking", devnet.contracts().staking().toChecksumString()};
        LitjRun plain = LitjRun.litj(cli(chain, "pkp", "show", "0x" + plainPkp.tokenId(), "--json"));
        assertEquals(0, plain.code(), plain.both());
        JsonValue.JsonObject shown = JsonReader.parseObject(plain.out().strip(), LitErrorCode.InvalidArgument, "out");
        assertEquals(holder.toChecksumString(), string(shown, "owner"), plain.out());
        assertEquals(plainPkp.ethAddress(), string(shown, "ethAddress"));
        assertTrue(((JsonValue.JsonArray) shown.get("permissions").orElseThrow()).items().stream().anyMatch(p ->
                cid.equals(string((JsonValue.JsonObject) p, "id"))), plain.out());

        LitjRun auth = LitjRun.litj(cli(chain, "pkp", "show", authPkp.ethAddress()));
        assertEquals(0, auth.code(), auth.both());
        assertTrue(auth.out().contains("  owner       " + authPkp.ethAddress() + "\n"), auth.out());
        assertTrue(auth.out().contains("permits     EthWallet " + PkpPermission.hashedWalletId(
                holder.toChecksumString()) + " (sign-anything)"), auth.out());

        LitjRun list = LitjRun.litj(cli(chain, "pkp", "list"));
        assertEquals(0, list.code(), list.both());
        assertTrue(list.out().contains("0x" + plainPkp.tokenId()) && list.out().contains("0x" + authPkp.tokenId()),
                list.out());
        LitjRun bought = LitjRun.litj(cli(chain, "capacity", "show", credit.tokenId()));
        assertEquals(0, bought.code(), bought.both());
        assertTrue(bought.out().contains("owner                  " + holder.toChecksumString()), bought.out());
    }

    private static String[] cli(String[] chain, String... command) {
        return Stream.concat(Stream.of(command), Stream.of(chain)).toArray(String[]::new);
    }

    private static String tokenHex(String tokenId) {
        String hex = tokenId.startsWith("0x") ? tokenId.substring(2) : new java.math.BigInteger(tokenId).toString(16);
        return "0".repeat(64 - hex.length()) + hex.toLowerCase(Locale.ROOT);
    }
}
