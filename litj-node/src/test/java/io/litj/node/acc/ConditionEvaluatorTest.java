package io.litj.node.acc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.node.ChainConfig;
import io.litj.node.LitNodeException;
import io.litj.node.testing.TestChain;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.acc.ConditionKind;
import io.litj.protocol.acc.ConditionSet;
import io.litj.protocol.chain.AbiFunction;
import io.litj.protocol.chain.AbiType;
import io.litj.protocol.chain.AbiValue;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.crypto.Hex;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link ConditionEvaluator} against a JSON-RPC test chain on 127.0.0.1: every basic condition kind, EVM-contract
 * calls, every comparator, operators and nesting, special parameters, and each refusal with its code.
 */
class ConditionEvaluatorTest {
    static final EthAddress USER = EthAddress.of(Hex.decode("11".repeat(20), "user"));
    static final EthAddress OTHER = EthAddress.of(Hex.decode("22".repeat(20), "other"));
    static final EthAddress TOKEN = EthAddress.of(Hex.decode("33".repeat(20), "token"));
    static final EthAddress NFT = EthAddress.of(Hex.decode("44".repeat(20), "nft"));
    static final EthAddress MULTI = EthAddress.of(Hex.decode("55".repeat(20), "multi"));

    private static TestChain chain;
    private static HttpChainRpc rpc;
    private static ConditionEvaluator evaluator;

    @BeforeAll
    static void start() {
        chain = TestChain.start().balance(USER, new BigInteger("1000000000000000000")).timestamp(1_700_000_000L);
        AbiFunction balanceOf = new AbiFunction("balanceOf", List.of(new AbiType.Address()),
                List.of(new AbiType.Uint(256)));
        chain.answer(TOKEN, balanceOf, List.of(new AbiValue.Address(USER)), List.of(AbiValue.uint(500)));
        chain.answer(NFT, balanceOf, List.of(new AbiValue.Address(USER)), List.of(AbiValue.uint(2)));
        chain.answer(NFT, new AbiFunction("ownerOf", List.of(new AbiType.Uint(256)), List.of(new AbiType.Address())),
                List.of(AbiValue.uint(7)), List.of(new AbiValue.Address(USER)));
        chain.answer(MULTI, new AbiFunction("balanceOf", List.of(new AbiType.Address(), new AbiType.Uint(256)),
                List.of(new AbiType.Uint(256))), List.of(new AbiValue.Address(USER), AbiValue.uint(3)),
                List.of(AbiValue.uint(9)));
        chain.answer(TOKEN, new AbiFunction("info", List.of(new AbiType.Address()),
                List.of(new AbiType.Str(), new AbiType.Bool(), new AbiType.Uint(8))),
                List.of(new AbiValue.Address(USER)),
                List.of(new AbiValue.Str("gold member"), new AbiValue.Bool(true), AbiValue.uint(5)));
        chain.answer(TOKEN, new AbiFunction("members", List.of(), List.of(new AbiType.Array(new AbiType.Address()))),
                List.of(), List.of(new AbiValue.Array(List.of(new AbiValue.Address(OTHER),
                        new AbiValue.Address(USER)))));
        rpc = new HttpChainRpc(ChainConfig.of(Map.of("ethereum", chain.url())));
        evaluator = new ConditionEvaluator(rpc, 30);
    }

    @AfterAll
    static void stop() {
        if (rpc != null) {
            rpc.close();
        }
        if (chain != null) {
            chain.close();
        }
    }

    static String basic(String contract, String type, String method, String params, String cmp, String value) {
        return basicOn("ethereum", contract, type, method, params, cmp, value);
    }

    static String basicOn(String chainName, String contract, String type, String method, String params, String cmp,
            String value) {
        return "{\"contractAddress\":\"" + contract + "\",\"chain\":\"" + chainName + "\",\"standardContractType\":\""
                + type + "\",\"method\":\"" + method + "\",\"parameters\":[" + params + "],\"returnValueTest\":"
                + "{\"comparator\":\"" + cmp + "\",\"value\":\"" + value + "\"}}";
    }

    static String isUser(String address) {
        return basic("", "", "", "\":userAddress\"", "=", address);
    }

