package io.litj.client;

import io.litj.client.internal.Urls;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.acc.ConditionSet;
import io.litj.protocol.auth.AuthSig;
import io.litj.protocol.auth.BlsCapabilityVerifier;
import io.litj.protocol.auth.SessionSigs;
import io.litj.protocol.crypto.EthSigner;
import io.litj.protocol.crypto.EthAddress;
import io.litj.threshold.bls.Bls;
import io.litj.threshold.bls.BlsPublicKey;
import java.net.URI;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection to a Lit network: finds the nodes, handshakes with them, makes session sigs and runs Lit Actions,
 * speaking the wire protocol of the JS SDK 7.4.0 ({@code js-sdk-v7-wire-format.md} §4, §7, §8).
 *
 * <pre>{@code
 * try (LitClient client = LitClient.builder().rpcUrl(URI.create("http://127.0.0.1:8545")).build()) {
 *     client.connect();
 *     SessionSigs sigs = client.getSessionSigs(SessionRequest.of(SessionTerms.of(
 *             ResourceAbilityRequest.of(LitResource.action("*"), LitAbility.LIT_ACTION_EXECUTION)), wallet));
 *     ExecuteJsResult result = client.executeJs(ExecuteJsRequest.builder()
 *             .code("Lit.Actions.setResponse({response: 'hi'})").sessionSigs(sigs).build());
 * }
 * }</pre>
 *
 * <p>Nodes come either from the Staking contract read through {@link Builder#rpcUrl} (as the JS SDK does, also for
 * custom networks) or from {@link Builder#nodeUrls}. {@link #connect()} handshakes with all of them in parallel and
 * keeps those that answer and agree on the network keys; at least {@code minNodeCount} must.
 *
 * <p>Thread-safe: one client may serve many threads. Immutable configuration; the connection state is replaced
 * as a whole by {@link #connect()}. Strict defaults: {@code https} except to loopback hosts (see
 * {@link Builder#allowPlainHttp()}), sessions kept in memory only (see {@link Builder#sessionStore}).
 */
public final class LitClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LitClient.class);
    /** The datil-dev Staking contract, which the JS SDK also uses for {@code custom} networks. */
    public static final String DATIL_DEV_STAKING_ADDRESS = "0xD4507CD392Af2c80919219d7896508728f6A623F";
    /** How long a block hash is used before it is refreshed (the JS SDK's 30 s). */
    public static final Duration BLOCKHASH_MAX_AGE = Duration.ofSeconds(30);
    static final Duration MAX_CONNECT_TIMEOUT = Duration.ofMinutes(5);
    static final Duration MAX_REQUEST_TIMEOUT = Duration.ofMinutes(10);

    private final ClientConfig cfg;
    private final SessionManager sessions;
    private final ReentrantLock connectLock = new ReentrantLock();
    private final LatestBlockhash blockhash;
    private volatile ConnectionState state;
    private volatile boolean closed;
    /** What closes with this client (session keepers). */
    private final List<AutoCloseable> closeWith = new java.util.concurrent.CopyOnWriteArrayList<>();

    private LitClient(ClientConfig cfg) {
        this.cfg = cfg;
        this.sessions = new SessionManager(cfg);
        this.blockhash = new LatestBlockhash(cfg.transport(), cfg.blockHashUrl(), cfg.connectTimeout(), cfg.clock());
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Finds the nodes and handshakes with them; calling it again reconnects (if that fails, the previous
     * connection stays in use).
     *
     * @throws LitClientException {@code ClientNotReady} after {@link #close()}; {@code NetworkError} (nodes or RPC
     *         unreachable), {@code NodeError} (nodes answered with errors) or {@code InitError} (disagreeing
     *         nodes, a bad contract answer) when fewer than {@code minNodeCount} nodes answer and agree, naming each
     *         failing node; {@code InvalidEthBlockhash} when no usable {@code latestBlockhash} came back
     */
    public void connect() {
        connectLock.lock();
        try {
            requireOpen();
            Connector.Connected connected = new Connector(cfg).connect();
            blockhash.set(connected.blockhash());
            state = connected.state();
        } catch (LitProtocolException e) {
            throw LitClientException.from(e);
        } finally {
            connectLock.unlock();
        }
    }

    /** True after a successful {@link #connect()} and before {@link #close()}. */
    public boolean connected() {
        return state != null && !closed;
    }

    /** The URLs of the connected nodes, exactly as used for {@code nodeAddress} and as session-sig keys. */
    public List<String> nodeUrls() {
        return requireConnected().nodeUrls();
    }

    /** How many nodes must answer and agree (from the Staking contract or the builder). */
    public int minNodeCount() {
        return requireConnected().minNodeCount();
    }

    /** The epoch sent with node requests. */
    public long epoch() {
        return requireConnected().epoch();
    }

    /** The network's BLS public key (hex) from the handshake; empty if nodes have none yet ({@code "ERR"}). */
    public Optional<String> networkPublicKey() {
        return requireConnected().networkPublicKey();
    }

    /** The subnet BLS public key (hex) used for encryption; empty if nodes have none yet. */
    public Optional<String> subnetPublicKey() {
        return requireConnected().subnetPublicKey();
    }

    /** The name sessions are stored under (see {@link Builder#network}). */
    public String network() {
        return cfg.network();
    }

    /**
     * The latest block hash, the nonce of new session grants. Refreshed through the block-hash URL when older than
     * {@link #BLOCKHASH_MAX_AGE}; if that fails the previous hash is kept and a warning logged (as the JS SDK does).
     *
     * @throws LitClientException {@code ClientNotReady} before {@link #connect()}
     */
    public String latestBlockhash() {
        requireConnected();
        return blockhash.get();
    }

    /**
     * A capacity-credit delegation ({@code createCapacityDelegationAuthSig}, {@code js-sdk-v7-wire-format.md} §6):
     * the credit owner signs a SIWE letting the request's delegatees have their requests paid by the owner's
     * credit. The nonce is the network's latest block hash, so the client connects first if it is not connected
     * (as the JS SDK does). Pass the result in {@link SessionTerms.Builder#capabilityAuthSigs} of the delegatee's
     * session; it is never sent on its own. Byte-identical to the JS SDK's AuthSig for the same inputs and clock.
     *
     * @throws LitClientException {@code ClientNotReady} after {@link #close()}; what {@link #connect()} throws;
     *         {@code InvalidArgument} for an expiration that is not after now; {@code WalletSignatureNotFound} when
     *         the owner's signer fails; {@code InvalidSignature} when its signature does not recover the owner
     */
    public AuthSig createCapacityDelegationAuthSig(CapacityDelegationRequest request) {
        Objects.requireNonNull(request, "request");
        if (!connected()) {
            connect();
        }
        return CapacityDelegationSigner.sign(request, latestBlockhash(), cfg.clock());
    }

    /**
     * Session sigs for every connected node, granted by the request's signer or callback (asked only when no
     * stored grant can be re-used). Contacts no node; may refresh the block hash.
     *
     * @throws LitClientException {@code ClientNotReady} before {@link #connect()}; {@code InvalidArgument} for an
     *         expiration not in (now, now + 30 days], an expired capability AuthSig or a grant for another
     *         account; {@code WalletSignatureNotFound} when the signer or callback fails or returns an empty
     *         AuthSig; {@code InvalidSignature} when a new grant would be refused by nodes
     */
    public SessionSigs getSessionSigs(SessionRequest request) {
        Objects.requireNonNull(request, "request");
        return sessions.getSessionSigs(request, requireConnected(), this::latestBlockhash);
    }

    /**
     * Session sigs granted by a PKP ({@code getPkpSessionSigs}): every node checks the request's auth methods (and
     * Lit Action, if any) and the PKP's permissions, then BLS-signs a SIWE delegating the PKP to the session key; at
     * least {@link #minNodeCount()} agreeing shares are combined and verified under the network key, and the
     * resulting {@code lit.bls} AuthSig is stored like a wallet grant (keyed by the PKP address and who proved
     * control) and re-used by later calls while nodes would still accept it.
     *
     * @throws LitClientException {@code ClientNotReady} before {@link #connect()}; {@code InvalidArgument} as for
     *         {@link #getSessionSigs}; {@code InitError} when the network has no BLS key; {@code NodeError} with every
     *         node's error when too few nodes agree to sign (e.g. {@code NodePKPNotAuthorized}); {@code
     *         InvalidSignature} when the shares do not combine into a valid signature
     */
    public SessionSigs getPkpSessionSigs(PkpSessionRequest request) {
        Objects.requireNonNull(request, "request");
        return sessions.getPkpSessionSigs(request, requireConnected(), this::latestBlockhash);
    }

    /**
     * Session sigs granted to a PKP by a Lit Action ({@code getLitActionSessionSigs}): like
     * {@link #getPkpSessionSigs}, but the request must carry the action (code or IPFS id), which every node runs and
     * which must answer {@code "true"}.
     *
     * @throws LitClientException {@code InvalidArgument} without a Lit Action; otherwise as
     *         {@link #getPkpSessionSigs}
     */
    public SessionSigs getLitActionSessionSigs(PkpSessionRequest request) {
        if (request.litActionCode().isEmpty() && request.litActionIpfsId().isEmpty()) {
            throw new LitClientException(LitErrorCode.InvalidArgument,
                    "getLitActionSessionSigs needs litActionCode or litActionIpfsId");
        }
        return getPkpSessionSigs(request);
    }

    /**
     * Runs a Lit Action on every connected node (or one, see {@link ExecuteJsRequest#useSingleNode()}); all must
     * succeed. Each node receives only its own session sig.
     *
     * @throws LitClientException {@code ClientNotReady} before {@link #connect()}; {@code InvalidArgument} when the
     *         session sigs lack a connected node; {@code InvalidSessionSigs} when a session sig is malformed,
     *         misaddressed or expired (checked before anything is sent); {@code NodeError} (with every node's error,
     *         most common code first) or {@code NetworkError} when a node fails
     */
    public ExecuteJsResult executeJs(ExecuteJsRequest request) {
        Objects.requireNonNull(request, "request");
        try {
            return ExecuteJsCall.run(request, cfg, requireConnected());
        } catch (LitProtocolException e) {
            throw LitClientException.from(e);
        }
    }

    /**
     * Signs a 32-byte digest with a PKP ({@code pkpSign}): every connected node gets {@code /web/pkp/sign/v1} with
     * its own session sig and all must answer; the nodes of the signing set send signature shares, which are
     * combined as the JS SDK combines them and verified under the PKP key before the signature is returned. The
     * session must grant {@code pkp-signing} on the PKP (see {@link PkpSignRequest#sessionResources}).
     *
     * @throws LitClientException {@code ClientNotReady} before {@link #connect()}; {@code InvalidArgument} when the
     *         session sigs lack a connected node; {@code InvalidSessionSigs} for a malformed, misaddressed or expired
     *         session sig (checked before anything is sent); {@code NodeError} (every node's error, most common code
     *         first, e.g. {@code NodePKPNotAuthorized}) or {@code NetworkError} when a node fails;
     *         {@code NoValidShares} when fewer than {@link #minNodeCount()} nodes sent a share;
     *         {@code InvalidSignature} when a share is bad, with the node(s) named in {@link
     *         LitClientException#nodeFailures()}
     */
    public PkpSignature pkpSign(PkpSignRequest request) {
        Objects.requireNonNull(request, "request");
        try {
            return PkpSignCall.run(request, cfg, requireConnected());
        } catch (LitProtocolException e) {
            throw LitClientException.from(e);
        }
    }

    /**
     * Encrypts {@code plaintext} so that only callers meeting {@code conditions} can decrypt it, as the JS SDK 7.4.0
     * {@code encrypt} does: locally, a time-lock ciphertext under the handshake's subnet key to the identity
     * {@code lit-accesscontrolcondition://<accHash>/<SHA-256(plaintext)>}. Contacts no node.
     *
     * @throws LitClientException {@code ClientNotReady} before {@link #connect()}; {@code InitError} when the
     *         nodes reported no BLS key; {@code InvalidArgument} for a plaintext over 64 MiB
     */
    public EncryptResult encrypt(ConditionSet conditions, byte[] plaintext) {
        Objects.requireNonNull(conditions, "conditions");
        Objects.requireNonNull(plaintext, "plaintext");
        return DecryptCall.encrypt(conditions, plaintext, requireConnected().requireSubnetKey(), cfg.random());
    }

    /**
     * Decrypts what {@link #encrypt} (or the JS SDK's {@code encrypt}) made: every connected node gets the JS SDK's
     * {@code /web/encryption/sign/} request with its own session sig, checks the session and the conditions and
     * answers with a share of the network's signature over the identity; at least {@link #minNodeCount()} shares
     * are combined, the signature is verified under the subnet key, and the ciphertext must pass its integrity
     * check. The plaintext is never logged.
     *
     * @throws LitClientException {@code ClientNotReady} before {@link #connect()}; {@code InitError} when the nodes
     *         reported no BLS key; {@code InvalidArgument} for a malformed ciphertext or session sigs lacking a
     *         node; {@code InvalidSessionSigs} for a malformed, misaddressed or expired session sig (checked before
     *         anything is sent); {@code NodeError} (every node's error, see {@link
     *         LitClientException#nodeErrorCode()}, e.g. {@code NodeAccessControlConditionsReturnedNotAuthorized})
     *         or {@code NetworkError} when fewer than {@link #minNodeCount()} nodes sent a share;
     *         {@code InvalidSignature} when the shares do not combine into a verified signature or the ciphertext
     *         does not open (altered, or made for another identity)
     */
    public DecryptedData decrypt(DecryptRequest request) {
        Objects.requireNonNull(request, "request");
        try {
            return DecryptCall.decrypt(request, cfg, requireConnected());
        } catch (LitProtocolException e) {
            throw LitClientException.from(e);
        }
    }

    /**
     * A JWT signed by the network saying that the session's user meets the request's conditions: every connected
     * node gets {@code /web/signing/access_control_condition/v1} with its own session sig; at least
     * {@link #minNodeCount()} shares over the nodes' {@code unsignedJwt} (checked to claim what was asked) are
     * combined and verified under the network key. Check a token with {@link Jwt#verify}.
     *
     * @throws LitClientException as {@link #decrypt}, with {@code InvalidSignature} also when the nodes' token
     *         claims other conditions, chain or window than asked
     */
    public String getSignedToken(SignedTokenRequest request) {
        Objects.requireNonNull(request, "request");
        try {
            return SignedTokenCall.run(request, cfg, requireConnected());
        } catch (LitProtocolException e) {
            throw LitClientException.from(e);
        }
    }

    /**
     * Revokes the session of {@code sessionSigs} before it expires (litj; {@code docs/revocation.md}): each grant in
     * it that {@code granter} signed for its session key is revoked with a revocation {@code granter} signs now, sent
     * to every connected node ({@code POST /web/revoke}); nodes share it with each other and from then on refuse
     * the session with {@code NodeSessionRevoked}. For a PKP session, {@code granter} is the PKP's owner: its PKP
     * grants are revoked in the PKP's name, signed by the owner, and nodes check the ownership in their registry
     * ({@code NodeRevocationNotGranter} for anyone else). The stored session of these sigs is dropped.
     *
     * @throws LitClientException {@code ClientNotReady} before {@link #connect()}; {@code InvalidArgument} when the
     *         sigs hold no grant by {@code granter} for their session key and no PKP grant; {@code NodeError}
     *         (every node's error, e.g. {@code NodeRevocationInvalid} for a grant that has expired) or {@code NetworkError}
     *         when fewer than {@link #minNodeCount()} nodes accepted it
     */
    public SessionRevocationResult revokeSession(SessionSigs sessionSigs, EthSigner granter) {
        Objects.requireNonNull(sessionSigs, "sessionSigs");
        Objects.requireNonNull(granter, "granter");
        return RevokeCall.run(sessionSigs, granter, cfg, requireConnected());
    }

    /**
     * Removes every session of the client's {@link SessionStore} (session keys and grants, of every account and
     * network in it), so the next call asks a wallet or the network again: the JS SDK's {@code disconnectWeb3}. Works
     * connected or not.
     *
     * @throws LitClientException {@code InitError} when the store cannot delete its entries
     */
    public void clearSessions() {
        cfg.store().clearAll();
    }

    /** The clock of expirations and renewals. */
    Clock clock() {
        return cfg.clock();
    }

    /** Closes {@code c} when this client is closed (at once if it already is). */
    void closeWith(AutoCloseable c) {
        closeWith.add(c);
        if (closed) {
            closeQuietly(c);
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            LOG.debug("closing {} failed: {}", c, e.toString());
        }
    }

    /** Disconnects; stops the session keepers built for it; closes the transport if the client created it. Idempotent. */
    @Override
    public void close() {
        closed = true;
        state = null;
        closeWith.forEach(LitClient::closeQuietly);
        if (cfg.ownsTransport() && cfg.transport() instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.debug("closing the transport failed: {}", e.toString());
            }
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new LitClientException(LitErrorCode.ClientNotReady, "the client is closed");
        }
    }

    private ConnectionState requireConnected() {
        requireOpen();
        ConnectionState s = state;
        if (s == null) {
            throw new LitClientException(LitErrorCode.ClientNotReady, "the client is not connected: call connect()"
                    + " first");
        }
        return s;
    }

    @Override
    public String toString() {
        ConnectionState s = state;
        return "LitClient[network=" + cfg.network() + (s == null ? " not connected"
                : " nodes=" + s.nodeUrls() + " epoch=" + s.epoch()) + "]";
    }

    /**
     * Configures a {@link LitClient}. Exactly one of {@link #rpcUrl} and {@link #nodeUrls} is required; everything
     * else has a strict default. Not thread-safe.
     */
    public static final class Builder {
        private URI rpcUrl;
        private String stakingAddress = DATIL_DEV_STAKING_ADDRESS;
        private List<String> nodeUrls;
        private OptionalInt minNodeCount = OptionalInt.empty();
        private URI blockHashUrl;
        private boolean allowPlainHttp;
        private Duration connectTimeout = Duration.ofSeconds(20);
        private Duration requestTimeout = Duration.ofSeconds(60);
        private Clock clock;
        private SecureRandom random;
        private NodeTransport transport;
        private List<X509Certificate> trustedCertificates = List.of();
        private SessionStore store;
        private String network;
        private Function<BlsPublicKey, BlsCapabilityVerifier> networkVerifier = Bls::capabilityVerifier;

        private Builder() {
        }

        /**
         * Read the node list, threshold and epoch from the Staking contract through this Ethereum JSON-RPC
         * endpoint (as the JS SDK does). Also sets the default block-hash URL to
         * {@code <scheme>://<host:port of rpcUrl>/get_most_recent_valid_block}.
         */
        public Builder rpcUrl(URI rpcUrl) {
            this.rpcUrl = Objects.requireNonNull(rpcUrl, "rpcUrl");
            return this;
        }

        /** The Staking contract to read (default: datil-dev's, {@link LitClient#DATIL_DEV_STAKING_ADDRESS}). */
        public Builder stakingAddress(String stakingAddress) {
            this.stakingAddress = Objects.requireNonNull(stakingAddress, "stakingAddress");
            return this;
        }

        /** Use these node URLs ({@code scheme://host:port}) instead of the Staking contract. */
        public Builder nodeUrls(List<String> nodeUrls) {
            this.nodeUrls = List.copyOf(nodeUrls);
            return this;
        }

        /** With {@link #nodeUrls}: how many must answer and agree (default: all of them, as the JS SDK needs). */
        public Builder minNodeCount(int minNodeCount) {
            this.minNodeCount = OptionalInt.of(minNodeCount);
            return this;
        }

        /** Where fresh block hashes come from ({@code {"blockhash":"0x…","timestamp":…}}). */
        public Builder blockHashUrl(URI blockHashUrl) {
            this.blockHashUrl = Objects.requireNonNull(blockHashUrl, "blockHashUrl");
            return this;
        }

        /**
         * Permits plain {@code http://} to hosts other than {@code 127.0.0.1}/{@code localhost} (nodes, RPC, block
         * hashes). Without it such URLs are refused: session sigs are bearer credentials.
         */
        public Builder allowPlainHttp() {
            this.allowPlainHttp = true;
            return this;
        }

        /** How long connecting may take per node and RPC call (default 20 s, at most 5 min). */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
            return this;
        }

        /** How long one node request may take (default 60 s, at most 10 min). */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
            return this;
        }

        /** The clock for expirations and re-use decisions (default: system UTC). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The randomness for session keys, challenges and request ids (default: a new {@link SecureRandom}). */
        public Builder random(SecureRandom random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /** The HTTP transport (default: a {@link JdkHttpNodeTransport} that the client closes). */
        public Builder transport(NodeTransport transport) {
            this.transport = Objects.requireNonNull(transport, "transport");
            return this;
        }

        /**
         * CA certificates trusted for {@code https} node and RPC URLs beside the JDK trust store (a network whose
         * nodes registered on port 443 with certificates of a private CA); the host name or IP address is checked as
         * always. Applies to the default transport only (not with {@link #transport}).
         *
         * @throws LitClientException {@code InvalidArgument} for an empty list
         */
        public Builder trustedCertificates(List<X509Certificate> certificates) {
            if (certificates.isEmpty()) {
                throw invalid("trustedCertificates must not be empty");
            }
            this.trustedCertificates = List.copyOf(certificates);
            return this;
        }

        /** Where sessions are kept (default: in memory; {@link FileSessionStore} keeps them across runs). */
        public Builder sessionStore(SessionStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * The name sessions are stored under (default: derived from the RPC URL and Staking address, or from the
         * sorted node URLs), so that sessions of different networks never mix.
         */
        public Builder network(String network) {
            this.network = Objects.requireNonNull(network, "network");
            return this;
        }

        /** How a network key becomes the check of network-signed grants; for tests that count verifications. */
        Builder networkVerifier(Function<BlsPublicKey, BlsCapabilityVerifier> networkVerifier) {
            this.networkVerifier = Objects.requireNonNull(networkVerifier, "networkVerifier");
            return this;
        }

        /** @throws LitClientException {@code InvalidArgument} for a missing, conflicting or unsafe setting */
        public LitClient build() {
            if ((rpcUrl == null) == (nodeUrls == null)) {
                throw invalid("set exactly one of rpcUrl and nodeUrls");
            }
            ClientConfig.checkTimeout(connectTimeout, MAX_CONNECT_TIMEOUT, "connectTimeout");
            ClientConfig.checkTimeout(requestTimeout, MAX_REQUEST_TIMEOUT, "requestTimeout");
            String staking;
            try {
                staking = EthAddress.parse(stakingAddress, "stakingAddress").toLowerHex();
            } catch (LitProtocolException e) {
                throw LitClientException.from(e);
            }
            Optional<URI> rpc = Optional.ofNullable(rpcUrl)
                    .map(u -> Urls.checkHttpUrl(u.toString(), allowPlainHttp, "rpcUrl"));
            List<String> urls = nodeUrls == null ? List.of() : Urls.checkNodeList(nodeUrls, allowPlainHttp);
            if (minNodeCount.isPresent() && (nodeUrls == null || minNodeCount.getAsInt() < 1
                    || minNodeCount.getAsInt() > urls.size())) {
                throw invalid(nodeUrls == null ? "minNodeCount comes from the Staking contract when rpcUrl is used"
                        : "minNodeCount must be between 1 and " + urls.size() + " but is " + minNodeCount.getAsInt());
            }
            Optional<URI> blocks = Optional.ofNullable(blockHashUrl).or(() -> rpc.map(Urls::blockHashUrlFor))
                    .map(u -> Urls.checkHttpUrl(u.toString(), allowPlainHttp, "blockHashUrl"));
            String name = network != null ? network : ClientConfig.defaultNetwork(rpc, staking, urls);
            if (name.isEmpty()) {
                throw invalid("network must not be empty");
            }
            boolean owns = transport == null;
            if (!owns && !trustedCertificates.isEmpty()) {
                throw invalid("trustedCertificates apply to the default transport; configure the given transport's"
                        + " TLS instead");
            }
            NodeTransport t = owns ? JdkHttpNodeTransport.create(connectTimeout, trustedCertificates) : transport;
            return new LitClient(new ClientConfig(rpc, staking, urls, minNodeCount, blocks, allowPlainHttp,
                    connectTimeout, requestTimeout, clock != null ? clock : Clock.systemUTC(),
                    random != null ? random : new SecureRandom(), t, owns,
                    store != null ? store : new InMemorySessionStore(), name, networkVerifier));
        }

        private static LitClientException invalid(String message) {
            return new LitClientException(LitErrorCode.InvalidArgument, message);
        }
    }
}
