package io.litj.cli;

import io.litj.client.AuthMethod;
import io.litj.client.ExecuteJsRequest;
import io.litj.client.ExecuteJsResult;
import io.litj.client.InMemorySessionStore;
import io.litj.client.LitClient;
import io.litj.client.LitClientException;
import io.litj.client.PkpSessionRequest;
import io.litj.client.SessionRequest;
import io.litj.client.SessionTerms;
import io.litj.devnet.Devnet;
import io.litj.devnet.DevnetConfig;
import io.litj.node.registry.Pkp;
import io.litj.node.registry.PkpPermission;
import io.litj.protocol.auth.AuthSig;
import io.litj.protocol.auth.AuthSigs;
import io.litj.protocol.auth.LitSiweBuilder;
import io.litj.protocol.auth.SessionKeyPair;
import io.litj.protocol.auth.SessionSig;
import io.litj.protocol.auth.SessionSigs;
import io.litj.protocol.crypto.EthSigner;
import io.litj.protocol.crypto.PrivateKeyEthSigner;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.resource.LitAbility;
import io.litj.protocol.resource.LitResource;
import io.litj.protocol.resource.ResourceAbilityRequest;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Set;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code litj demo}: starts a devnet in this process, makes a wallet session with the SDK, runs a Lit Action on
 * every node, shows a refusal and a session re-use, prints each step, and exits 0.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start a devnet, create a wallet session, run a Lit Action on every node, print each step.")
final class DemoCommand implements Callable<Integer> {
    static final String ACTION = String.join("\n",
            "(async () => {",
            "  const total = numbers.reduce((a, b) => a + b, 0);",
            "  console.log('hello from a litj node; caller', Lit.Auth.authSigAddress);",
            "  LitActions.setResponse({ response: JSON.stringify({ greeting: 'Hello, ' + name + '!', total }) });",
            "})();");
    static final String OTHER_ACTION = "LitActions.setResponse({ response: 'another action' });";

