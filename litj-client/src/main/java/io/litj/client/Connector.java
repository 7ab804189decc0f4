package io.litj.client;

import io.litj.client.internal.ConnectRpc;
import io.litj.client.internal.Majority;
import io.litj.client.internal.NodeCalls;
import io.litj.client.internal.Urls;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.Text;
import io.litj.protocol.chain.StakingContract;
import io.litj.protocol.chain.StakingValidator;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonValue;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connect: find the nodes (Staking contract or configured list), handshake with all of them in parallel, and keep
 * those that answered and agree on the network keys, if at least {@code minNodeCount} do.
 *
 * <p>Difference from the JS SDK (which needs every node to answer): nodes that fail or disagree are left out (and
 * logged) as long as enough agree; the session sigs and requests then go to the agreeing nodes only.
 */
final class Connector {
    private static final Logger LOG = LoggerFactory.getLogger(Connector.class);
    static final String HANDSHAKE_PATH = "/web/handshake/";
    /** A block hash as nonce: {@code 0x} + hex (SIWE nonces must be alphanumeric, at least 8 characters). */
    static final Pattern BLOCKHASH = Pattern.compile("0x[0-9a-fA-F]{6,128}");
    private static final String ABSENT_KEY = "ERR";

    private final ClientConfig cfg;

    Connector(ClientConfig cfg) {
        this.cfg = cfg;
    }

    /** The outcome of a successful connect. */
    record Connected(ConnectionState state, String blockhash) {
    }

    private record Discovery(List<String> nodeUrls, int minNodeCount, OptionalLong epoch) {
    }

    /** What one node said in its handshake that matters for agreement. */
    private record Keys(String networkPublicKey, String subnetPublicKey) {
    }

    private record Answer(String url, Keys keys, Optional<String> blockhash, OptionalLong epoch) {
    }

    Connected connect() {
        Discovery d = discover();
        return handshake(d);
    }

    private Discovery discover() {
        if (cfg.rpcUrl().isEmpty()) {
            return new Discovery(cfg.nodeUrls(), cfg.minNodeCount().orElse(cfg.nodeUrls().size()),
                    OptionalLong.empty());
        }
        ConnectRpc rpc = new ConnectRpc(cfg.transport(), cfg.rpcUrl().get(), cfg.connectTimeout());
        long chainId = rpc.chainId();
        String answer = rpc.ethCall(cfg.stakingAddress(), StakingContract.activeValidatorsCall());
        StakingContract.ActiveValidators staking;
        List<String> validatorUrls = new ArrayList<>();
        long epoch;
        try {
            staking = StakingContract.decodeActiveValidators(answer);
            for (StakingValidator v : staking.validators()) {
                validatorUrls.add(v.url());
            }
            epoch = staking.epoch().currentNumber(cfg.clock().instant());
        } catch (LitProtocolException e) {
            throw new LitClientException(LitErrorCode.InitError, "Staking contract answer: " + e.getMessage(), e);
        }
        BigInteger min = staking.minNodeCount();
        int count = staking.validators().size();
        if (min.signum() == 0 || min.compareTo(BigInteger.valueOf(count)) > 0) {
            throw new LitClientException(LitErrorCode.InitError, "Staking contract " + cfg.stakingAddress()
                    + " on chain " + chainId + " lists " + count + " validators but requires " + min
                    + " (minNodeCount must be between 1 and the number of validators)");
        }
        LinkedHashSet<String> urls = new LinkedHashSet<>();
        for (String url : validatorUrls) {
            urls.add(Urls.checkNodeUrl(url, cfg.allowPlainHttp()));
        }
        LOG.debug("Staking contract {} on chain {}: {} validators, minNodeCount {}, epoch {}", cfg.stakingAddress(),
                chainId, count, min, epoch);
        return new Discovery(List.copyOf(urls), min.intValueExact(), OptionalLong.of(epoch));
    }