    static String balance(String cmp, String wei) {
        return basic("", "", "eth_getBalance", "\":userAddress\",\"latest\"", cmp, wei);
    }

    private static boolean eval(String json) {
        return eval(ConditionKind.BASIC, json, EvaluationContext.of(USER, Map.of()));
    }

    private static boolean eval(ConditionKind kind, String json, EvaluationContext context) {
        return evaluator.evaluate(ConditionSet.parse(kind, json), context);
    }

    private static LitErrorCode refused(ConditionEvaluator e, ConditionKind kind, String json) {
        return assertThrows(LitNodeException.class, () -> e.evaluate(ConditionSet.parse(kind, json),
                EvaluationContext.of(USER, Map.of()))).code();
    }

    @Test
    void userAddressEqualityIsTheProvenAddressCaseInsensitive() {
        assertTrue(eval("[" + isUser(USER.toChecksumString()) + "]"));
        assertTrue(eval("[" + isUser(USER.toLowerHex().toUpperCase().replace("0X", "0x")) + "]"));
        assertFalse(eval("[" + isUser(OTHER.toLowerHex()) + "]"));
    }

    @ParameterizedTest
    @CsvSource({
        "=, 1000000000000000000, true", "=, 1, false",
        "!=, 1, true", "!=, 1000000000000000000, false",
        ">, 999999999999999999, true", ">, 1000000000000000000, false",
        ">=, 1000000000000000000, true", ">=, 1000000000000000001, false",
        "<, 1000000000000000001, true", "<, 1000000000000000000, false",
        "<=, 1000000000000000000, true", "<=, 999999999999999999, false",
        "contains, 1, false", "!contains, 1, false"})
    void everyComparatorOnEthGetBalance(String cmp, String value, boolean expected) {
        assertEquals(expected, eval("[" + balance(cmp, value) + "]"));
    }

    @Test
    void timestampIsTheLatestBlocks() {
        assertTrue(eval("[" + basic("", "timestamp", "eth_getBlockByNumber", "\"latest\"", ">=", "1700000000")
                + "]"));
        assertFalse(eval("[" + basic("", "timestamp", "eth_getBlockByNumber", "\"latest\"", ">", "1700000000")
                + "]"));
    }

    @Test
    void standardContractCalls() {
        assertTrue(eval("[" + basic(TOKEN.toLowerHex(), "ERC20", "balanceOf", "\":userAddress\"", ">=", "500")
                + "]"));
        assertFalse(eval("[" + basic(TOKEN.toLowerHex(), "ERC20", "balanceOf", "\":userAddress\"", ">", "500")
                + "]"));
        assertTrue(eval("[" + basic(NFT.toLowerHex(), "ERC721", "balanceOf", "\":userAddress\"", ">", "0") + "]"));
        assertTrue(eval("[" + basic(NFT.toLowerHex(), "ERC721", "ownerOf", "\"7\"", "=", ":userAddress") + "]"));
        assertTrue(eval("[" + basic(MULTI.toLowerHex(), "ERC1155", "balanceOf", "\":userAddress\",\"3\"", "=", "9")
                + "]"));
    }

    @Test
    void evmContractConditionsPickTheKeyedOutput() {
        String abi = "{\"name\":\"info\",\"inputs\":[{\"name\":\"who\",\"type\":\"address\"}],\"outputs\":["
                + "{\"name\":\"label\",\"type\":\"string\"},{\"name\":\"active\",\"type\":\"bool\"},"
                + "{\"name\":\"level\",\"type\":\"uint8\"}],\"stateMutability\":\"view\"}";
        assertTrue(eval(ConditionKind.EVM_CONTRACT, "[" + contract("info", "\":userAddress\"", abi, "label",
                "contains", "gold") + "]", EvaluationContext.of(USER, Map.of())));
        assertTrue(eval(ConditionKind.EVM_CONTRACT, "[" + contract("info", "\":userAddress\"", abi, "active", "=",
                "true") + "]", EvaluationContext.of(USER, Map.of())));
        assertTrue(eval(ConditionKind.EVM_CONTRACT, "[" + contract("info", "\":userAddress\"", abi, "level", "<",
                "6") + "]", EvaluationContext.of(USER, Map.of())));
        assertFalse(eval(ConditionKind.EVM_CONTRACT, "[" + contract("info", "\":userAddress\"", abi, "label", "=",
                "silver") + "]", EvaluationContext.of(USER, Map.of())));
        String members = "{\"name\":\"members\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"address[]\"}],"
                + "\"stateMutability\":\"view\"}";
        assertTrue(eval(ConditionKind.EVM_CONTRACT, "[" + contract("members", "", members, "", "contains",
                ":userAddress") + "]", EvaluationContext.of(USER, Map.of())));
        assertFalse(eval(ConditionKind.EVM_CONTRACT, "[" + contract("members", "", members, "", "!contains",
                ":userAddress") + "]", EvaluationContext.of(USER, Map.of())));
    }

