package io.litj.cli;

import static io.litj.cli.LitjRun.litj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.cli.PkpSessionFixture.CountingTransport;
import io.litj.client.ExecuteJsRequest;
import io.litj.client.LitClient;
import io.litj.client.LitClientException;
import io.litj.client.NodeFailure;
import io.litj.devnet.Devnet;
import io.litj.node.registry.Pkp;
import io.litj.protocol.auth.AuthSig;
import io.litj.protocol.auth.AuthSigs;
import io.litj.protocol.auth.LitSiweBuilder;
import io.litj.protocol.auth.SessionKeyPair;
import io.litj.protocol.auth.SessionSigIssuer;
import io.litj.protocol.auth.SessionSigs;
import io.litj.protocol.resource.LitAbility;
import io.litj.protocol.resource.LitResource;
import io.litj.protocol.resource.ResourceAbilityRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, "Readable denials", against a real 3-node devnet: {@code litj session inspect --rpc-url} judges wallet and
 * PKP sessions (a PKP session is ALLOWED once the network key is read; offline it is refused as unverifiable) and
 * explains refusals per request and per capability; node refusals in a {@link LitClientException} carry the same
 * per-capability reasons and {@code litj exec}'s printer ({@link Failures#describe}) prints them the same way.
 */
class ReadableDenialsTest {
    private static final Clock CLOCK = Clock.systemUTC();
    private static final ResourceAbilityRequest ACTION =
            ResourceAbilityRequest.of(LitResource.action("*"), LitAbility.LIT_ACTION_EXECUTION);
    private static final ResourceAbilityRequest PKP_SIGNING =
            ResourceAbilityRequest.of(LitResource.pkp("*"), LitAbility.PKP_SIGNING);

    @TempDir
    static Path temp;
    @AutoClose
    private static Devnet devnet;
    private static Pkp pkp;

    @BeforeAll
    static void startDevnetAndMintPkp() {
        devnet = TestDevnets.start(temp.resolve("devnet"));
        pkp = PkpSessionFixture.mintPkp(devnet);
    }

    private static Path write(String name, SessionSigs sigs) throws IOException {
        return Files.writeString(temp.resolve(name), sigs.toJsonString());
    }

    /** Session sigs listing Lit Action execution whose wallet grant covers only PKP signing: refused per capability. */
    private static SessionSigs actionRequestedButOnlyPkpGranted(LitClient client) {
        SessionKeyPair key = SessionKeyPair.generate(new SecureRandom());
        AuthSig grant = AuthSigs.generate(PkpSessionFixture.STRANGER, LitSiweBuilder
                .create(PkpSessionFixture.STRANGER.address(), client.latestBlockhash()).clock(CLOCK).uri(key.uri())
                .expiration(CLOCK.instant().plus(Duration.ofHours(1))).resources(List.of(PKP_SIGNING)).build());
        return new SessionSigIssuer(CLOCK).issue(key, List.of(ACTION), List.of(grant),
                CLOCK.instant().plus(Duration.ofHours(1)), client.nodeUrls());
    }

    @Test
    void inspect_walletSession_withRpcUrl_judgesEveryRequestedResourceAllowed() throws IOException {
        LitjRun created = litj("session", "create", "--rpc-url", devnet.rpcUrl(), "--private-key",
                PkpSessionFixture.STRANGER_KEY, "--no-store", "--resource", "lit-litaction://*", "--resource",
                "lit-pkp://*");
        assertEquals(0, created.code(), created.both());
        Path file = Files.writeString(temp.resolve("wallet.json"), created.out());

        LitjRun run = litj("session", "inspect", file.toString(), "--rpc-url", devnet.rpcUrl());
        assertEquals(0, run.code(), run.both());
        String wallet = PkpSessionFixture.STRANGER.address().toChecksumString();
        assertTrue(run.out().contains("lit-litaction://* lit-action-execution: ALLOWED for " + wallet
                + " through capability 0 (all 3 nodes)"), run.out());
        assertTrue(run.out().contains("lit-pkp://* pkp-signing: ALLOWED for " + wallet), run.out());
        assertTrue(run.out().contains("    capabilities[0] passed every check (CapabilityKindCheck, SiweParseCheck"),
                run.out());
    }

