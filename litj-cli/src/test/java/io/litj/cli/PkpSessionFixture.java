package io.litj.cli;

import io.litj.client.AuthMethod;
import io.litj.client.JdkHttpNodeTransport;
import io.litj.client.LitClient;
import io.litj.client.NodeTransport;
import io.litj.client.PkpSessionRequest;
import io.litj.client.RawHttpResponse;
import io.litj.client.SessionTerms;
import io.litj.node.actions.IpfsCid;
import io.litj.devnet.Devnet;
import io.litj.node.registry.Pkp;
import io.litj.node.registry.PkpPermission;
import io.litj.protocol.auth.AuthSig;
import io.litj.protocol.auth.AuthSigs;
import io.litj.protocol.auth.BlsSessionMessage;
import io.litj.protocol.auth.LitSiweBuilder;
import io.litj.protocol.auth.SessionSigs;
import io.litj.protocol.crypto.PrivateKeyEthSigner;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.resource.LitAbility;
import io.litj.protocol.resource.LitResource;
import io.litj.protocol.resource.ResourceAbilityRequest;
import io.litj.threshold.bls.Bls;
import io.litj.threshold.bls.BlsPublicKey;
import io.litj.threshold.bls.BlsSignature;
import io.litj.protocol.testing.NodeJs;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the PKP-session tests against a devnet share: Hardhat's well-known test wallets (never real ones), the Lit
 * Actions that authorize or refuse a session and the one that reports its {@code Lit.Auth}, the PKP they mint,
 * the EthWallet login a client proves a wallet with, and a transport that counts requests per path.
 *
 * <p>The minted PKP permits {@link #WALLET} (personal sign), {@link #SCOPELESS} (no scope at all),
 * {@link #TRUE_ACTION} (sign anything) and {@link #FALSE_ACTION} (personal sign); {@link #STRANGER} is not
 * permitted. Permitting the refusing action too means that its refusal can only come from its answer.
 */
public final class PkpSessionFixture {
    /** Hardhat account #0: permitted by the PKP. */
    public static final String WALLET_KEY = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    /** Hardhat account #1: not permitted. */
    public static final String STRANGER_KEY = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";
    /** Hardhat account #2: permitted, but without any scope. */
    public static final String SCOPELESS_KEY = "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a";
    public static final PrivateKeyEthSigner WALLET = PrivateKeyEthSigner.fromHex(WALLET_KEY);
    public static final PrivateKeyEthSigner STRANGER = PrivateKeyEthSigner.fromHex(STRANGER_KEY);
    public static final PrivateKeyEthSigner SCOPELESS = PrivateKeyEthSigner.fromHex(SCOPELESS_KEY);

    /** Answers "true" only when it received its jsParams ({@code magic} 42) and runs as the only action. */
    public static final String TRUE_ACTION = "const ok = magic === 42 && Lit.Auth.actionIpfsIdStack.length === 1;\n"
            + "Lit.Actions.setResponse({ response: ok ? 'true' : 'no: ' + magic });\n";
    /** Answers "false", whatever it is given. */
    public static final String FALSE_ACTION = "console.log('refusing', magic);\n"
            + "Lit.Actions.setResponse({ response: 'false' });\n";
    /** Reports what the node let it see of the session: {@code Lit.Auth} and one jsParam. */
    public static final String AUTH_REPORT_ACTION = "console.log('auth report for', greeting);\n"
            + "Lit.Actions.setResponse({ response: JSON.stringify({ greeting, auth: Lit.Auth }) });\n";
    public static final String TRUE_ACTION_CID = cid(TRUE_ACTION);
    public static final String FALSE_ACTION_CID = cid(FALSE_ACTION);
    /** What {@link #TRUE_ACTION} and {@link #FALSE_ACTION} are given. */
    public static final JsonValue.JsonObject AUTH_PARAMS = JsonValue.object()
            .put("magic", new JsonValue.JsonNumber(42)).build();
    /** What {@link #AUTH_REPORT_ACTION} is given. */
    public static final JsonValue.JsonObject REPORT_PARAMS = JsonValue.object().put("greeting", "grüezi").build();
    /** What a PKP session asks for, as in the JS SDK's examples: run any action, sign with any PKP. */
    public static final List<ResourceAbilityRequest> RESOURCES = List.of(
            ResourceAbilityRequest.of(LitResource.action("*"), LitAbility.LIT_ACTION_EXECUTION),
            ResourceAbilityRequest.of(LitResource.pkp("*"), LitAbility.PKP_SIGNING));
    /** The request path of {@code signSessionKey}. */
    public static final String SIGN_SESSION_KEY_PATH = "/web/sign_session_key/v1";

    private PkpSessionFixture() {
    }

    public static String cid(String code) {
        return IpfsCid.v0(code.getBytes(StandardCharsets.UTF_8));
    }

    /** Mints (a DKG among the running nodes) the PKP described in the class comment. */
    public static Pkp mintPkp(Devnet devnet) {
        return devnet.mintPkp(permissions());
    }

    /** The permissions of the PKP described in the class comment. */
    public static List<PkpPermission> permissions() {
        return List.of(
                new PkpPermission(PkpPermission.ETH_WALLET, WALLET.address().toLowerHex(),
                        Set.of(PkpPermission.SCOPE_PERSONAL_SIGN)),
                new PkpPermission(PkpPermission.ETH_WALLET, SCOPELESS.address().toLowerHex(), Set.of()),
                new PkpPermission(PkpPermission.LIT_ACTION, TRUE_ACTION_CID, Set.of(PkpPermission.SCOPE_SIGN_ANYTHING)),
                new PkpPermission(PkpPermission.LIT_ACTION, FALSE_ACTION_CID,
                        Set.of(PkpPermission.SCOPE_PERSONAL_SIGN)));
    }

    /**
     * The arguments of {@code interop/pkp-flows.mjs} after {@code --rpc-url}/{@code --block-hash-url} for {@code pkp}:
     * the keys above, the three actions written into {@code actionsDir}, their parameters and the time limit.
     */
    public static String[] pkpFlowsArgs(Pkp pkp, Path actionsDir, long timeoutMs) throws IOException {
        Files.createDirectories(actionsDir);
        return new String[] {"--pkp-public-key", publicKey0x(pkp),
            "--wallet-key", WALLET_KEY,
            "--stranger-key", STRANGER_KEY,
            "--scopeless-key", SCOPELESS_KEY,
            "--true-code-file", write(actionsDir, "true.js", TRUE_ACTION),
            "--false-code-file", write(actionsDir, "false.js", FALSE_ACTION),
            "--report-code-file", write(actionsDir, "report.js", AUTH_REPORT_ACTION),
            "--auth-js-params", NodeJs.asciiJson(AUTH_PARAMS),
            "--report-js-params", NodeJs.asciiJson(REPORT_PARAMS),
            "--timeout-ms", Long.toString(timeoutMs)};
    }

    private static String write(Path dir, String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8).toString();
    }

    /** {@code 0x04…}, as applications pass {@code pkpPublicKey}. */
    public static String publicKey0x(Pkp pkp) {
        return "0x" + pkp.publicKey();
    }

    /**
     * The EthWallet auth method of {@code wallet}: its AuthSig over a login SIWE (URI {@code https://localhost/login},
     * not a session URI) whose nonce is the client's latest devnet block hash, valid for an hour.
     */
    public static AuthMethod walletLogin(LitClient client, PrivateKeyEthSigner wallet, Clock clock) {
        AuthSig login = AuthSigs.generate(wallet, LitSiweBuilder.create(wallet.address(), client.latestBlockhash())
                .clock(clock).expiration(clock.instant().plus(Duration.ofHours(1))).build());
        return AuthMethod.ethWallet(login);
    }

    /** A {@code getPkpSessionSigs} request for {@code pkp} proven by {@code wallet}. */
    public static PkpSessionRequest walletRequest(LitClient client, Pkp pkp, PrivateKeyEthSigner wallet,
                                                  Clock clock) {
        return PkpSessionRequest.builder().pkpPublicKey(publicKey0x(pkp))
                .authMethods(List.of(walletLogin(client, wallet, clock))).terms(SessionTerms.of(RESOURCES)).build();
    }

    /** A {@code getLitActionSessionSigs} request for {@code pkp}: the action alone decides, no auth method. */
    public static PkpSessionRequest actionRequest(Pkp pkp, String code) {
        return PkpSessionRequest.builder().pkpPublicKey(publicKey0x(pkp)).litActionCode(code).jsParams(AUTH_PARAMS)
                .terms(SessionTerms.of(RESOURCES)).build();
    }

    /** A client of the devnet's chain view (so it finds every node listed there) over {@code transport}. */
    public static LitClient connect(Devnet devnet, NodeTransport transport, Clock clock) {
        LitClient client = LitClient.builder().rpcUrl(URI.create(devnet.rpcUrl())).transport(transport).clock(clock)
                .connectTimeout(Duration.ofSeconds(5)).requestTimeout(Duration.ofSeconds(20)).build();
        client.connect();
        return client;
    }

    /** The network grant inside every session sig of {@code sigs}: their last capability, the same for all. */
    public static AuthSig grant(SessionSigs sigs) {
        List<AuthSig> grants = new ArrayList<>();
        sigs.byNodeUrl().values().forEach(s -> {
            List<AuthSig> caps = s.payload().capabilities();
            grants.add(caps.get(caps.size() - 1));
        });
        if (grants.stream().distinct().count() != 1) {
            throw new AssertionError("the session sigs carry different grants: " + grants);
        }
        return grants.get(0);
    }

    /**
     * Passes if {@code grant} is the network key's BLS signature over its SIWE (checked here, not by the client).
     *
     * @throws io.litj.threshold.ThresholdException {@code InvalidSignature} if it is not
     */
    public static void verifyUnder(BlsPublicKey networkKey, AuthSig grant) {
        Bls.verify(networkKey, BlsSessionMessage.of(grant.signedMessage()), BlsSignature.parseWire(grant.sig()));
    }

    /**
     * A {@link JdkHttpNodeTransport} that counts the requests it carries, by URL path. Close it after the clients
     * that use it (they do not close a transport they were given).
     */
    public static final class CountingTransport implements NodeTransport, AutoCloseable {
        private final JdkHttpNodeTransport delegate = JdkHttpNodeTransport.create(Duration.ofSeconds(5));
        private final Map<String, AtomicInteger> byPath = new ConcurrentHashMap<>();

        /** How many requests went to {@code path} so far (all nodes together). */
        public int count(String path) {
            AtomicInteger n = byPath.get(path);
            return n == null ? 0 : n.get();
        }

        @Override
        public CompletableFuture<RawHttpResponse> post(URI url, String jsonBody, Map<String, String> headers,
                                                       Duration timeout) {
            byPath.computeIfAbsent(url.getPath(), p -> new AtomicInteger()).incrementAndGet();
            return delegate.post(url, jsonBody, headers, timeout);
        }

        @Override
        public CompletableFuture<RawHttpResponse> get(URI url, Map<String, String> headers, Duration timeout) {
            byPath.computeIfAbsent(url.getPath(), p -> new AtomicInteger()).incrementAndGet();
            return delegate.get(url, headers, timeout);
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
