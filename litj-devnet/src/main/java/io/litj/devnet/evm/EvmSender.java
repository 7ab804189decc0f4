package io.litj.devnet.evm;

import io.litj.node.LitNodeException;
import io.litj.node.rpc.EthRpc;
import io.litj.node.rpc.EthRpcException;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.Text;
import io.litj.protocol.chain.AbiFunction;
import io.litj.protocol.chain.AbiValue;
import io.litj.protocol.crypto.Bytes;
import io.litj.protocol.crypto.Eip1559Transaction;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.crypto.PrivateKeyEthSigner;
import io.litj.protocol.json.JsonValue;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Sends transactions from one wallet: signs EIP-1559 transactions with {@link PrivateKeyEthSigner}, sends them with
 * {@code eth_sendRawTransaction} and waits (at most {@link #RECEIPT_TIMEOUT}) for the receipt. A reverted
 * transaction is replayed as an {@code eth_call} so the error names the contract's reason. One sender per wallet;
 * calls are serialized (the nonce is read per transaction).
 */
public final class EvmSender {
    /** How long a transaction may wait to be mined. */
    public static final Duration RECEIPT_TIMEOUT = Duration.ofSeconds(30);
    private static final BigInteger GAS_LIMIT = BigInteger.valueOf(15_000_000);
    private static final BigInteger PRIORITY_FEE = BigInteger.valueOf(1_000_000_000L);
    private static final Duration POLL = Duration.ofMillis(20);
    private static final String REVERTED = "execution reverted: ";

    private final EthRpc rpc;
    private final PrivateKeyEthSigner wallet;
    private final long chainId;

    public EvmSender(EthRpc rpc, PrivateKeyEthSigner wallet, long chainId) {
        this.rpc = rpc;
        this.wallet = wallet;
        this.chainId = chainId;
    }

    /**
     * A sender from {@code wallet} on the chain {@code rpc} reaches, signing for the chain id it answers
     * ({@code eth_chainId}, asked once).
     *
     * @throws EthRpcException if the chain does not answer
     * @throws LitNodeException {@code NodeSystemFault} if its answer is no hex quantity that fits a chain id
     */
    public static EvmSender onChain(EthRpc rpc, PrivateKeyEthSigner wallet) {
        BigInteger chainId = quantity(rpc.call("eth_chainId", List.of()));
        if (chainId.bitLength() > 63) {
            throw new LitNodeException(LitErrorCode.NodeSystemFault, "chain " + rpc.url() + " answered eth_chainId "
                    + "with " + chainId + ", too large for a chain id");
        }
        return new EvmSender(rpc, wallet, chainId.longValueExact());
    }

    /** The sending address. */
    public EthAddress address() {
        return wallet.address();
    }

    /** The chain id the transactions are signed for. */
    public long chainId() {
        return chainId;
    }

    /**
     * The wallet's balance in wei at the latest block.
     *
     * @throws LitNodeException {@code NodeSystemFault} if the chain does not answer or the answer is malformed
     */
    public BigInteger balance() {
        return quantity(call("eth_getBalance", str(wallet.address().toChecksumString()), str("latest")));
    }

    /** A mined transaction: its hash, the created contract (for a creation), and its logs. */
    public record Receipt(String transactionHash, Optional<EthAddress> contractAddress, List<JsonValue> logs) {
    }

    /**
     * Sends {@code data} with {@code value} wei to {@code to} (empty: create a contract) and waits for it.
     *
     * @throws EvmRevertException if it reverts (with the reason)
     * @throws LitNodeException {@code NodeSystemFault} if the chain does not answer or it is not mined in time
     */
    public synchronized Receipt send(Optional<EthAddress> to, Bytes data, BigInteger value) {
        BigInteger nonce = quantity(call("eth_getTransactionCount", str(wallet.address().toChecksumString()),
                str("pending")));
        BigInteger baseFee = quantity(call("eth_gasPrice"));
        Eip1559Transaction tx = new Eip1559Transaction(chainId, nonce, PRIORITY_FEE,
                baseFee.multiply(BigInteger.TWO).add(PRIORITY_FEE), GAS_LIMIT, to, value, data);
        String hash = text(call("eth_sendRawTransaction", str(wallet.signTransaction(tx).hex0x())));
        JsonValue.JsonObject receipt = awaitReceipt(hash);
        if (!"0x1".equals(field(receipt, "status"))) {
            String reason = revertReason(to, data, value);
            throw new EvmRevertException("transaction " + hash + " from " + wallet.address() + " reverted: " + reason,
                    reason);
        }
        Optional<EthAddress> created = receipt.get("contractAddress").filter(JsonValue.JsonString.class::isInstance)
                .map(v -> EthAddress.parse(((JsonValue.JsonString) v).value(), "contractAddress"));
        List<JsonValue> logs = receipt.get("logs").filter(JsonValue.JsonArray.class::isInstance)
                .map(v -> ((JsonValue.JsonArray) v).items()).orElse(List.of());
        return new Receipt(hash, created, logs);
    }

    /** Sends {@code data} to contract {@code to} without value. */
    public Receipt send(EthAddress to, Bytes data) {
        return send(Optional.of(to), data, BigInteger.ZERO);
    }

    /**
     * Reads {@code f(args)} on contract {@code to} with an {@code eth_call} from this wallet, at the latest block.
     *
     * @throws EvmRevertException if the call reverts (with the reason)
     * @throws LitNodeException {@code NodeSystemFault} if the chain does not answer or the answer is malformed
     */
    public List<AbiValue> call(EthAddress to, AbiFunction f, AbiValue... args) {
        JsonValue tx = JsonValue.object().put("from", wallet.address().toChecksumString())
                .put("to", to.toChecksumString()).put("data", f.encodeCall(List.of(args)).hex0x()).build();
        String answer;
        try {
            answer = text(rpc.call("eth_call", List.of(tx, str("latest"))));
        } catch (EthRpcException e) {
            if (e.rpcErrorCode().isPresent() && e.getMessage().contains("revert")) {
                throw new EvmRevertException(f.name() + " on " + to + " reverted: " + e.getMessage(),
                        reasonOf(e.getMessage()));
            }
            throw new LitNodeException(LitErrorCode.NodeSystemFault, "eth_call on " + rpc.url() + ": "
                    + e.getMessage(), List.of(), e);
        }
        try {
            return f.decodeResult(Bytes.fromHex(answer, f.name()));
        } catch (LitProtocolException e) {
            throw new LitNodeException(LitErrorCode.NodeSystemFault, f.name() + " on " + to + " answered "
                    + Text.cut(answer) + ": " + e.getMessage());
        }
    }

    private JsonValue.JsonObject awaitReceipt(String hash) {
        long deadline = System.nanoTime() + RECEIPT_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonValue r = call("eth_getTransactionReceipt", str(hash));
            if (r instanceof JsonValue.JsonObject o) {
                return o;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new LitNodeException(LitErrorCode.NodeSystemFault, "transaction " + hash + " was not mined within "
                + RECEIPT_TIMEOUT);
    }

    private String revertReason(Optional<EthAddress> to, Bytes data, BigInteger value) {
        JsonValue.ObjectBuilder tx = JsonValue.object().put("from", wallet.address().toChecksumString())
                .put("data", data.hex0x()).put("value", "0x" + value.toString(16));
        to.ifPresent(a -> tx.put("to", a.toChecksumString()));
        try {
            rpc.call("eth_call", List.of(tx.build(), str("latest")));
            return "(the replay did not revert)";
        } catch (EthRpcException e) {
            return reasonOf(e.getMessage());
        }
    }

    /** The contract's reason in a node's revert message ({@code … execution reverted: <reason>}), else the message. */
    private static String reasonOf(String message) {
        int at = message.indexOf(REVERTED);
        return at < 0 ? message : message.substring(at + REVERTED.length());
    }

    private JsonValue call(String method, JsonValue... params) {
        try {
            return rpc.call(method, List.of(params));
        } catch (EthRpcException e) {
            throw new LitNodeException(LitErrorCode.NodeSystemFault, method + " on " + rpc.url() + ": "
                    + e.getMessage(), List.of(), e);
        }
    }

    private static String field(JsonValue.JsonObject o, String name) {
        return o.get(name).filter(JsonValue.JsonString.class::isInstance).map(v -> ((JsonValue.JsonString) v).value())
                .orElse("");
    }

    private static String text(JsonValue v) {
        if (v instanceof JsonValue.JsonString s) {
            return s.value();
        }
        throw new LitNodeException(LitErrorCode.NodeSystemFault, "expected a string from the chain, got "
                + Text.cut(String.valueOf(v)));
    }

    private static BigInteger quantity(JsonValue v) {
        String s = text(v);
        if (!s.matches("0x[0-9a-fA-F]{1,64}")) {
            throw new LitNodeException(LitErrorCode.NodeSystemFault, "expected a hex quantity, got " + Text.cut(s));
        }
        return new BigInteger(s.substring(2), 16);
    }

    private static JsonValue str(String s) {
        return new JsonValue.JsonString(s);
    }
}
