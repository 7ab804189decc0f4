package io.litj.node.registry;

import io.litj.node.LitNodeException;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Follows the events of litj's contracts for {@link EvmRegistry}: each {@link #poll} asks {@code eth_getLogs} for the
 * blocks after the last one seen (at most {@value #MAX_BLOCKS_PER_POLL} blocks, answers at most 1 MiB) and tells the
 * {@link Sink} what changed: any Staking event changes the network, a PKPPermissions or PubkeyRouter event (token id
 * in topic 1) or a PKPNFT {@code Transfer}/{@code PKPMinted} changes one PKP, any RateLimitNFT event the capacity
 * credits. A range whose logs cannot be read or understood changes everything and is skipped, so a poll never
 * stalls on one range. Thread-safe.
 */
final class ContractEvents {
    /** The most blocks one poll reads. */
    static final long MAX_BLOCKS_PER_POLL = 1_000;
    private static final String TRANSFER_TOPIC = "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef";

    /** What a poll found changed. */
    interface Sink {
        void networkChanged();

        void pkpChanged(String tokenHex);

        void creditsChanged();

        void everythingChanged();
    }

    private final ContractReads reads;
    private final EvmContracts contracts;
    private long lastSeen;

    /** Follows {@code contracts} from the block after {@code fromBlock}. */
    ContractEvents(ContractReads reads, EvmContracts contracts, long fromBlock) {
        this.reads = reads;
        this.contracts = contracts;
        this.lastSeen = fromBlock;
    }

    /** The chain's newest block number. */
    static long head(ContractReads reads) {
        return reads.quantity(reads.raw("eth_blockNumber", List.of()), "eth_blockNumber");
    }

    /**
     * Reads the next range of blocks and reports what changed.
     *
     * @return how many logs were read
     * @throws LitNodeException {@code NodeSystemFault} if the chain does not answer its block number
     */
    synchronized int poll(Sink sink) {
        long head = head(reads);
        if (head <= lastSeen) {
            return 0;
        }
        long to = Math.min(head, lastSeen + MAX_BLOCKS_PER_POLL);
        List<JsonValue> logs;
        try {
            logs = logs(lastSeen + 1, to);
        } catch (LitNodeException e) {
            sink.everythingChanged();
            lastSeen = to;
            throw e;
        }
        for (JsonValue log : logs) {
            report(log, sink);
        }
        lastSeen = to;
        return logs.size();
    }

    private List<JsonValue> logs(long from, long to) {
        List<JsonValue> addresses = new ArrayList<>();
        for (EthAddress a : List.of(contracts.staking(), contracts.pubkeyRouter(), contracts.pkpNft(),
                contracts.pkpPermissions(), contracts.rateLimitNft())) {
            addresses.add(new JsonValue.JsonString(a.toLowerHex()));
        }
        JsonValue filter = JsonValue.object().put("fromBlock", hex(from)).put("toBlock", hex(to))
                .put("address", new JsonValue.JsonArray(addresses)).build();
        if (reads.raw("eth_getLogs", List.of(filter)) instanceof JsonValue.JsonArray a) {
            return a.items();
        }
        throw new LitNodeException(LitErrorCode.NodeSystemFault, "eth_getLogs answered no list");
    }

    private void report(JsonValue log, Sink sink) {
        if (!(log instanceof JsonValue.JsonObject o) || !(o.get("address").orElse(null)
                instanceof JsonValue.JsonString address)) {
            sink.everythingChanged();
            return;
        }
        String from = address.value().toLowerCase(Locale.ROOT);
        List<String> topics = topics(o);
        if (from.equals(contracts.staking().toLowerHex())) {
            sink.networkChanged();
        } else if (from.equals(contracts.rateLimitNft().toLowerHex())) {
            sink.creditsChanged();
        } else if (from.equals(contracts.pkpPermissions().toLowerHex())
                || from.equals(contracts.pubkeyRouter().toLowerHex())) {
            token(topics, 1).ifPresentOrElse(sink::pkpChanged, sink::everythingChanged);
        } else if (from.equals(contracts.pkpNft().toLowerHex())) {
            boolean transfer = !topics.isEmpty() && topics.get(0).equals(TRANSFER_TOPIC);
            token(topics, transfer ? 3 : 1).ifPresentOrElse(sink::pkpChanged, () -> {
                if (topics.size() > 1) {
                    sink.everythingChanged();
                }
            });
        }
    }

    private static List<String> topics(JsonValue.JsonObject log) {
        List<String> out = new ArrayList<>();
        if (log.get("topics").orElse(null) instanceof JsonValue.JsonArray a) {
            for (JsonValue t : a.items()) {
                if (t instanceof JsonValue.JsonString s) {
                    out.add(s.value().toLowerCase(Locale.ROOT));
                }
            }
        }
        return out;
    }

    /** Topic {@code i} as a token id (64 hex), if it is one. */
    private static Optional<String> token(List<String> topics, int i) {
        return i < topics.size() && topics.get(i).matches("0x[0-9a-f]{64}") ? Optional.of(topics.get(i).substring(2))
                : Optional.empty();
    }

    private static JsonValue hex(long n) {
        return new JsonValue.JsonString("0x" + Long.toHexString(n));
    }
}