    private Connected handshake(Discovery d) {
        String requestId = NodeCalls.newRequestId(cfg.random());
        String body = JsJson.stringify(JsonValue.object().put("clientPublicKey", "test")
                .put("challenge", NodeCalls.randomHex(cfg.random(), 32))
                .put("epoch", new JsonValue.JsonNumber(d.epoch().orElse(0))).build());
        List<NodeCalls.Outcome> outcomes = NodeCalls.postAll(cfg.transport(), d.nodeUrls(), HANDSHAKE_PATH,
                url -> body, requestId, cfg.connectTimeout());
        List<NodeFailure> failures = new ArrayList<>();
        List<Answer> answers = new ArrayList<>();
        for (NodeCalls.Outcome o : outcomes) {
            o.failure().ifPresent(failures::add);
            o.answer().ifPresent(a -> answers.add(read(o.nodeUrl(), a)));
        }
        Optional<Keys> majority = Majority.mostCommon(answers.stream().map(Answer::keys).toList());
        List<Answer> agreeing = new ArrayList<>();
        for (Answer a : answers) {
            if (a.keys().equals(majority.orElseThrow())) {
                agreeing.add(a);
            } else {
                failures.add(new NodeFailure(a.url(), 200, Optional.empty(), disagreement(a.keys(), majority.get()),
                        List.of()));
            }
        }
        if (agreeing.size() < d.minNodeCount()) {
            throw notEnough(d, agreeing.size(), failures, requestId);
        }
        if (!failures.isEmpty()) {
            LOG.warn("connected without {} of {} nodes (request {}): {}", failures.size(), d.nodeUrls().size(),
                    requestId, NodeCalls.describeAll(NodeCalls.ordered(failures)));
        }
        List<String> hashes = agreeing.stream().flatMap(a -> a.blockhash().stream()).toList();
        String blockhash = Majority.mostCommon(hashes).orElseThrow(() -> new LitClientException(
                LitErrorCode.InvalidEthBlockhash, "latestBlockhash is not available: none of the nodes "
                + agreeing.stream().map(Answer::url).toList() + " sent one in its handshake"));
        if (!BLOCKHASH.matcher(blockhash).matches()) {
            throw new LitClientException(LitErrorCode.InvalidEthBlockhash, "latestBlockhash '"
                    + Text.cut(blockhash) + "' from the handshake is not 0x followed by hex digits");
        }
        long epoch = d.epoch().isPresent() ? d.epoch().getAsLong()
                : Majority.mostCommon(agreeing.stream().filter(a -> a.epoch().isPresent())
                        .map(a -> a.epoch().getAsLong()).toList()).orElse(0L);
        Keys keys = majority.get();
        ConnectionState state = new ConnectionState(agreeing.stream().map(Answer::url).toList(), d.minNodeCount(),
                epoch, present(keys.networkPublicKey()), present(keys.subnetPublicKey()));
        LOG.info("connected to {} of {} nodes (minimum {}), epoch {}", agreeing.size(), d.nodeUrls().size(),
                d.minNodeCount(), epoch);
        return new Connected(state, blockhash);
    }

    private static Answer read(String url, JsonValue.JsonObject o) {
        Keys keys = new Keys(string(o, "networkPublicKey").orElse(""), string(o, "subnetPublicKey").orElse(""));
        OptionalLong epoch = OptionalLong.empty();
        if (o.get("epoch").orElse(null) instanceof JsonValue.JsonNumber n && n.value() == Math.rint(n.value())
                && n.value() >= 0 && n.value() < 9.0e15) {
            epoch = OptionalLong.of((long) n.value());
        }
        return new Answer(url, keys, string(o, "latestBlockhash").filter(s -> !s.isEmpty()), epoch);
    }

    private static String disagreement(Keys mine, Keys majority) {
        List<String> parts = new ArrayList<>();
        if (!mine.networkPublicKey().equals(majority.networkPublicKey())) {
            parts.add("networkPublicKey " + fingerprint(mine.networkPublicKey()) + " (majority "
                    + fingerprint(majority.networkPublicKey()) + ")");
        }
        if (!mine.subnetPublicKey().equals(majority.subnetPublicKey())) {
            parts.add("subnetPublicKey " + fingerprint(mine.subnetPublicKey()) + " (majority "
                    + fingerprint(majority.subnetPublicKey()) + ")");
        }
        return "disagrees with the majority: " + String.join(", ", parts);
    }

    private static LitClientException notEnough(Discovery d, int agreeing, List<NodeFailure> failures,
                                                String requestId) {
        List<NodeFailure> ordered = NodeCalls.ordered(failures);
        boolean nodeErrors = failures.stream().anyMatch(f -> f.httpStatus() != 0 && f.httpStatus() != 200);
        boolean unreachable = failures.stream().anyMatch(NodeFailure::unreachable);
        LitErrorCode code = nodeErrors ? LitErrorCode.NodeError
                : unreachable ? LitErrorCode.NetworkError : LitErrorCode.InitError;
        return new LitClientException(code, "could not connect: " + agreeing + " of " + d.nodeUrls().size()
                + " nodes answered the handshake and agree, " + d.minNodeCount() + " required (request "
                + requestId + "): " + NodeCalls.describeAll(ordered), ordered);
    }

    private static Optional<String> present(String key) {
        return key.isEmpty() || key.equals(ABSENT_KEY) ? Optional.empty() : Optional.of(key);
    }

    private static Optional<String> string(JsonValue.JsonObject o, String name) {
        return o.get(name).filter(v -> v instanceof JsonValue.JsonString).map(v -> ((JsonValue.JsonString) v).value());
    }

    private static String fingerprint(String key) {
        if (key.isEmpty()) {
            return "(none)";
        }
        return key.length() <= 12 ? key : key.substring(0, 6) + "…" + key.substring(key.length() - 4);
    }
}