    static String contract(String name, String params, String abi, String key, String cmp, String value) {
        return "{\"contractAddress\":\"" + TOKEN.toLowerHex() + "\",\"functionName\":\"" + name
                + "\",\"functionParams\":[" + params + "],\"functionAbi\":" + abi + ",\"chain\":\"ethereum\","
                + "\"returnValueTest\":{\"key\":\"" + key + "\",\"comparator\":\"" + cmp + "\",\"value\":\"" + value
                + "\"}}";
    }

    @Test
    void operatorsReadLeftToRightWithNesting() {
        String yes = isUser(USER.toLowerHex());
        String no = isUser(OTHER.toLowerHex());
        String and = "{\"operator\":\"and\"}";
        String or = "{\"operator\":\"or\"}";
        assertTrue(eval("[" + yes + "," + and + "," + yes + "]"));
        assertFalse(eval("[" + yes + "," + and + "," + no + "]"));
        assertTrue(eval("[" + no + "," + or + "," + yes + "]"));
        assertFalse(eval("[" + no + "," + or + "," + no + "]"));
        assertTrue(eval("[" + no + "," + or + ",[" + yes + "," + and + "," + yes + "]]"));
        assertFalse(eval("[[" + no + "," + or + "," + yes + "]," + and + "," + no + "]"));
        assertFalse(eval("[" + no + "," + or + "," + yes + "," + and + "," + no + "]"));
    }

    @Test
    void aDecidedResultMakesNoFurtherCalls() {
        int before = chain.received();
        assertFalse(eval("[" + isUser(OTHER.toLowerHex()) + ",{\"operator\":\"and\"}," + balance(">", "0") + "]"));
        assertTrue(eval("[" + isUser(USER.toLowerHex()) + ",{\"operator\":\"or\"}," + balance(">", "0") + "]"));
        assertEquals(before, chain.received());
    }

    @Test
    void litParamsAndCurrentActionAreSubstituted() {
        String byParam = basic("", "", "", "\":litParam:who\"", "=", OTHER.toLowerHex());
        assertTrue(eval(ConditionKind.BASIC, "[" + byParam + "]", EvaluationContext.of(USER,
                Map.of("who", OTHER.toChecksumString()))));
        assertEquals(LitErrorCode.NodeBadInput, refused(evaluator, ConditionKind.BASIC, "[" + byParam + "]"));
        String byAction = basic("", "", "", "\":currentActionIpfsId\"", "=", "QmAction");
        assertFalse(eval("[" + byAction + "]"));
        assertTrue(eval(ConditionKind.BASIC, "[" + byAction + "]", new EvaluationContext(USER,
                java.util.Optional.of("QmAction"), Map.of())));
    }

    @Test
    void anUnconfiguredChainIsRefusedNotGranted() {
        assertEquals(LitErrorCode.NodeChainNotConfigured, refused(evaluator, ConditionKind.BASIC,
                "[" + basicOn("polygon", "", "", "eth_getBalance", "\":userAddress\",\"latest\"", ">=", "0") + "]"));
    }

    @Test
    void aRevertedCallIsRefused() {
        assertEquals(LitErrorCode.NodeAccessControlConditionsCheckFailed, refused(evaluator, ConditionKind.BASIC,
                "[" + basic(OTHER.toLowerHex(), "ERC20", "balanceOf", "\":userAddress\"", ">=", "0") + "]"));
    }

