package io.litj.cli;

import static io.litj.cli.LitjRun.keyFile;
import static io.litj.cli.LitjRun.litj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.cli.PkpSessionFixture.CountingTransport;
import io.litj.client.ExecuteJsRequest;
import io.litj.client.LitClient;
import io.litj.client.LitClientException;
import io.litj.client.NodeFailure;
import io.litj.client.SessionRevocationResult;
import io.litj.devnet.Devnet;
import io.litj.devnet.DevnetConfig;
import io.litj.node.registry.Pkp;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.auth.SessionRevocation;
import io.litj.protocol.auth.SessionSigs;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.crypto.PrivateKeyEthSigner;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A PKP session revoked by the PKP's owner (docs/revocation.md) on a real 3-node devnet whose registry records the
 * owner: a stranger's revocation is refused by the nodes with {@code NodeRevocationNotGranter} and changes nothing;
 * the owner's (Java SDK and {@code litj session revoke}) makes every node refuse the session with
 * {@code NodeSessionRevoked}.
 */
class PkpOwnerRevokeTest {
    /** The PKP's owner: anvil's well-known test key 5 (a wallet that is no auth method of the PKP). */
    static final String OWNER_KEY = "0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba";
    static final PrivateKeyEthSigner OWNER = PrivateKeyEthSigner.fromHex(OWNER_KEY);
    private static final Clock CLOCK = Clock.systemUTC();
    private static final String CODE = "Lit.Actions.setResponse({response: 'pkp ran'});";

    @TempDir
    static Path temp;
    @AutoClose
    private static Devnet devnet;
    private static Pkp pkp;

    @BeforeAll
    static void startDevnetAndMintAnOwnedPkp() {
        // with the state file `litj devnet up` writes: `litj pkp mint --data` mints on it
        devnet = TestDevnets.startAsIfUp(DevnetConfig.defaults(temp.resolve("devnet")).withNodes(3).withPorts(0, 0));
        pkp = devnet.mintPkp(OWNER.address(), PkpSessionFixture.permissions());
    }

    private static SessionSigs pkpSession(LitClient client) {
        return client.getPkpSessionSigs(PkpSessionFixture.walletRequest(client, pkp, PkpSessionFixture.WALLET, CLOCK));
    }

    private static String run(LitClient client, SessionSigs sigs) {
        return client.executeJs(ExecuteJsRequest.builder().code(CODE).sessionSigs(sigs).build()).response();
    }

    private static void assertEveryNodeRefuses(LitClientException e, LitErrorCode code) {
        assertEquals(3, e.nodeFailures().size(), e.toString());
        for (NodeFailure f : e.nodeFailures()) {
            assertEquals(code.wireName(), f.errorCode().orElse(""), f.describe());
        }
    }

    @Test
    void strangerIsRefused_ownerRevokes_andEveryNodeRefusesTheSession() {
        try (CountingTransport transport = new CountingTransport();
             LitClient client = PkpSessionFixture.connect(devnet, transport, CLOCK)) {
            SessionSigs sigs = pkpSession(client);
            assertEquals("pkp ran", run(client, sigs));

            LitClientException stranger = assertThrows(LitClientException.class,
                    () -> client.revokeSession(sigs, PkpSessionFixture.STRANGER));
            assertEveryNodeRefuses(stranger, LitErrorCode.NodeRevocationNotGranter);
            assertTrue(stranger.nodeFailures().getFirst().message().contains("is not the owner of the PKP "
                    + pkp.ethAddress()), stranger.nodeFailures().getFirst().message());
            assertEquals("pkp ran", run(client, sigs), "a refused revocation changes nothing");

            SessionRevocationResult r = client.revokeSession(sigs, OWNER);
            assertEquals(3, r.acceptedBy().size(), r.toString());
            LitClientException refused = assertThrows(LitClientException.class, () -> run(client, sigs));
            assertEveryNodeRefuses(refused, LitErrorCode.NodeSessionRevoked);
            assertTrue(refused.nodeFailures().getFirst().message().contains("signed by the PKP's owner "
                    + OWNER.address()), refused.nodeFailures().getFirst().message());
        }
    }

    /** A file of session sigs for {@code session} (a PKP session, by its wallet auth method). */
    private static Path sessionFile(Pkp session, String name) throws IOException {
        try (CountingTransport transport = new CountingTransport();
             LitClient client = PkpSessionFixture.connect(devnet, transport, CLOCK)) {
            return Files.writeString(temp.resolve(name), client.getPkpSessionSigs(PkpSessionFixture.walletRequest(
                    client, session, PkpSessionFixture.WALLET, CLOCK)).toJsonString());
        }
    }

    /** {@code litj pkp mint} of a PKP the session wallet may use (personal-sign), with {@code more} options. */
    private static Pkp cliMint(String... more) {
        List<String> args = new ArrayList<>(List.of("pkp", "mint", "--permit-address",
                PkpSessionFixture.WALLET.address().toChecksumString(), "--scope", "personal-sign", "--data",
                temp.resolve("devnet").toString(), "--json"));
        args.addAll(List.of(more));
        LitjRun minted = litj(args.toArray(String[]::new));
        assertEquals(0, minted.code(), minted.err());
        JsonValue.JsonObject out = JsonReader.parseObject(minted.out().strip(), LitErrorCode.InvalidArgument, "out");
        Pkp made = devnet.registry().pkp(((JsonValue.JsonString) out.get("tokenId").orElseThrow()).value()
                .substring(2)).orElseThrow();
        Optional<EthAddress> recorded = devnet.registry().pkpOwner(EthAddress.parse(made.ethAddress(), "pkp"));
        assertEquals(recorded.<JsonValue>map(o -> new JsonValue.JsonString(o.toChecksumString()))
                .orElse(JsonValue.JsonNull.INSTANCE), out.get("owner").orElseThrow(), "printed as recorded");
        return made;
    }

