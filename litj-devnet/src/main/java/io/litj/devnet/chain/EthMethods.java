package io.litj.devnet.chain;

import io.litj.node.LitNodeException;
import io.litj.node.registry.Block;
import io.litj.node.registry.NetworkInfo;
import io.litj.node.registry.NodeEntry;
import io.litj.node.registry.SqliteRegistry;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.Text;
import io.litj.protocol.chain.JsonRpcError;
import io.litj.protocol.chain.JsonRpcException;
import io.litj.protocol.chain.JsonRpcRequest;
import io.litj.protocol.chain.StakingContract;
import io.litj.protocol.chain.StakingEpoch;
import io.litj.protocol.chain.StakingValidator;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.json.JsonValue;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Ethereum JSON-RPC methods the chain view answers, all read from the registry at call time: {@code
 * eth_chainId}, {@code net_version}, {@code web3_clientVersion}, {@code eth_blockNumber}, {@code
 * eth_getBlockByNumber}, {@code eth_getBlockByHash}, {@code eth_call} of the Staking selector {@code 0xc51d020e} (any
 * {@code to}, block tag ignored), {@code eth_getBalance} (the devnet funds no wallet: {@code 0x0} for every
 * well-formed address), {@code eth_getTransactionCount} (no transaction is sent here: {@code 0x0} likewise, what a
 * Lit Action's {@code getLatestNonce} reads) and {@code eth_getLogs} (always empty). Any other {@code eth_call} answers
 * {@code -32000 execution reverted} (no contracts run here), so an access-control condition calling a contract is
 * refused by the nodes, never granted. Anything else is {@code -32601}.
 * {@link #answer} is the chain view's {@link io.litj.protocol.chain.JsonRpcBatch.Methods}: it logs each call and
 * turns our own failures into {@code -32603}.
 */
final class EthMethods {
    private static final Logger LOG = LoggerFactory.getLogger(EthMethods.class);
    static final String CLIENT_VERSION = "litj-chain-view/0.1.0";
    private static final String ZERO_32 = "0x" + "0".repeat(64);
    /** keccak256 of the RLP of an empty list: the uncles hash of a block without uncles. */
    private static final String EMPTY_UNCLES = "0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347";
    /** The root of an empty Merkle-Patricia trie: a block without transactions or receipts. */
    private static final String EMPTY_TRIE = "0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421";

    private final SqliteRegistry registry;
    private final Clock clock;

    EthMethods(SqliteRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /**
     * Answers one request: its result, or a {@link JsonRpcException} with the error to send ({@code -32603} for a
     * failure of ours, logged here).
     */
    JsonValue answer(JsonRpcRequest request) {
        String method = Text.cut(request.method());
        try {
            JsonValue result = call(request.method(), request.params());
            LOG.debug("{} -> ok", method);
            return result;
        } catch (JsonRpcException e) {
            LOG.debug("{} -> {} {}", method, e.error().code(), e.getMessage());
            throw e;
        } catch (LitNodeException e) {
            LOG.warn("{} failed: {} {}", method, e.code(), e.getMessage());
            throw new JsonRpcException(JsonRpcError.INTERNAL_ERROR, "internal error: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("{} failed unexpectedly", method, e);
            throw new JsonRpcException(JsonRpcError.INTERNAL_ERROR, "internal error; see the chain view log");
        }
    }

    /** Runs {@code method}; throws {@link JsonRpcException} for an unknown method or bad params. */
    JsonValue call(String method, List<JsonValue> params) {
        return switch (method) {
            case "eth_chainId" -> str(quantity(registry.network().chainId()));
            case "net_version" -> str(Long.toString(registry.network().chainId()));
            case "web3_clientVersion" -> str(CLIENT_VERSION);
            case "eth_blockNumber" -> str(quantity(registry.latestBlock().number()));
            case "eth_getBlockByNumber" -> blockOrNull(blockByTag(param(params, 0, "block tag")));
            case "eth_getBlockByHash" -> blockOrNull(registry.block(param(params, 0, "block hash")));
            case "eth_call" -> str(ethCall(params));
            case "eth_getBalance" -> str(balance(param(params, 0, "address")));
            case "eth_getTransactionCount" -> str(transactionCount(param(params, 0, "address")));
            case "eth_getLogs" -> new JsonValue.JsonArray(List.of());
            default -> throw new JsonRpcException(JsonRpcError.METHOD_NOT_FOUND, "the method "
                    + Text.cut(method) + " does not exist/is not available");
        };
    }

    private static String balance(String address) {
        requireAddress("eth_getBalance", address);
        return "0x0";
    }

    /** No transaction is ever sent on the devnet's chain: every account's count is zero. */
    private static String transactionCount(String address) {
        requireAddress("eth_getTransactionCount", address);
        return "0x0";
    }

    private static void requireAddress(String method, String address) {
        try {
            EthAddress.parse(address, "address");
        } catch (LitProtocolException e) {
            throw new JsonRpcException(JsonRpcError.INVALID_PARAMS, method + " needs an address but got "
                    + Text.cut(address));
        }
    }

    private String ethCall(List<JsonValue> params) {
        if (params.isEmpty() || !(params.get(0) instanceof JsonValue.JsonObject tx)) {
            throw new JsonRpcException(JsonRpcError.INVALID_PARAMS, "eth_call needs a transaction object as param 0");
        }
        JsonValue data = tx.get("data").or(() -> tx.get("input")).orElse(new JsonValue.JsonString("0x"));
        if (!(data instanceof JsonValue.JsonString text)) {
            throw new JsonRpcException(JsonRpcError.INVALID_PARAMS, "eth_call data must be a hex string");
        }
        if (!StakingContract.GET_ACTIVE_UNKICKED_VALIDATOR_STRUCTS_AND_COUNTS.isCalledBy(text.value())) {
            throw new JsonRpcException(JsonRpcError.EXECUTION_REVERTED, "execution reverted");
        }
        return stakingAnswer(registry.network(), registry.nodes(), clock.instant());
    }

    /**
     * The Staking answer for a registry's network and nodes at {@code now}: {@link StakingEpoch#reportedAt} of the
     * registry epoch, the threshold as {@code minNodeCount}, and one validator per node in index order.
     *
     * @throws LitNodeException {@code InvalidArgument} if a node's host is not IPv4 or its address is malformed
     */
    static String stakingAnswer(NetworkInfo network, List<NodeEntry> nodes, Instant now) {
        List<StakingValidator> validators = new ArrayList<>(nodes.size());
        for (NodeEntry node : nodes) {
            try {
                validators.add(StakingValidator.of(node.host(), node.port(),
                        EthAddress.parse(node.ethAddress(), "ethAddress")));
            } catch (LitProtocolException e) {
                throw new LitNodeException(LitErrorCode.InvalidArgument, "node " + node.index() + ": "
                        + e.getMessage());
            }
        }
        StakingEpoch epoch = StakingEpoch.reportedAt(network.epochLengthSeconds(), network.epoch(),
                network.epochStart(), now);
        return StakingContract.encodeActiveValidators(new StakingContract.ActiveValidators(epoch,
                BigInteger.valueOf(network.threshold()), validators));
    }

    private Optional<Block> blockByTag(String tag) {
        switch (tag) {
            case "latest", "pending", "safe", "finalized" -> {
                return Optional.of(registry.latestBlock());
            }
            case "earliest" -> {
                return registry.block(0);
            }
            default -> {
                if (!tag.matches("0x[0-9a-fA-F]{1,16}")) {
                    throw new JsonRpcException(JsonRpcError.INVALID_PARAMS, "block tag must be latest, earliest,"
                            + " pending, safe, finalized or a hex quantity but is " + Text.cut(tag));
                }
                long number = Long.parseUnsignedLong(tag.substring(2), 16);
                return number < 0 ? Optional.empty() : registry.block(number);
            }
        }
    }

    private JsonValue blockOrNull(Optional<Block> block) {
        if (block.isEmpty()) {
            return JsonValue.JsonNull.INSTANCE;
        }
        Block b = block.get();
        String parent = b.number() == 0 ? ZERO_32
                : registry.block(b.number() - 1).map(Block::hash).orElse(ZERO_32);
        return JsonValue.object()
                .put("number", quantity(b.number()))
                .put("hash", b.hash())
                .put("parentHash", parent)
                .put("nonce", "0x0000000000000000")
                .put("mixHash", ZERO_32)
                .put("sha3Uncles", EMPTY_UNCLES)
                .put("logsBloom", "0x" + "0".repeat(512))
                .put("transactionsRoot", EMPTY_TRIE)
                .put("stateRoot", ZERO_32)
                .put("receiptsRoot", EMPTY_TRIE)
                .put("miner", "0x" + "0".repeat(40))
                .put("difficulty", "0x0")
                .put("totalDifficulty", "0x0")
                .put("extraData", "0x")
                .put("size", "0x0")
                .put("gasLimit", "0x1c9c380")
                .put("gasUsed", "0x0")
                .put("timestamp", quantity(b.timestamp().getEpochSecond()))
                .put("transactions", new JsonValue.JsonArray(List.of()))
                .put("uncles", new JsonValue.JsonArray(List.of()))
                .build();
    }

    private static String param(List<JsonValue> params, int index, String what) {
        if (params.size() <= index || !(params.get(index) instanceof JsonValue.JsonString s)) {
            throw new JsonRpcException(JsonRpcError.INVALID_PARAMS, "param " + index + " (" + what
                    + ") must be a string");
        }
        return s.value();
    }

    static String quantity(long value) {
        return "0x" + Long.toHexString(value);
    }

    private static JsonValue str(String s) {
        return new JsonValue.JsonString(s);
    }
}
