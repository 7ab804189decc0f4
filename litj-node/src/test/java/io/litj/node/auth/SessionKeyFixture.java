package io.litj.node.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.node.LitNodeException;
import io.litj.node.actions.ActionLimits;
import io.litj.node.actions.ActionRuntime;
import io.litj.node.actions.IpfsCid;
import io.litj.node.registry.Block;
import io.litj.node.registry.Pkp;
import io.litj.node.registry.PkpPermission;
import io.litj.node.registry.TestRegistries;
import io.litj.node.testing.InMemoryRegistry;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.testing.MutableClock;
import io.litj.protocol.auth.AuthSigs;
import io.litj.protocol.auth.LitSiweBuilder;
import io.litj.protocol.auth.SessionKeyPair;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.crypto.Hex;
import io.litj.protocol.crypto.PrivateKeyEthSigner;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.recap.Recap;
import io.litj.protocol.siwe.SiweMessage;
import io.litj.protocol.testing.TestSessions;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

/**
 * A 3-node network for {@code sign_session_key} tests: a registry (in memory) with blocks and PKPs, a mutable
 * clock, and factories for the JS SDK's requests (wallet login AuthSig, session SIWE template).
 *
 * <p>Blocks: {@link #oldBlock} (31 days old), {@link #fractionalBlock} (1 h old, with nanoseconds),
 * {@link #block} (12 s old: the one clients use). PKPs: {@link #pkp} permits the test wallet (scope 2) and
 * {@link #TRUE_ACTION} (scope 1); {@link #scopelessPkp} permits the wallet without a scope;
 * {@link #strangerPkp} permits only another wallet; {@link #unknownPkpKey} is not registered.
 */
public final class SessionKeyFixture implements AutoCloseable {
    public static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    public static final PrivateKeyEthSigner WALLET = TestSessions.WALLET;
    public static final PrivateKeyEthSigner STRANGER = TestSessions.OTHER_WALLET;
    public static final SessionKeyPair SESSION_KEY = TestSessions.SESSION_KEY;
    /** {@code getPkpSessionSigs}'s statement before the ReCap sentence (js-sdk-v7-wire-format.md §5.1–5.2). */
    public static final String PKP_STATEMENT = "Lit Protocol PKP session signature " + Recap.STATEMENT_PREAMBLE;
    /** Answers "true" if it sees its params and its own CID in the auth context. */
    public static final String TRUE_ACTION = "LitActions.setResponse({response: (magic === 42"
            + " && Lit.Auth.actionIpfsIds.length === 1 && Lit.Auth.actionIpfsIdStack.length === 1) ? 'true' : 'no'});";
    public static final String TRUE_ACTION_CID = IpfsCid.v0(TRUE_ACTION.getBytes(StandardCharsets.UTF_8));
    /** Hardhat accounts #2–#5 as PKP keys (only their public halves matter). */
    private static final List<String> PKP_SECRETS = List.of(
            "5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a",
            "7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6",
            "47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a",
            "8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba");

    public final MutableClock clock = new MutableClock(NOW);
    public final InMemoryRegistry registry;
    public final Block oldBlock;
    public final Block fractionalBlock;
    public final Block block;
    public final byte[] pkpKey = publicKey(PKP_SECRETS.get(0));
    public final byte[] scopelessPkpKey = publicKey(PKP_SECRETS.get(1));
    public final byte[] strangerPkpKey = publicKey(PKP_SECRETS.get(2));
    public final byte[] unknownPkpKey = publicKey(PKP_SECRETS.get(3));
    public final Pkp pkp;
    public final Pkp scopelessPkp;
    public final Pkp strangerPkp;

    private SessionKeyFixture() {
        registry = new InMemoryRegistry(TestRegistries.network(3), TestRegistries.nodes(3));
        oldBlock = new Block(0, "0x" + "0b".repeat(32), NOW.minus(Duration.ofDays(31)));
        fractionalBlock = new Block(1, "0x" + "1f".repeat(32), NOW.minus(Duration.ofHours(1)).plusNanos(987_654_321));
        block = new Block(2, "0x" + "ab12".repeat(16), NOW.minusSeconds(12));
        List.of(oldBlock, fractionalBlock, block).forEach(registry::appendBlock);
        String wallet = WALLET.address().toLowerHex();
        pkp = Pkp.of(pkpKey, List.of(new PkpPermission(PkpPermission.ETH_WALLET, wallet,
                        Set.of(PkpPermission.SCOPE_PERSONAL_SIGN)),
                new PkpPermission(PkpPermission.LIT_ACTION, TRUE_ACTION_CID,
                        Set.of(PkpPermission.SCOPE_SIGN_ANYTHING))));
        scopelessPkp = Pkp.of(scopelessPkpKey, List.of(new PkpPermission(PkpPermission.ETH_WALLET, wallet, Set.of())));
        strangerPkp = Pkp.of(strangerPkpKey, List.of(new PkpPermission(PkpPermission.ETH_WALLET,
                STRANGER.address().toLowerHex(), Set.of(PkpPermission.SCOPE_SIGN_ANYTHING))));
        List.of(pkp, scopelessPkp, strangerPkp).forEach(registry::addPkp);
    }

    /** A fresh network. */
    public static SessionKeyFixture create() {
        return new SessionKeyFixture();
    }

