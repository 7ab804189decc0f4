package io.litj.devnet.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.devnet.registry.SqliteRegistryWriter;
import io.litj.devnet.testing.TestRegistryFiles;
import io.litj.node.ChainConfig;
import io.litj.node.LitNodeException;
import io.litj.node.acc.ConditionEvaluator;
import io.litj.node.acc.EvaluationContext;
import io.litj.node.acc.HttpChainRpc;
import io.litj.node.registry.Block;
import io.litj.node.registry.SqliteRegistry;
import io.litj.node.registry.TestRegistries;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.acc.ConditionKind;
import io.litj.protocol.acc.ConditionSet;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.testing.MutableClock;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChainViewTest {
    private static final Instant NOW = Instant.parse("2026-06-01T08:00:00Z");
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private SqliteRegistryWriter writer;
    private SqliteRegistry registry;
    private ChainView view;
    private BlockProducer producer;
    private final MutableClock clock = new MutableClock(NOW);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    @BeforeEach
    void start() {
        writer = TestRegistryFiles.create(dir, 3);
        registry = SqliteRegistry.open(writer.file());
        BlockProducer.appendGenesis(writer, clock, new SecureRandom());
        producer = BlockProducer.builder(writer).clock(clock).build();
        view = ChainView.builder(registry).port(0).clock(clock).maxBodyBytes(4096).start();
    }

    @AfterEach
    void stop() {
        view.close();
        producer.close();
        registry.close();
        writer.close();
        http.close();
    }

    private record Answer(int status, String contentType, JsonValue body) {
        JsonValue.JsonObject object() {
            return (JsonValue.JsonObject) body;
        }

        JsonValue member(String name) {
            return object().get(name).orElseThrow(() -> new AssertionError("no " + name + " in " + JsJson
                    .stringify(body)));
        }

        int errorCode() {
            JsonValue code = ((JsonValue.JsonObject) member("error")).get("code").orElseThrow();
            return (int) ((JsonValue.JsonNumber) code).value();
        }
    }

    private Answer post(String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(view.url() + "/")).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private Answer send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> res = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(res.statusCode(), res.headers().firstValue("content-type").orElse(""),
                JsonReader.parse(res.body(), LitErrorCode.NodeBadInput, "answer"));
    }

    private static String call(int id, String method, String params) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}";
    }

    private static JsonValue str(String s) {
        return new JsonValue.JsonString(s);
    }

    @Test
    void ethChainId_answersHexOfRegistryChainId() throws Exception {
        Answer a = post(call(1, "eth_chainId", "[]"));
        assertEquals(200, a.status());
        assertEquals("application/json", a.contentType());
        assertEquals("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x2ac54\"}", JsJson.stringify(a.body()));
        assertEquals(str(Long.toString(TestRegistries.CHAIN_ID)), post(call(2, "net_version", "[]"))
                .member("result"));
    }

    @Test
    void batch_answersEachCallInOrder() throws Exception {
        producer.produceNext();
        Answer a = post("[" + call(7, "eth_blockNumber", "[]") + "," + call(8, "eth_chainId", "[]") + ","
                + call(9, "no_such_method", "[]") + "]");
        assertEquals(200, a.status());
        List<JsonValue> items = ((JsonValue.JsonArray) a.body()).items();
        assertEquals(3, items.size());
        assertEquals("{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":\"0x1\"}", JsJson.stringify(items.get(0)));
        assertEquals("{\"jsonrpc\":\"2.0\",\"id\":8,\"result\":\"0x2ac54\"}", JsJson.stringify(items.get(1)));
        assertEquals(-32601, new Answer(200, "", items.get(2)).errorCode());
    }

    @Test
    void ethCall_stakingSelector_returnsAbiOfRegistryAtCallTime() throws Exception {
        String expected = EthMethods.stakingAnswer(registry.network(), registry.nodes(), NOW);
        Answer a = post(call(3, "eth_call", "[{\"to\":\"" + TestRegistries.STAKING
                + "\",\"data\":\"0xc51d020e\"},\"latest\"]"));
        assertEquals(str(expected), a.member("result"));
        clock.advance(Duration.ofDays(1));
        Answer later = post(call(4, "eth_call", "[{\"to\":\"0x0000000000000000000000000000000000000001\","
                + "\"input\":\"0xC51D020E\"}]"));
        assertEquals(str(EthMethods.stakingAnswer(registry.network(), registry.nodes(), NOW.plus(Duration.ofDays(1)))),
                later.member("result"));
    }

    @Test
    void ethCall_otherSelector_revertsWithMinus32000() throws Exception {
        Answer a = post(call(5, "eth_call", "[{\"to\":\"" + TestRegistries.STAKING + "\",\"data\":\"0x12345678\"}]"));
        assertEquals(200, a.status());
        assertEquals(-32000, a.errorCode());
        assertEquals(-32602, post(call(6, "eth_call", "[]")).errorCode());
    }

    @Test
    void ethGetBalanceAndTransactionCount_zeroForEveryAddress_badAddressMinus32602() throws Exception {
        assertEquals(str("0x0"), post(call(1, "eth_getBalance", "[\"0x" + "ab".repeat(20) + "\",\"latest\"]"))
                .member("result"));
        assertEquals(-32602, post(call(2, "eth_getBalance", "[\"nobody\",\"latest\"]")).errorCode());
        assertEquals(-32602, post(call(3, "eth_getBalance", "[]")).errorCode());
        assertEquals(str("0x0"), post(call(4, "eth_getTransactionCount", "[\"0x" + "cd".repeat(20)
                + "\",\"latest\"]")).member("result"));
        assertEquals(-32602, post(call(5, "eth_getTransactionCount", "[\"nobody\",\"latest\"]")).errorCode());
    }

    @Test
    void conditionsEvaluatedAgainstTheChainView_balanceAndTimestampRead_contractCallRefused() {
        EthAddress user = EthAddress.of(new byte[20]);
        try (HttpChainRpc rpc = new HttpChainRpc(ChainConfig.of(
                Map.of("ethereum", URI.create(view.url()))))) {
            ConditionEvaluator evaluator = new ConditionEvaluator(rpc, 30);
            EvaluationContext context = EvaluationContext.of(user,
                    Map.of());
            assertTrue(evaluator.evaluate(condition("", "", "eth_getBalance", "\":userAddress\",\"latest\"", "=",
                    "0"), context));
            assertTrue(evaluator.evaluate(condition("", "timestamp", "eth_getBlockByNumber", "\"latest\"", "<=",
                    Long.toString(NOW.getEpochSecond())), context));
            LitNodeException e = assertThrows(
                    LitNodeException.class, () -> evaluator.evaluate(condition("0x" + "12".repeat(20),
                            "ERC20", "balanceOf", "\":userAddress\"", ">=", "0"), context));
            assertEquals(LitErrorCode.NodeAccessControlConditionsCheckFailed, e.code());
        }
    }

    private static ConditionSet condition(String contract, String type, String method,
            String params, String cmp, String value) {
        return ConditionSet.parse(ConditionKind.BASIC, "[{\"contractAddress\":\""
                + contract + "\",\"chain\":\"ethereum\",\"standardContractType\":\"" + type + "\",\"method\":\""
                + method + "\",\"parameters\":[" + params + "],\"returnValueTest\":{\"comparator\":\"" + cmp
                + "\",\"value\":\"" + value + "\"}}]");
    }

    @Test
    void unknownMethod_minus32601_withTheRequestId() throws Exception {
        Answer a = post("{\"jsonrpc\":\"2.0\",\"id\":\"abc\",\"method\":\"eth_sendTransaction\",\"params\":[]}");
        assertEquals(200, a.status());
        assertEquals(-32601, a.errorCode());
        assertEquals(str("abc"), a.member("id"));
    }

    @Test
    void malformedJson_minus32700_andTheServerKeepsServing() throws Exception {
        Answer a = post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":");
        assertEquals(400, a.status());
        assertEquals("application/json", a.contentType());
        assertEquals(-32700, a.errorCode());
        assertEquals(JsonValue.JsonNull.INSTANCE, a.member("id"));
        assertEquals(-32700, post("\u0000\u0001").errorCode());
        assertEquals(-32600, post("[]").errorCode());
        assertEquals(-32600, post("42").errorCode());
        assertEquals(-32600, post("{\"id\":1,\"method\":\"eth_chainId\"}").errorCode(), "jsonrpc is required");
        assertEquals(-32602, post(call(1, "eth_getBlockByNumber", "[\"soon\"]")).errorCode());
        assertEquals(str("0x2ac54"), post(call(1, "eth_chainId", "[]")).member("result"));
    }

    @Test
    void oversizedBody_413JsonError_withOrWithoutContentLength_andTheServerKeepsServing() throws Exception {
        String big = call(1, "eth_chainId", "[\"" + "x".repeat(5000) + "\"]");
        Answer declared = post(big);
        assertEquals(413, declared.status());
        assertEquals("application/json", declared.contentType());
        assertEquals(-32600, declared.errorCode());
        Answer chunked = send(HttpRequest.newBuilder(URI.create(view.url() + "/")).timeout(TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8)))).build());
        assertEquals(413, chunked.status());
        assertEquals("application/json", chunked.contentType());
        assertEquals(str("0x2ac54"), post(call(1, "eth_chainId", "[]")).member("result"));
    }

    @Test
    void blockEndpoint_answersLatestHashAndTimestampInSecondsAsString() throws Exception {
        clock.advance(Duration.ofSeconds(2));
        Block latest = producer.produceNext();
        Answer a = send(HttpRequest.newBuilder(URI.create(view.blockHashUrl())).timeout(TIMEOUT).GET().build());
        assertEquals(200, a.status());
        assertEquals("application/json", a.contentType());
        assertEquals("{\"blockhash\":\"" + latest.hash() + "\",\"timestamp\":\"" + (NOW.getEpochSecond() + 2)
                + "\"}", JsJson.stringify(a.body()));
    }

    @Test
    void getBlockByNumber_latestAndGenesis_haveEthersRequiredFields() throws Exception {
        clock.advance(Duration.ofSeconds(2));
        Block one = producer.produceNext();
        Block genesis = registry.block(0).orElseThrow();
        Answer latest = post(call(1, "eth_getBlockByNumber", "[\"latest\",false]"));
        JsonValue.JsonObject block = (JsonValue.JsonObject) latest.member("result");
        assertEquals(str("0x1"), block.get("number").orElseThrow());
        assertEquals(str(one.hash()), block.get("hash").orElseThrow());
        assertEquals(str(genesis.hash()), block.get("parentHash").orElseThrow());
        assertEquals(str("0x" + Long.toHexString(NOW.getEpochSecond() + 2)), block.get("timestamp").orElseThrow());
        for (String field : List.of("gasLimit", "gasUsed", "extraData", "miner", "difficulty", "transactions")) {
            assertTrue(block.get(field).isPresent(), field);
        }
        JsonValue.JsonObject zero = (JsonValue.JsonObject) post(call(2, "eth_getBlockByNumber", "[\"0x0\",false]"))
                .member("result");
        assertEquals(str("0x" + "0".repeat(64)), zero.get("parentHash").orElseThrow());
        assertEquals(JsonValue.JsonNull.INSTANCE, post(call(3, "eth_getBlockByNumber", "[\"0x99\",false]"))
                .member("result"));
        assertEquals(str(one.hash()), ((JsonValue.JsonObject) post(call(4, "eth_getBlockByHash", "[\""
                + one.hash().toUpperCase().replace("0X", "0x") + "\",false]")).member("result")).get("hash")
                .orElseThrow());
    }

    @Test
    void getLogs_isEmpty_andUnknownRoute_is404Json() throws Exception {
        assertEquals("[]", JsJson.stringify(post(call(1, "eth_getLogs", "[{\"address\":\"0x00\"}]"))
                .member("result")));
        Answer missing = send(HttpRequest.newBuilder(URI.create(view.url() + "/nope")).timeout(TIMEOUT).GET()
                .build());
        assertEquals(404, missing.status());
        assertEquals("application/json", missing.contentType());
        assertTrue(missing.object().get("error").isPresent());
    }
}