    @Test
    void aStalledChainTimesOutAndIsRefused() {
        try (TestChain stalled = TestChain.start().stall(true);
                HttpChainRpc shortRpc = new HttpChainRpc(ChainConfig.of(Map.of("ethereum", stalled.url()))
                        .withRpcTimeout(Duration.ofMillis(200)))) {
            assertEquals(LitErrorCode.NodeAccessControlConditionsCheckFailed, refused(new ConditionEvaluator(
                    shortRpc, 30), ConditionKind.BASIC, "[" + balance(">=", "0") + "]"));
        }
    }

    @Test
    void callsAreBoundedBeforeAnyIsMade() {
        int before = chain.received();
        String twice = "[" + balance(">", "0") + ",{\"operator\":\"and\"}," + balance(">", "1") + "]";
        assertEquals(LitErrorCode.NodeTooManyConditions, refused(new ConditionEvaluator(rpc, 1),
                ConditionKind.BASIC, twice));
        assertEquals(before, chain.received());
    }

    @Test
    void solanaAndUnsupportedKindsAreRefused() {
        String sol = "[{\"method\":\"getBalance\",\"params\":[\":userAddress\"],\"pdaParams\":[],\"pdaInterface\":"
                + "{\"offset\":0,\"fields\":{}},\"pdaKey\":\"\",\"chain\":\"solana\",\"returnValueTest\":{\"key\":\"\","
                + "\"comparator\":\">=\",\"value\":\"0\"}}]";
        assertEquals(LitErrorCode.NodeConditionNotSupported, refused(evaluator, ConditionKind.SOL_RPC, sol));
        assertEquals(LitErrorCode.NodeConditionNotSupported, refused(evaluator, ConditionKind.BASIC,
                "[" + basic("", "POAP", "tokenURI", "\":userAddress\"", "contains", "x") + "]"));
        String signed = "{\"name\":\"f\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"int256\"}],"
                + "\"stateMutability\":\"view\"}";
        assertEquals(LitErrorCode.NodeConditionNotSupported, refused(evaluator, ConditionKind.EVM_CONTRACT,
                "[" + contract("f", "", signed, "", "=", "1") + "]"));
    }

    @Test
    void malformedParametersAreBadInput() {
        assertEquals(LitErrorCode.NodeBadInput, refused(evaluator, ConditionKind.BASIC,
                "[" + basic(TOKEN.toLowerHex(), "ERC721", "ownerOf", "\"seven\"", "=", ":userAddress") + "]"));
        assertEquals(LitErrorCode.NodeBadInput, refused(evaluator, ConditionKind.BASIC,
                "[" + basic("", "", "eth_getBalance", "\"nobody\",\"latest\"", ">=", "0") + "]"));
    }

    @Test
    void litActionCondition_passesCidMethodAndSubstitutedParameters_andComparesTheResult() {
        List<String> seen = new ArrayList<>();
        ConditionEvaluator e = new ConditionEvaluator(rpc, 30, (cid, method, params, context) -> {
            seen.add(cid + " " + method + " " + params);
            return "true";
        });
        String json = "[" + basic("ipfs://QmCid", "LitAction", "go", "\":userAddress\",\"x\"", "=", "true") + "]";

        assertTrue(e.evaluate(ConditionSet.parse(ConditionKind.BASIC, json), EvaluationContext.of(USER, Map.of())));
        assertEquals(List.of("QmCid go [" + USER.toChecksumString() + ", x]"), seen);
    }

    @Test
    void litActionCondition_contractAddressNotIpfs_isRefusedWithNodeBadInput() {
        ConditionEvaluator e = new ConditionEvaluator(rpc, 30, (cid, method, params, context) -> "true");

        assertEquals(LitErrorCode.NodeBadInput, refused(e, ConditionKind.BASIC, "["
                + basic("QmCid", "LitAction", "go", "", "=", "true") + "]"));
    }

    @Test
    void litActionCondition_withoutActions_isRefusedWithNodeConditionNotSupported() {
        assertEquals(LitErrorCode.NodeConditionNotSupported, refused(evaluator, ConditionKind.BASIC, "["
                + basic("ipfs://QmCid", "LitAction", "go", "", "=", "true") + "]"));
    }
}