    /** A Lit Action runtime with short limits. */
    public static ActionRuntime runtime() {
        return new ActionRuntime(ActionLimits.defaults().withTimeout(Duration.ofSeconds(5)).withMaxConcurrent(8));
    }

    /** The uncompressed secp256k1 public key (65 bytes) of a private key. */
    public static byte[] publicKey(String secretHex) {
        byte[] xy = Numeric.toBytesPadded(Sign.publicKeyFromPrivate(new BigInteger(secretHex, 16)), 64);
        byte[] out = new byte[65];
        out[0] = 0x04;
        System.arraycopy(xy, 0, out, 1, 64);
        return out;
    }

    /** {@code 0x04…}, as the JS SDK sends {@code pkpPublicKey}. */
    public static String hex0x(byte[] key) {
        return "0x" + Hex.encode(key);
    }

    public static EthAddress address(byte[] key) {
        return EthAddress.fromPublicKey(key);
    }

    /** The wallet's login SIWE as the JS SDK's EthWalletProvider makes it: nonce = the latest block, 1 day. */
    public LitSiweBuilder walletLogin() {
        return LitSiweBuilder.create(WALLET.address(), block.hash()).clock(clock)
                .expiration(clock.instant().plus(Duration.ofDays(1)));
    }

    /** The EthWallet access token: the JSON of the wallet's AuthSig over {@code login}. */
    public static String accessToken(PrivateKeyEthSigner signer, SiweMessage login) {
        return AuthSigs.generate(signer, login).toJsonString();
    }

    /** The access token of {@link #walletLogin()} signed by the wallet. */
    public String walletToken() {
        return accessToken(WALLET, walletLogin().build());
    }

    /** {@code signSessionKey}'s SIWE template for {@link #pkp}: lit-litaction and lit-pkp, 24 h. */
    public LitSiweBuilder sessionSiwe() {
        return sessionSiwe(pkpKey);
    }

    /** {@code signSessionKey}'s SIWE template for the PKP with public key {@code key}. */
    public LitSiweBuilder sessionSiwe(byte[] key) {
        return LitSiweBuilder.create(address(key), block.hash()).clock(clock).domain("litprotocol.com")
                .statement(PKP_STATEMENT).uri(SESSION_KEY.uri())
                .expiration(clock.instant().plus(Duration.ofDays(1))).resources(TestSessions.actionAndPkp());
    }

    /** A request with one EthWallet auth method, the key given, and no Lit Action. */
    public SessionKeyRequest walletRequest(String accessToken, Optional<String> pkpPublicKey, String siwe) {
        return new SessionKeyRequest(SESSION_KEY.uri(), List.of(new SessionKeyRequest.AuthMethod(1, accessToken)),
                pkpPublicKey, siwe, Optional.empty(), Optional.empty(), JsonValue.JsonObject.empty(),
                Map.of());
    }

    /**
     * A request of the session key {@code key} for {@link #pkp}, proven by the EthWallet access {@code tokens} in
     * order, with no Lit Action; its SIWE template names {@code key}.
     */
    public SessionKeyRequest walletRequest(SessionKeyPair key, List<String> tokens) {
        return new SessionKeyRequest(key.uri(), tokens.stream().map(t -> new SessionKeyRequest.AuthMethod(1, t))
                .toList(), Optional.of(hex0x(pkpKey)), sessionSiwe().uri(key.uri()).render(), Optional.empty(),
                Optional.empty(), JsonValue.JsonObject.empty(), Map.of());
    }

    /** A request proven by the Lit Action {@code code} alone, with {@code jsParams {magic: 42}}. */
    public SessionKeyRequest actionRequest(String code) {
        return new SessionKeyRequest(SESSION_KEY.uri(), List.of(), Optional.of(hex0x(pkpKey)),
                sessionSiwe().render(), Optional.of(code), Optional.empty(),
                JsonValue.object().put("magic", new JsonValue.JsonNumber(42)).build(), Map.of());
    }

    /**
     * A request proven by the wallet, which {@link #pkp} permits, and carrying the Lit Action {@code code}: the action
     * runs (its CID need not be permitted) and its answer decides.
     */
    public SessionKeyRequest walletAndActionRequest(String code) {
        SessionKeyRequest action = actionRequest(code);
        return new SessionKeyRequest(action.sessionKey(), List.of(new SessionKeyRequest.AuthMethod(1, walletToken())),
                action.pkpPublicKey(), action.siweMessage(), action.litActionCode(), Optional.empty(),
                action.jsParams(), Map.of());
    }

    /**
     * Asserts that {@code authorizer} refuses {@code request} in the check named {@code check} with {@code code}: the
     * exception's code, the first {@code details} line {@code "<check>: <message>"}, and that the check declares the
     * code.
     */
    static LitNodeException assertRefused(SessionKeyAuthorizer authorizer, LitErrorCode code, String check,
                                          SessionKeyRequest request) {
        LitNodeException e = assertThrows(LitNodeException.class, () -> authorizer.authorize(request));
        assertEquals(code, e.code(), e::getMessage);
        assertEquals(check + ": " + e.getMessage(), e.details().getFirst(), e::getMessage);
        SessionKeyCheck named = authorizer.checks().stream().filter(c -> c.name().equals(check)).findFirst()
                .orElseThrow(() -> new AssertionError("no check named " + check));
        assertTrue(named.codes().contains(code), () -> check + " does not declare " + code + " " + named.codes());
        return e;
    }

    @Override
    public void close() {
        registry.close();
    }
}
