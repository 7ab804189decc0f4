package io.litj.devnet.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.litj.node.registry.Block;
import io.litj.node.registry.NetworkInfo;
import io.litj.devnet.registry.SqliteRegistryWriter;
import io.litj.node.registry.SqliteRegistry;
import io.litj.node.registry.TestRegistries;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.chain.StakingEpoch;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chain view against the real JavaScript clients in {@code interop/node_modules}: ethers 5.8.0's
 * {@code StaticJsonRpcProvider} with the real Staking ABI of {@code @lit-protocol/contracts} 0.0.74, the JS SDK's own
 * {@code LitContracts.getConnectionInfo} (what {@code connect()} runs for {@code litNetwork: 'custom'}), its
 * {@code currentEpochNumber} rule and its {@code _syncBlockhash} against {@code /get_most_recent_valid_block}. The
 * script refuses every socket that is not to the loopback address.
 */
class ChainViewEthersTest {
    private static final String SCRIPT = """
            'use strict';
            const net = require('net');
            const connect = net.Socket.prototype.connect;
            net.Socket.prototype.connect = function guardedConnect(...args) {
              const a = Array.isArray(args[0]) ? args[0] : args;
              const o = a[0] !== null && typeof a[0] === 'object' ? a[0] : { port: a[0], host: a[1] };
              const host = o.host === undefined ? 'localhost' : String(o.host);
              if (o.path === undefined && !['127.0.0.1', 'localhost', '::1'].includes(host)) {
                throw new Error('network guard: refused ' + host + ':' + o.port);
              }
              return connect.apply(this, args);
            };
            (async () => {
              const url = process.env.LITJ_CHAIN_URL;
              const { ethers } = require('ethers');
              const deployed = require('@lit-protocol/contracts/prod/datil-dev.json');
              const staking = deployed.data.find((e) => e.name === 'Staking').contracts[0];
              const provider = new ethers.providers.StaticJsonRpcProvider(url);
              const network = await provider.getNetwork();
              const blockNumber = await provider.getBlockNumber();
              const block = await provider.getBlock('latest');
              const contract = new ethers.Contract(staking.address_hash, staking.ABI, provider);
              const [epoch, minNodeCount, validators] = await contract.getActiveUnkickedValidatorStructsAndCounts();
              const { LitContracts } = require('@lit-protocol/contracts-sdk');
              const info = await LitContracts.getConnectionInfo({ litNetwork: 'custom', rpcUrl: url });
              const { LitNodeClientNodeJs } = require('@lit-protocol/lit-node-client-nodejs');
              const client = new LitNodeClientNodeJs({ litNetwork: 'custom', rpcUrl: url, debug: false,
                checkNodeAttestation: false });
              client._stakingContract = info.stakingContract;
              client._epochState = await client._fetchCurrentEpochState(info.epochInfo);
              client._blockHashUrl = process.env.LITJ_BLOCK_URL;
              await client._syncBlockhash();
              const result = {
                chainId: network.chainId,
                blockNumber,
                block: { number: block.number, hash: block.hash, parentHash: block.parentHash,
                  timestamp: block.timestamp },
                epoch: epoch.map(String),
                minNodeCount: String(minNodeCount),
                validators: validators.map((v) => [String(v.ip), String(v.port), v.nodeAddress]),
                sdk: { bootstrapUrls: info.bootstrapUrls, minNodeCount: info.minNodeCount,
                  currentEpochNumber: client.currentEpochNumber,
                  latestBlockhash: client.latestBlockhash,
                  lastBlockHashRetrieved: client.lastBlockHashRetrieved },
              };
              process.stdout.write('\\nLITJ_RESULT ' + JSON.stringify(result) + '\\n', () => process.exit(0));
            })().catch((e) => { console.error(e && e.stack ? e.stack : e); process.exit(1); });
            """;

    @TempDir
    Path dir;

    @Test
    void ethersProviderAndJsSdk_readValidatorsEpochAndBlockFromTheChainView() throws Exception {
        Instant now = Instant.now();
        // epoch 5 began 5 s ago: the SDK would report epoch 4 unless the chain view reports an older start
        NetworkInfo network = new NetworkInfo(TestRegistries.CHAIN_ID, 5, 2, TestRegistries.STAKING,
                now.minusSeconds(5), 3600);
        try (SqliteRegistryWriter writer = SqliteRegistryWriter.create(dir.resolve("registry.sqlite"), network,
                TestRegistries.nodes(3));
             SqliteRegistry registry = SqliteRegistry.open(writer.file());
             BlockProducer producer = BlockProducer.builder(writer).build()) {
            Block genesis = BlockProducer.appendGenesis(writer, Clock.systemUTC(), new SecureRandom());
            Block latest = producer.produceNext();
            Clock fixed = Clock.fixed(now, ZoneOffset.UTC);
            try (ChainView view = ChainView.builder(registry).port(0).clock(fixed).start()) {
                String stdout = NodeScript.run(SCRIPT, Map.of("LITJ_CHAIN_URL", view.url(),
                        "LITJ_BLOCK_URL", view.blockHashUrl()), Duration.ofSeconds(60));
                JsonValue.JsonObject result = parseResult(stdout);
                JsonValue.JsonObject sdk = (JsonValue.JsonObject) result.get("sdk").orElseThrow();
                StakingEpoch reported = StakingEpoch.reportedAt(network.epochLengthSeconds(), network.epoch(),
                        network.epochStart(), now);

                assertEquals("175188", json(result, "chainId"));
                assertEquals("1", json(result, "blockNumber"));
                assertEquals("{\"number\":1,\"hash\":\"" + latest.hash() + "\",\"parentHash\":\"" + genesis.hash()
                        + "\",\"timestamp\":" + latest.timestamp().getEpochSecond() + "}", json(result, "block"));
                assertEquals("[\"3600\",\"5\",\"" + reported.endTime() + "\",\"0\",\"60\"]", json(result, "epoch"));
                assertEquals("\"2\"", json(result, "minNodeCount"));
                assertEquals("[[\"2130706433\",\"7470\",\"0x70997970C51812dc3A010C7d01b50e0d17dc79C8\"],"
                        + "[\"2130706433\",\"7471\",\"0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC\"],"
                        + "[\"2130706433\",\"7472\",\"0x90F79bf6EB2c4f870365E785982E1f101E93b906\"]]",
                        json(result, "validators"));
                assertEquals("[\"http://127.0.0.1:7470\",\"http://127.0.0.1:7471\",\"http://127.0.0.1:7472\"]",
                        json(sdk, "bootstrapUrls"));
                assertEquals("2", json(sdk, "minNodeCount"));
                assertEquals("5", json(sdk, "currentEpochNumber"));
                assertEquals("\"" + latest.hash() + "\"", json(sdk, "latestBlockhash"));
                assertEquals(Long.toString(latest.timestamp().getEpochSecond() * 1000),
                        json(sdk, "lastBlockHashRetrieved"));
            }
        }
    }

    private static JsonValue.JsonObject parseResult(String stdout) {
        String line = stdout.lines().filter(l -> l.startsWith("LITJ_RESULT ")).findFirst()
                .orElseThrow(() -> new AssertionError("no LITJ_RESULT line in node output:\n" + stdout));
        return JsonReader.parseObject(line.substring("LITJ_RESULT ".length()), LitErrorCode.NodeBadInput,
                "node output");
    }

    private static String json(JsonValue.JsonObject object, String name) {
        return JsJson.stringify(object.get(name).orElseThrow(() -> new AssertionError("no " + name)));
    }
}