    @Spec
    CommandSpec spec;
    @Option(names = "--nodes", defaultValue = "3", description = "number of nodes (default ${DEFAULT-VALUE})")
    int nodes;
    @Option(names = "--verbose", description = "log every request")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path data = Files.createTempDirectory("litj-demo-");
        try {
            return run(out, data);
        } finally {
            deleteTree(data);
        }
    }

    private int run(PrintWriter out, Path data) {
        SecureRandom random = new SecureRandom();
        step(out, 1, "starting a devnet of " + nodes + " nodes (free ports on 127.0.0.1, data in " + data + ")");
        DevnetConfig config = DevnetConfig.defaults(data).withNodes(nodes).withPorts(0, 0);
        try (Devnet devnet = Devnet.start(config, Clock.systemUTC(), random)) {
            out.println("   chain view " + devnet.rpcUrl() + ", nodes " + devnet.nodeUrls());
            step(out, 2, "connecting the SDK like the JS SDK does: Staking contract over JSON-RPC, then handshakes");
            try (LitClient client = LitClient.builder().rpcUrl(URI.create(devnet.rpcUrl()))
                    .sessionStore(new InMemorySessionStore()).build()) {
                client.connect();
                out.println("   " + client.nodeUrls().size() + " nodes, threshold " + client.minNodeCount()
                        + ", latest block " + client.latestBlockhash());
                PrivateKeyEthSigner wallet = PrivateKeyEthSigner.fromBytes(randomBytes(random));
                int code = session(out, client, random, wallet);
                return code != 0 ? code : pkpSession(out, devnet, client, wallet);
            }
        }
    }

    private int session(PrintWriter out, LitClient client, SecureRandom random, PrivateKeyEthSigner key) {
        AtomicInteger signatures = new AtomicInteger();
        EthSigner wallet = new CountingSigner(key, signatures);
        SessionKeyPair sessionKey = SessionKeyPair.generate(random);
        SessionTerms anyAction = SessionTerms.of(
                ResourceAbilityRequest.of(LitResource.action("*"), LitAbility.LIT_ACTION_EXECUTION));
        step(out, 3, "a wallet " + wallet.address() + " grants session key " + sessionKey.fingerprint()
                + " the right to run any Lit Action (SIWE + ReCap, signed once)");
        SessionSigs sigs = client.getSessionSigs(SessionRequest.builder().terms(anyAction).signer(wallet)
                .sessionKey(sessionKey).build());
        SessionSig first = sigs.byNodeUrl().values().iterator().next();
        out.println("   " + sigs.byNodeUrl().size() + " session sigs, one per node; each signs its own nodeAddress"
                + " (payload " + first.signedMessage().length() + " bytes)");

        step(out, 4, "running a Lit Action on every node with jsParams {name, numbers}");
        JsonValue.JsonObject params = JsonValue.object().put("name", "litj")
                .put("numbers", new JsonValue.JsonArray(List.of(new JsonValue.JsonNumber(1),
                        new JsonValue.JsonNumber(2), new JsonValue.JsonNumber(3)))).build();
        ExecuteJsResult result = client.executeJs(ExecuteJsRequest.builder().code(ACTION).jsParams(params)
                .sessionSigs(sigs).build());
        result.perNode().forEach((url, o) -> out.println("   " + url + " answered " + o.response()));
        out.println("   combined response: " + result.response());
        out.print("   logs: " + result.logs());

        step(out, 5, "a session limited to another action's CID may not run this one");
        String otherCid = io.litj.node.actions.IpfsCid.v0(OTHER_ACTION.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        SessionSigs narrow = client.getSessionSigs(SessionRequest.builder()
                .terms(SessionTerms.of(ResourceAbilityRequest.of(LitResource.action(otherCid),
                        LitAbility.LIT_ACTION_EXECUTION)))
                .signer(wallet).sessionKey(sessionKey).build());
        try {
            client.executeJs(ExecuteJsRequest.builder().code(ACTION).jsParams(params).sessionSigs(narrow).build());
            out.println("   UNEXPECTED: the nodes ran it");
            return 1;
        } catch (LitClientException e) {
            out.println("   refused by every node: " + e.nodeErrorCode().orElse(e.code().wireName()));
        }
        ExecuteJsResult allowed = client.executeJs(ExecuteJsRequest.builder().code(OTHER_ACTION)
                .sessionSigs(narrow).build());
        out.println("   while " + otherCid + " itself runs: " + allowed.response());

        step(out, 6, "asking for the first session again re-uses the stored wallet grant");
        int before = signatures.get();
        client.getSessionSigs(SessionRequest.builder().terms(anyAction).signer(wallet).sessionKey(sessionKey)
                .build());
        out.println("   wallet signatures: " + before + " before, " + signatures.get() + " after");
        return 0;
    }

    private int pkpSession(PrintWriter out, Devnet devnet, LitClient client, PrivateKeyEthSigner wallet) {
        step(out, 7, "the nodes mint a PKP by DKG (each keeps a share; no one sees the key) that the wallet controls");
        Pkp pkp = devnet.mintPkp(List.of(new PkpPermission(PkpPermission.ETH_WALLET, wallet.address().toLowerHex(),
                Set.of(PkpPermission.SCOPE_PERSONAL_SIGN))));
        out.println("   PKP " + pkp.ethAddress() + " (token " + pkp.tokenId().substring(0, 12) + "…)");
        step(out, 8, "the wallet logs in; every node checks it and BLS-signs a session grant for the PKP with its "
                + "share; the SDK combines " + client.minNodeCount() + " shares and verifies them");
        AuthSig login = AuthSigs.generate(wallet, LitSiweBuilder.create(wallet.address(), client.latestBlockhash())
                .expiration(Instant.now().plus(Duration.ofHours(1))).build());
        SessionSigs pkpSigs = client.getPkpSessionSigs(PkpSessionRequest.builder().pkpPublicKey("0x" + pkp.publicKey())
                .authMethods(List.of(AuthMethod.ethWallet(login)))
                .terms(SessionTerms.of(ResourceAbilityRequest.of(LitResource.action("*"),
                        LitAbility.LIT_ACTION_EXECUTION))).build());
        ExecuteJsResult asPkp = client.executeJs(ExecuteJsRequest.builder()
                .code("LitActions.setResponse({response: 'proved by ' + Lit.Auth.authMethodContexts[0].userId});")
                .sessionSigs(pkpSigs).build());
        out.println("   the action ran for the PKP session: " + asPkp.response());
        step(out, 9, "done; stopping the devnet");
        out.flush();
        return 0;
    }

    private static void step(PrintWriter out, int n, String text) {
        out.println("[" + n + "] " + text);
        out.flush();
    }

    private static byte[] randomBytes(SecureRandom random) {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return b;
    }

    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException ignored) {
            // a temp folder left behind is harmless
        }
    }
}
