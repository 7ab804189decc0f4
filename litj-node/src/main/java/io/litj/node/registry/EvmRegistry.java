package io.litj.node.registry;

import io.litj.node.LitNodeException;
import io.litj.node.rpc.EthRpc;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.Text;
import io.litj.protocol.auth.ContractSignatureVerifier;
import io.litj.protocol.chain.AbiValue;
import io.litj.protocol.chain.Erc721Functions;
import io.litj.protocol.chain.PkpContracts;
import io.litj.protocol.chain.RateLimitNftContract;
import io.litj.protocol.chain.StakingContract;
import io.litj.protocol.chain.StakingValidator;
import io.litj.protocol.crypto.Bytes;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.json.JsonValue;
import java.math.BigInteger;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry read from litj's contracts on an EVM chain over JSON-RPC ({@code eth_call}): nodes, epoch and
 * threshold from Staking's {@code getActiveUnkickedValidatorStructsAndCounts()} (the read a Lit client makes at
 * connect; a validator's {@code senderPubKey} carries the node's Ed25519 identity key), blocks from the chain's own
 * blocks, PKPs from PKPNFT, PubkeyRouter and PKPPermissions, capacity credits from RateLimitNFT. Lit Action code is
 * not stored on chain: {@link #actionCode} refuses with {@code NodeSystemFault}.
 *
 * <p>Found values are kept for a short time ({@link #DEFAULT_CACHE_TTL}, by the injected clock), so a permission
 * removed on chain is refused within that time; what is not found is asked again each time. Polling the contracts'
 * events ({@link #pollEvents}, in the background with {@link #followEvents}) drops what they change at once. Listings read at most
 * {@value #MAX_LISTED} tokens. A chain that does not answer is {@code NodeSystemFault}. Thread-safe; {@link #close()}
 * stops the HTTP client.
 */
public final class EvmRegistry implements Registry {
    private static final Logger LOG = LoggerFactory.getLogger(EvmRegistry.class);
    /** How long a value read from the chain is served. */
    public static final Duration DEFAULT_CACHE_TTL = Duration.ofSeconds(2);
    /** How often a node's registry polls the contracts' events ({@link #followEvents}). */
    public static final Duration DEFAULT_EVENT_POLL = Duration.ofMillis(500);
    /** Most tokens a listing ({@link #pkps()}, {@link #capacityCredits()}, an owner's credits) reads. */
    public static final int MAX_LISTED = 10_000;
    /** Scope ids 0..2 are read: 1 sign anything, 2 personal sign. */
    private static final int SCOPES_READ = 3;
    private static final int MAX_CACHED = 4096;
    private static final Pattern TOKEN_ID = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Object NETWORK_KEY = new Object();

    private final EthRpc rpc;
    private final ContractReads reads;
    private final EvmContracts contracts;
    private final long chainId;
    private final TtlCache<Object, StakingContract.ActiveValidators> staking;
    private final TtlCache<String, Block> blocks;
    private final TtlCache<String, Pkp> pkps;
    private final TtlCache<String, CapacityCredit> credits;
    private final EvmContractSignatures contractSignatures;
    private final ContractEvents events;
    private final ContractEvents.Sink invalidation = new ContractEvents.Sink() {
        @Override
        public void networkChanged() {
            staking.clear();
        }

        @Override
        public void pkpChanged(String tokenHex) {
            pkps.remove(tokenHex);
        }

        @Override
        public void creditsChanged() {
            credits.clear();
        }

        @Override
        public void everythingChanged() {
            staking.clear();
            pkps.clear();
            credits.clear();
        }
    };
    private volatile Thread follower;
    private volatile boolean closed;

    private EvmRegistry(EthRpc rpc, EvmContracts contracts, Clock clock, Duration ttl) {
        this.rpc = rpc;
        this.reads = new ContractReads(rpc);
        this.contracts = contracts;
        this.staking = new TtlCache<>(clock, ttl, 1);
        this.blocks = new TtlCache<>(clock, ttl, MAX_CACHED);
        this.pkps = new TtlCache<>(clock, ttl, MAX_CACHED);
        this.credits = new TtlCache<>(clock, ttl, MAX_CACHED);
        this.contractSignatures = new EvmContractSignatures(rpc, clock);
        this.chainId = reads.quantity(reads.raw("eth_chainId", List.of()), "eth_chainId");
        this.events = new ContractEvents(reads, contracts, ContractEvents.head(reads));
    }

    /**
     * A registry reading {@code contracts} through the JSON-RPC endpoint {@code rpcUrl}; asks the chain id at once.
     *
     * @throws LitNodeException {@code NodeSystemFault} if the endpoint does not answer
     */
    public static EvmRegistry open(URI rpcUrl, EvmContracts contracts, Clock clock, Duration cacheTtl) {
        EthRpc rpc = new EthRpc(rpcUrl, Duration.ofSeconds(5));
        try {
            return new EvmRegistry(rpc, Objects.requireNonNull(contracts, "contracts"), clock, cacheTtl);
        } catch (RuntimeException e) {
            rpc.close();
            throw e;
        }
    }

    /**
     * EIP-1271 signature checks on this registry's chain ({@code isValidSignature}, through the same endpoint and
     * bounds; a wallet's "signed" is kept for 30 s): what the node's validator verifies contract-wallet
     * capabilities with.
     */
    public ContractSignatureVerifier contractSignatures() {
        return contractSignatures;
    }

    /**
     * A registry of the network whose Staking contract is at {@code staking}: the other contracts are the ones Staking
     * names ({@code litjContracts()}), so a node needs only the JSON-RPC URL and this address.
     *
     * @throws LitNodeException {@code NodeSystemFault} if the endpoint does not answer, there is no litj Staking at
     *     {@code staking}, or its owner has not named the other contracts yet
     */
    public static EvmRegistry openAt(URI rpcUrl, EthAddress staking, Clock clock, Duration cacheTtl) {
        EthRpc rpc = new EthRpc(rpcUrl, Duration.ofSeconds(5));
        try {
            return new EvmRegistry(rpc, discover(new ContractReads(rpc), staking), clock, cacheTtl);
        } catch (RuntimeException e) {
            rpc.close();
            throw e;
        }
    }

    private static EvmContracts discover(ContractReads reads, EthAddress staking) {
        List<AbiValue> named = reads.call(staking, StakingContract.LITJ_CONTRACTS);
        List<EthAddress> at = named.stream().map(AbiValue::asAddress).toList();
        if (at.stream().anyMatch(a -> a.toLowerHex().equals(EthAddress.of(new byte[20]).toLowerHex()))) {
            throw new LitNodeException(LitErrorCode.NodeSystemFault, "the Staking contract at "
                    + staking.toChecksumString() + " names no other contracts yet; its owner must call "
                    + "setLitjContracts");
        }
        return new EvmContracts(staking, at.get(0), at.get(1), at.get(2), at.get(3), at.get(4));
    }

    /**
     * Reads the contracts' events since the last poll (or since this registry opened) and drops the cached values
     * they change at once: Staking's nodes and epoch, a PKP whose permissions, key or owner changed, capacity credits
     * ({@link ContractEvents}). Without polls a change is seen after the cache time.
     *
     * @return how many events were read
     * @throws LitNodeException {@code NodeSystemFault} if the chain does not answer (what was cached is dropped)
     */
    public int pollEvents() {
        return events.poll(invalidation);
    }

    /**
     * Polls the events every {@code interval} on a background thread until {@link #close()}; a poll that fails is
     * logged and the next one tries again.
     */
    public synchronized void followEvents(Duration interval) {
        if (follower != null || closed) {
            return;
        }
        follower = Thread.ofVirtual().name("litj-registry-events").start(() -> {
            while (!closed) {
                try {
                    pollEvents();
                } catch (LitNodeException e) {
                    LOG.warn("registry chain {}: cannot read events: {}", rpc.url(), Text.cut(e.getMessage()));
                }
                try {
                    Thread.sleep(interval);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    /** The contracts this registry reads. */
    public EvmContracts contracts() {
        return contracts;
    }

    @Override
    public List<NodeEntry> nodes() {
        List<NodeEntry> out = new ArrayList<>();
        List<StakingValidator> validators = active().validators();
        for (int i = 0; i < validators.size(); i++) {
            StakingValidator v = validators.get(i);
            out.add(new NodeEntry(i, v.ipv4(), (int) v.port(), v.nodeAddress().toChecksumString(),
                    String.format(Locale.ROOT, "%064x", v.senderPubKey())));
        }
        return out;
    }

    @Override
    public NetworkInfo network() {
        StakingContract.ActiveValidators a = active();
        long length = a.epoch().epochLength().longValueExact();
        Instant start = Instant.ofEpochSecond(a.epoch().endTime().longValueExact() - length);
        return new NetworkInfo(chainId, a.epoch().number().longValueExact(), a.minNodeCount().intValueExact(),
                contracts.staking().toChecksumString(), start, length);
    }

    private StakingContract.ActiveValidators active() {
        return staking.get(NETWORK_KEY, k -> Optional.of(StakingContract.decodeActiveValidators(reads.callHex(
                contracts.staking(), StakingContract.GET_ACTIVE_UNKICKED_VALIDATOR_STRUCTS_AND_COUNTS)))).orElseThrow();
    }

    @Override
    public Block latestBlock() {
        return toBlock(reads.raw("eth_getBlockByNumber", List.of(new JsonValue.JsonString("latest"),
                new JsonValue.JsonBoolean(false)))).orElseThrow(() -> new LitNodeException(LitErrorCode.NodeSystemFault,
                "registry chain " + rpc.url() + " has no latest block"));
    }

    @Override
    public Optional<Block> block(String hash) {
        if (hash == null || !hash.matches("0x[0-9a-fA-F]{64}")) {
            return Optional.empty();
        }
        return blocks.get(hash.toLowerCase(Locale.ROOT), h -> toBlock(reads.raw("eth_getBlockByHash",
                List.of(new JsonValue.JsonString(h), new JsonValue.JsonBoolean(false)))));
    }

    @Override
    public List<Pkp> pkps() {
        List<Pkp> out = new ArrayList<>();
        for (BigInteger id : listed(contracts.pkpNft(), null)) {
            pkp(tokenHex(id)).ifPresent(out::add);
        }
        return out;
    }

    @Override
    public Optional<Pkp> pkp(String tokenId) {
        if (tokenId == null || !TOKEN_ID.matcher(tokenId).matches()) {
            return Optional.empty();
        }
        return pkps.get(tokenId.toLowerCase(Locale.ROOT), this::readPkp);
    }

    private Optional<Pkp> readPkp(String tokenHex) {
        AbiValue id = AbiValue.uint(new BigInteger(tokenHex, 16));
        if (!reads.call(contracts.pkpNft(), PkpContracts.EXISTS, id).getFirst().asBool()) {
            return Optional.empty();
        }
        byte[] pubkey = reads.call(contracts.pubkeyRouter(), PkpContracts.GET_PUBKEY, id).getFirst().asBytes()
                .toByteArray();
        List<PkpPermission> permissions = new ArrayList<>();
        for (AbiValue method : reads.call(contracts.pkpPermissions(), PkpContracts.GET_PERMITTED_AUTH_METHODS, id)
                .getFirst().asList()) {
            List<AbiValue> m = method.asList();
            BigInteger type = m.get(0).asUint();
            byte[] idBytes = m.get(1).asBytes().toByteArray();
            Optional<String> text = type.bitLength() > 8 ? Optional.empty()
                    : EvmAuthMethods.idText(type.intValue(), idBytes);
            if (text.isPresent()) {
                permissions.add(new PkpPermission(type.intValue(), text.get(), scopes(id, m.get(0), m.get(1))));
            }
        }
        try {
            Pkp pkp = Pkp.of(pubkey, permissions);
            return pkp.tokenId().equals(tokenHex) ? Optional.of(pkp) : Optional.empty();
        } catch (LitProtocolException | IllegalArgumentException e) {
            throw new LitNodeException(LitErrorCode.NodeSystemFault, "registry chain " + rpc.url() + ": PKP "
                    + tokenHex + " has a malformed public key: " + Text.cut(e.getMessage()));
        }
    }

    private Set<Integer> scopes(AbiValue tokenId, AbiValue type, AbiValue idBytes) {
        List<AbiValue> flags = reads.call(contracts.pkpPermissions(), PkpContracts.GET_PERMITTED_AUTH_METHOD_SCOPES,
                tokenId, type, idBytes, AbiValue.uint(SCOPES_READ)).getFirst().asList();
        Set<Integer> out = new TreeSet<>();
        for (int scope = 1; scope < Math.min(SCOPES_READ, flags.size()); scope++) {
            if (flags.get(scope).asBool()) {
                out.add(scope);
            }
        }
        return out;
    }

    /** Not cached: PubkeyRouter's {@code ethAddressToPkpId}, then PKPNFT's {@code ownerOf} (two calls). */
    @Override
    public Optional<EthAddress> pkpOwner(EthAddress pkpAddress) {
        BigInteger id = reads.call(contracts.pubkeyRouter(), PkpContracts.ETH_ADDRESS_TO_PKP_ID,
                AbiValue.address(pkpAddress)).getFirst().asUint();
        if (id.signum() == 0) {
            return Optional.empty();
        }
        return reads.tryCall(contracts.pkpNft(), Erc721Functions.OWNER_OF, AbiValue.uint(id))
                .map(r -> r.getFirst().asAddress());
    }

    @Override
    public List<String> pkpsPermitting(int authMethodType, String id) {
        byte[] idBytes;
        try {
            idBytes = EvmAuthMethods.idBytes(authMethodType, id);
        } catch (LitNodeException | LitProtocolException e) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (AbiValue token : reads.call(contracts.pkpPermissions(), PkpContracts.GET_TOKEN_IDS_FOR_AUTH_METHOD,
                AbiValue.uint(authMethodType), new AbiValue.DynamicBytes(Bytes.of(idBytes))).getFirst().asList()) {
            out.add(tokenHex(token.asUint()));
        }
        return out;
    }

    @Override
    public Optional<CapacityCredit> capacityCredit(String tokenId) {
        if (tokenId == null || !CapacityCredit.isTokenId(tokenId)) {
            return Optional.empty();
        }
        return credits.get(tokenId, this::readCredit);
    }

    private Optional<CapacityCredit> readCredit(String tokenId) {
        AbiValue id = AbiValue.uint(new BigInteger(tokenId));
        Optional<List<AbiValue>> owner = reads.tryCall(contracts.rateLimitNft(), Erc721Functions.OWNER_OF, id);
        if (owner.isEmpty()) {
            return Optional.empty();
        }
        List<AbiValue> capacity = reads.call(contracts.rateLimitNft(), RateLimitNftContract.CAPACITY, id).getFirst()
                .asList();
        BigInteger requests = capacity.get(0).asUint();
        BigInteger expires = capacity.get(1).asUint();
        if (requests.signum() == 0 || requests.bitLength() > 62 || expires.bitLength() > 40) {
            return Optional.empty();
        }
        return Optional.of(new CapacityCredit(tokenId, owner.get().getFirst().asAddress(), requests.longValue(),
                Instant.ofEpochSecond(expires.longValue())));
    }

    @Override
    public List<CapacityCredit> capacityCreditsOwnedBy(EthAddress owner) {
        List<CapacityCredit> out = new ArrayList<>();
        for (BigInteger id : listed(contracts.rateLimitNft(), owner)) {
            capacityCredit(id.toString()).ifPresent(out::add);
        }
        return out;
    }

    @Override
    public List<CapacityCredit> capacityCredits() {
        List<CapacityCredit> out = new ArrayList<>();
        for (BigInteger id : listed(contracts.rateLimitNft(), null)) {
            capacityCredit(id.toString()).ifPresent(out::add);
        }
        return out;
    }

    /** Token ids of an enumerable ERC-721, all ({@code owner} null) or one owner's, at most {@value #MAX_LISTED}. */
    private List<BigInteger> listed(EthAddress token, EthAddress owner) {
        BigInteger count = owner == null ? reads.call(token, Erc721Functions.TOTAL_SUPPLY).getFirst().asUint()
                : reads.call(token, Erc721Functions.BALANCE_OF, AbiValue.address(owner)).getFirst().asUint();
        int n = count.min(BigInteger.valueOf(MAX_LISTED)).intValue();
        List<BigInteger> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add((owner == null ? reads.call(token, Erc721Functions.TOKEN_BY_INDEX, AbiValue.uint(i))
                    : reads.call(token, Erc721Functions.TOKEN_OF_OWNER_BY_INDEX, AbiValue.address(owner),
                    AbiValue.uint(i))).getFirst().asUint());
        }
        return out;
    }

    /**
     * Always refuses: Lit Action code is not stored on chain.
     *
     * @throws LitNodeException {@code NodeSystemFault}
     */
    @Override
    public Optional<String> actionCode(String cid) {
        throw new LitNodeException(LitErrorCode.NodeSystemFault, "this network's registry is an EVM chain, which"
                + " stores no Lit Action code; send the code itself, not an ipfsId (" + Text.cut(cid) + ")");
    }

    @Override
    public void close() {
        closed = true;
        Thread t = follower;
        if (t != null) {
            t.interrupt();
            try {
                t.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        rpc.close();
    }

    @Override
    public String toString() {
        return "EvmRegistry[" + rpc.url() + ", Staking " + contracts.staking() + "]";
    }

    private Optional<Block> toBlock(JsonValue value) {
        if (!(value instanceof JsonValue.JsonObject o)) {
            return Optional.empty();
        }
        String hash = o.get("hash").filter(JsonValue.JsonString.class::isInstance)
                .map(v -> ((JsonValue.JsonString) v).value().toLowerCase(Locale.ROOT)).orElse("");
        try {
            return Optional.of(new Block(reads.quantity(o.get("number").orElse(null), "block number"), hash,
                    Instant.ofEpochSecond(reads.quantity(o.get("timestamp").orElse(null), "block timestamp"))));
        } catch (IllegalArgumentException e) {
            throw new LitNodeException(LitErrorCode.NodeSystemFault, "registry chain " + rpc.url()
                    + " answered a malformed block: " + Text.cut(e.getMessage()));
        }
    }

    private static String tokenHex(BigInteger id) {
        return String.format(Locale.ROOT, "%064x", id);
    }
}