    @Test
    void inspect_pkpSession_isAllowedWithTheNetworkKeyAndUnverifiableWithout() throws IOException {
        SessionSigs sigs;
        try (CountingTransport transport = new CountingTransport();
             LitClient client = PkpSessionFixture.connect(devnet, transport, CLOCK)) {
            sigs = client.getPkpSessionSigs(PkpSessionFixture.walletRequest(client, pkp, PkpSessionFixture.WALLET,
                    CLOCK));
        }
        Path file = write("pkp.json", sigs);
        String pkpAddress = io.litj.protocol.crypto.EthAddress.fromPublicKey(
                io.litj.protocol.crypto.Hex.decode(pkp.publicKey(), "pkp")).toChecksumString();

        LitjRun online = litj("session", "inspect", file.toString(), "--rpc-url", devnet.rpcUrl());
        assertEquals(0, online.code(), online.both());
        assertTrue(online.out().contains("lit-litaction://* lit-action-execution: ALLOWED for " + pkpAddress
                + " through capability 0"), online.out());
        assertTrue(online.out().contains("checked below against the network key from --rpc-url"), online.out());
        assertFalse(online.out().contains("REFUSED"), online.out());

        LitjRun offline = litj("session", "inspect", file.toString());
        assertEquals(4, offline.code(), offline.both());
        assertTrue(offline.out().contains("lit-litaction://* lit-action-execution: REFUSED NodeResourceIdNotFound by "
                + "CapabilityChecks"), offline.out());
        assertTrue(offline.out().contains("capabilities[0] passed CapabilityKindCheck, SiweParseCheck, SiweTimeCheck, "
                + "SiweWindowCheck, SiweUriCheck, RecapDecodeCheck, RecapStatementCheck, RecapCoverageCheck; failed "
                + "CapabilitySignatureCheck"), offline.out());
        assertTrue(offline.out().contains("give --rpc-url to check them here"), offline.out());
    }

    @Test
    void refusedSession_inspectAndExecPrintTheSamePerCapabilityReason() throws IOException {
        try (CountingTransport transport = new CountingTransport();
             LitClient client = PkpSessionFixture.connect(devnet, transport, CLOCK)) {
            SessionSigs sigs = actionRequestedButOnlyPkpGranted(client);
            LitjRun inspect = litj("session", "inspect", write("refused.json", sigs).toString(), "--rpc-url",
                    devnet.rpcUrl());
            assertEquals(4, inspect.code(), inspect.both());
            String capabilityLine = inspect.out().lines().filter(l -> l.contains("capabilities[0] passed"))
                    .findFirst().orElseThrow(() -> new AssertionError(inspect.out())).strip();
            assertTrue(capabilityLine.startsWith("capabilities[0] passed CapabilityKindCheck, SiweParseCheck, "
                    + "SiweTimeCheck, SiweWindowCheck, SiweUriCheck, RecapDecodeCheck, RecapStatementCheck; failed "
                    + "RecapCoverageCheck NodeSIWECapabilityInvalid: no ReCap grants Threshold/Execution on lit-litaction://*"),
                    capabilityLine);
            assertTrue(inspect.out().contains("refused by CapabilityChecks (every session check passed; no capability "
                    + "authorizes the request)"), inspect.out());

            LitClientException e = assertThrows(LitClientException.class, () -> client.executeJs(ExecuteJsRequest
                    .builder().code("Lit.Actions.setResponse({response: 'hi'})").sessionSigs(sigs).build()));
            assertEquals(3, e.nodeFailures().size());
            for (NodeFailure f : e.nodeFailures()) {
                assertEquals("CapabilityChecks", f.check().orElseThrow(), f.details().toString());
                assertEquals(1, f.capabilityReasons().size(), f.details().toString());
                assertEquals("RecapCoverageCheck", f.capabilityReasons().get(0).check());
                assertEquals("NodeSIWECapabilityInvalid", f.capabilityReasons().get(0).errorCode());
            }
            String printed = Failures.describe(e, 3);
            assertTrue(printed.startsWith("refused by the network: [NodeResourceIdNotFound] "), printed);
            // the same line as inspect's, but for the resource: exec asks for the action's own CID, inspect for '*'
            String sameReason = capabilityLine.substring(0, capabilityLine.indexOf("lit-litaction://"));
            assertTrue(printed.contains(" (all 3 nodes)\n    refused by CapabilityChecks (every session check passed; "
                    + "no capability authorizes the request)\n    " + sameReason + "lit-litaction://Qm"), printed);
            assertTrue(Failures.toJson(e).toString().contains("RecapCoverageCheck"), Failures.toJson(e).toString());
        }
    }
}