    @Test
    void cli_pkpMintWithOwner_recordsTheOwner_whoRevokesFromTheCli_withoutOwnerTheSameWalletCannot()
            throws IOException {
        Pkp owned = cliMint("--owner", OWNER.address().toChecksumString());
        Pkp unowned = cliMint();
        assertEquals(Optional.of(OWNER.address()), devnet.registry().pkpOwner(EthAddress.parse(owned.ethAddress(),
                "pkp")));
        assertEquals(Optional.empty(), devnet.registry().pkpOwner(EthAddress.parse(unowned.ethAddress(), "pkp")));
        String code = Files.writeString(temp.resolve("owned-action.js"), CODE).toString();

        Path ownedFile = sessionFile(owned, "owned-session.json");
        LitjRun revoked = litj("session", "revoke", "--rpc-url", devnet.rpcUrl(), "--private-key-file",
                keyFile(temp, OWNER_KEY), "--no-store", "--session", ownedFile.toString());
        assertEquals(0, revoked.code(), revoked.err());
        assertTrue(revoked.out().contains("accepted by 3 of 3"), revoked.out());
        LitjRun refused = litj("exec", "--rpc-url", devnet.rpcUrl(), "--session", ownedFile.toString(), "--code",
                code);
        assertEquals(Exit.REFUSED, refused.code(), refused.out() + refused.err());
        assertTrue(refused.err().contains(LitErrorCode.NodeSessionRevoked.wireName()), refused.err());

        Path unownedFile = sessionFile(unowned, "unowned-session.json");
        LitjRun notOwner = litj("session", "revoke", "--rpc-url", devnet.rpcUrl(), "--private-key-file",
                keyFile(temp, OWNER_KEY), "--no-store", "--session", unownedFile.toString());
        assertEquals(Exit.REFUSED, notOwner.code(), notOwner.out() + notOwner.err());
        assertTrue(notOwner.err().contains(LitErrorCode.NodeRevocationNotGranter.wireName()), notOwner.err());
        assertEquals(0, litj("exec", "--rpc-url", devnet.rpcUrl(), "--session", unownedFile.toString(), "--code",
                code).code(), "the refused revocation changed nothing");
    }

    @Test
    void cli_pkpMint_badOwner_isAUsageError_andMintsNothing() {
        int before = devnet.registry().pkps().size();
        LitjRun bad = litj("pkp", "mint", "--owner", "0x1234", "--permit-address",
                PkpSessionFixture.WALLET.address().toChecksumString(), "--data", temp.resolve("devnet").toString());
        assertEquals(Exit.USAGE, bad.code(), bad.out() + bad.err());
        assertTrue(bad.err().contains("--owner"), bad.err());
        assertEquals(before, devnet.registry().pkps().size(), "nothing minted");
    }

    @Test
    void cli_ownerRevokesAPkpSessionFile_theStrangerCannot() throws IOException {
        Path file = temp.resolve("pkp-session.json");
        SessionSigs sigs;
        try (CountingTransport transport = new CountingTransport();
             LitClient client = PkpSessionFixture.connect(devnet, transport, CLOCK)) {
            sigs = pkpSession(client);
        }
        Files.writeString(file, sigs.toJsonString());
        String code = Files.writeString(temp.resolve("action.js"), CODE).toString();
        LitjRun ran = litj("exec", "--rpc-url", devnet.rpcUrl(), "--session", file.toString(), "--code", code);
        assertEquals(0, ran.code(), ran.err());

        LitjRun stranger = litj("session", "revoke", "--rpc-url", devnet.rpcUrl(), "--private-key-file",
                keyFile(temp, PkpSessionFixture.STRANGER_KEY), "--no-store", "--session", file.toString());
        assertEquals(Exit.REFUSED, stranger.code(), stranger.out() + stranger.err());
        assertTrue(stranger.err().contains(LitErrorCode.NodeRevocationNotGranter.wireName()), stranger.err());
        assertEquals(0, litj("exec", "--rpc-url", devnet.rpcUrl(), "--session", file.toString(), "--code", code)
                .code(), "a refused revocation changes nothing");

        LitjRun owner = litj("session", "revoke", "--rpc-url", devnet.rpcUrl(), "--private-key-file",
                keyFile(temp, OWNER_KEY), "--no-store", "--session", file.toString());
        assertEquals(0, owner.code(), owner.err());
        String grant = SessionRevocation.grantDigest(sigs.byNodeUrl().values().iterator().next().payload()
                .capabilities().getLast().signedMessage()).hex0x();
        assertTrue(owner.out().contains("revoked grant " + grant) && owner.out().contains("accepted by 3 of 3"),
                owner.out());
        LitjRun refused = litj("exec", "--rpc-url", devnet.rpcUrl(), "--session", file.toString(), "--code", code);
        assertEquals(Exit.REFUSED, refused.code(), refused.out() + refused.err());
        assertTrue(refused.err().contains(LitErrorCode.NodeSessionRevoked.wireName()), refused.err());
    }
}
