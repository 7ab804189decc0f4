package io.litj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.devnet.AnvilDevnet;
import io.litj.devnet.DevnetConfig;
import io.litj.devnet.evm.AnvilChainFile;
import io.litj.devnet.testing.TestAnvil;
import io.litj.node.registry.CapacityCredit;
import io.litj.node.registry.EvmContracts;
import io.litj.node.registry.EvmRegistry;
import io.litj.node.registry.Pkp;
import io.litj.node.registry.PkpPermission;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.crypto.PrivateKeyEthSigner;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code litj pkp mint|permit} and {@code litj capacity mint} against a {@code --chain anvil} devnet send
 * transactions from the wallet given (found through the data folder's {@code contracts.json}): the nodes' registry
 * reads what they wrote; a permit by a wallet that does not own the PKP, and a credit the contract will not sell,
 * exit 4 with the contract's revert reason and change nothing; a chain that does not answer exits 3.
 */
class AnvilChainCliTest {
    /** Hardhat accounts #6, #7, #8: well-known test wallets, never real ones. */
    private static final String OWNER_KEY = "0x92db14e403b83dfe3df233f83dfa3a0d7096f21ca9b0d6d6b8d88b2b4ec1564e";
    private static final String STRANGER_KEY = "0x4bbbf85ce3377467afe5d46f804f221813b2bb87f24d81f60f1fcdbf7cbf4356";
    private static final EthAddress ANY = EthAddress.parse("0x" + "11".repeat(20), "a");
    private static final String HOLDER_KEY = "0xdbda1821b80551c9d65939329250298aa3472ba22feea921c0cf5d620ea67b97";

    @TempDir
    Path temp;
    @AutoClose
    AnvilDevnet devnet;
    @AutoClose
    EvmRegistry chain;

    @Test
    void pkpMintPermitAndCapacityMint_areTransactions_andARefusalNamesTheContractsReason() {
        Path data = temp.resolve("devnet");
        devnet = AnvilDevnet.start(DevnetConfig.defaults(data).withPorts(0, 0), TestAnvil.cacheDir(),
                Clock.systemUTC(), new SecureRandom(), 1);
        PrivateKeyEthSigner owner = PrivateKeyEthSigner.fromHex(OWNER_KEY);
        EthAddress holder = PrivateKeyEthSigner.fromHex(HOLDER_KEY).address();
        String ownerKey = LitjRun.keyFile(temp, OWNER_KEY);
        String strangerKey = LitjRun.keyFile(temp, STRANGER_KEY);

        LitjRun mint = LitjRun.litj("pkp", "mint", "--permit-address", owner.address().toChecksumString(),
                "--data", data.toString(), "--private-key-file", ownerKey, "--json");
        assertEquals(Exit.OK, mint.code(), mint.both());
        String tokenId = field(mint.out(), "tokenId").substring(2);
        Pkp pkp = chain().pkp(tokenId).orElseThrow();
        assertEquals(Set.of(new PkpPermission(PkpPermission.ETH_WALLET, owner.address().toLowerHex(),
                Set.of(PkpPermission.SCOPE_SIGN_ANYTHING))), Set.copyOf(pkp.permissions()));
        assertEquals("0x" + pkp.publicKey(), field(mint.out(), "publicKey"));

        LitjRun given = LitjRun.litj("pkp", "mint", "--permit-action", PkpSessionFixture.TRUE_ACTION_CID, "--owner",
                holder.toChecksumString(), "--data", data.toString(), "--private-key-file", ownerKey, "--json");
        assertEquals(Exit.OK, given.code(), given.both());
        Pkp givenPkp = chain().pkp(field(given.out(), "tokenId").substring(2)).orElseThrow();
        assertEquals(java.util.Optional.of(holder), chain().pkpOwner(EthAddress.parse(givenPkp.ethAddress(), "pkp")),
                "--owner: the PKPNFT was transferred after the permissions");
        assertEquals(holder.toChecksumString(), field(given.out(), "owner"));
        assertEquals(1, givenPkp.permissions().size(), "permitted by the minter before the transfer");
        assertEquals(java.util.Optional.of(owner.address()), chain().pkpOwner(EthAddress.parse(pkp.ethAddress(),
                "pkp")), "without --owner the minting wallet keeps it");

        LitjRun permit = LitjRun.litj("pkp", "permit", "--pkp", tokenId, "--address", holder.toChecksumString(),
                "--scopes", "2", "--data", data.toString(), "--private-key-file", ownerKey, "--json");
        assertEquals(Exit.OK, permit.code(), permit.both());
        assertTrue(chain().pkp(tokenId).orElseThrow().permissions().contains(new PkpPermission(
                PkpPermission.ETH_WALLET, holder.toLowerHex(), Set.of(PkpPermission.SCOPE_PERSONAL_SIGN))));

        LitjRun refused = LitjRun.litj("pkp", "permit", "--pkp", "0x" + pkp.publicKey(), "--action",
                PkpSessionFixture.TRUE_ACTION_CID, "--scopes", "1", "--data", data.toString(), "--private-key-file",
                strangerKey);
        assertEquals(Exit.REFUSED, refused.code(), refused.both());
        assertTrue(refused.err().contains("litj: only the PKP's owner changes its permissions"), refused.both());
        assertEquals(2, chain().pkp(tokenId).orElseThrow().permissions().size(), "nothing was permitted");

        LitjRun credit = LitjRun.litj("capacity", "mint", "--owner", holder.toChecksumString(),
                "--requests-per-kilosecond", "500", "--days", "2", "--data", data.toString(), "--private-key-file",
                ownerKey, "--json");
        assertEquals(Exit.OK, credit.code(), credit.both());
        CapacityCredit minted = chain().capacityCredit(field(credit.out(), "tokenId")).orElseThrow();
        assertEquals(holder, minted.owner(), "transferred to --owner");
        assertEquals(500, minted.requestsPerKilosecond());

        LitjRun tooLong = LitjRun.litj("capacity", "mint", "--owner", holder.toChecksumString(),
                "--requests-per-kilosecond", "500", "--days", "400", "--data", data.toString(), "--private-key-file",
                ownerKey);
        assertEquals(Exit.REFUSED, tooLong.code(), tooLong.both());
        assertTrue(tooLong.err().contains("litj: expiresAt lies too far ahead"), tooLong.both());
        assertEquals(1, chain().capacityCreditsOwnedBy(holder).size(), "no second credit");

        readsTheChain(new String[] {"--data", data.toString()}, tokenId, owner.address(), holder, minted);
        readsTheChain(new String[] {"--rpc-url", devnet.rpcUrl(), "--staking",
            devnet.contracts().staking().toChecksumString()}, tokenId, owner.address(), holder, minted);
    }

    /** {@code pkp list|show} and {@code capacity list|show} through {@code source} read what the chain holds. */
    private void readsTheChain(String[] source, String tokenId, EthAddress pkpOwner, EthAddress holder,
            CapacityCredit credit) {
        Pkp pkp = chain().pkp(tokenId).orElseThrow();
        LitjRun list = LitjRun.litj(args(source, "pkp", "list", "--json"));
        assertEquals(Exit.OK, list.code(), list.both());
        JsonValue.JsonObject listed = (JsonValue.JsonObject) ((JsonValue.JsonArray) JsonReader.parse(list.out().strip(),
                LitErrorCode.InvalidArgument, "cli output")).items().stream().filter(i -> ("0x" + tokenId).equals(text(i, "tokenId"))).findFirst()
                .orElseThrow(() -> new AssertionError(list.out()));
        assertEquals(pkpOwner.toChecksumString(), text(listed, "owner"), list.out());
        assertEquals(pkp.ethAddress(), text(listed, "ethAddress"));

        LitjRun show = LitjRun.litj(args(source, "pkp", "show", "0x" + pkp.publicKey()));
        assertEquals(Exit.OK, show.code(), show.both());
        assertTrue(show.out().startsWith("PKP 0x" + tokenId + "\n"), show.out());
        assertTrue(show.out().contains("  owner       " + pkpOwner.toChecksumString() + "\n"), show.out());
        assertTrue(show.out().contains("permits     EthWallet " + holder.toLowerHex() + " (personal-sign)"),
                show.out());
        assertTrue(show.out().contains("permits     EthWallet " + pkpOwner.toLowerHex() + " (sign-anything)"),
                show.out());
        LitjRun byAddress = LitjRun.litj(args(source, "pkp", "show", pkp.ethAddress(), "--json"));
        assertEquals(Exit.OK, byAddress.code(), byAddress.both());
        assertEquals("0x" + tokenId, field(byAddress.out(), "tokenId"));
        LitjRun unknown = LitjRun.litj(args(source, "pkp", "show", "ab".repeat(32)));
        assertEquals(1, unknown.code(), unknown.both());
        assertTrue(unknown.err().contains("[NodePKPTokenIdNotFound] no PKP with token id " + "ab".repeat(32)),
                unknown.both());

        LitjRun credits = LitjRun.litj(args(source, "capacity", "list"));
        assertEquals(Exit.OK, credits.code(), credits.both());
        assertTrue(credits.out().contains(credit.tokenId() + "  " + holder.toChecksumString() + "  500/ks  until "
                + credit.expiresAt()), credits.out());
        LitjRun one = LitjRun.litj(args(source, "capacity", "show", credit.tokenId(), "--json"));
        assertEquals(Exit.OK, one.code(), one.both());
        assertEquals(holder.toChecksumString(), field(one.out(), "owner"));
        assertEquals(credit.expiresAt().toString(), field(one.out(), "expiresAt"));
    }

    @Test
    void readingAChainDeployment_needsRpcUrlAndStakingTogether_andAnAnsweringChain() {
        LitjRun half = LitjRun.litj("pkp", "list", "--rpc-url", "http://127.0.0.1:" + TestAnvil.freePort());
        assertEquals(Exit.USAGE, half.code(), half.both());
        assertTrue(half.err().contains("give --rpc-url and --staking together"), half.both());
        LitjRun dead = LitjRun.litj("capacity", "list", "--rpc-url", "http://127.0.0.1:" + TestAnvil.freePort(),
                "--staking", ANY.toChecksumString());
        assertEquals(Exit.NOT_RUNNING, dead.code(), dead.both());
        assertTrue(dead.err().contains("cannot read the registry on the chain at"), dead.both());
    }

    private static String[] args(String[] source, String... command) {
        String[] all = java.util.Arrays.copyOf(command, command.length + source.length);
        System.arraycopy(source, 0, all, command.length, source.length);
        return all;
    }

    private static String text(JsonValue item, String name) {
        return ((JsonValue.JsonString) ((JsonValue.JsonObject) item).get(name).orElseThrow()).value();
    }

    @Test
    void aChainThatDoesNotAnswer_exits3_andNamesTheDevnet() throws Exception {
        Path data = deadChain("gone");
        LitjRun run = LitjRun.litj("pkp", "mint", "--permit-address", ANY.toChecksumString(), "--data",
                data.toString(), "--private-key-file", LitjRun.keyFile(temp, OWNER_KEY));
        assertEquals(Exit.NOT_RUNNING, run.code(), run.both());
        assertTrue(run.err().contains("does not answer"), run.both());
    }

    @Test
    void noWallet_onAnAnvilDevnet_isRefusedBeforeAnyTransaction() throws Exception {
        Path data = deadChain("nowallet");
        LitjRun run = LitjRun.litj("capacity", "mint", "--owner", ANY.toChecksumString(), "--requests-per-kilosecond",
                "1", "--days", "1", "--data", data.toString());
        assertFalse(run.code() == Exit.OK, run.both());
        assertTrue(run.err().contains("no wallet"), run.both());
        assertTrue(run.err().contains(LitErrorCode.ParamsMissing.name()) || run.err().contains("LITJ_PRIVATE_KEY"),
                run.both());
    }

    /** A data folder whose contracts.json names a chain that does not answer (a free port on 127.0.0.1). */
    private Path deadChain(String name) throws java.io.IOException {
        Path data = Files.createDirectories(temp.resolve(name));
        new AnvilChainFile(URI.create("http://127.0.0.1:" + TestAnvil.freePort()), new EvmContracts(ANY, ANY, ANY,
                ANY, ANY, ANY)).write(data);
        return data;
    }

    /** The chain as the nodes read it, without the nodes' cache (so a write shows at once). */
    private EvmRegistry chain() {
        if (chain == null) {
            chain = EvmRegistry.open(URI.create(devnet.rpcUrl()), devnet.contracts(), Clock.systemUTC(), Duration.ZERO);
        }
        return chain;
    }

    private static String field(String json, String name) {
        JsonValue.JsonObject o = JsonReader.parseObject(json.strip(), LitErrorCode.InvalidArgument, "cli output");
        return ((JsonValue.JsonString) o.get(name).orElseThrow()).value();
    }
}
