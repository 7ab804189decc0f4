package io.litj.protocol.acc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.crypto.Hashes;
import io.litj.protocol.crypto.Hex;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link ConditionSet}: typed values, canonical form and hash, structure rules and their codes. */
class ConditionSetTest {
    static final String WALLET = "{\"contractAddress\":\"\",\"standardContractType\":\"\",\"chain\":\"ethereum\","
            + "\"method\":\"\",\"parameters\":[\":userAddress\"],\"returnValueTest\":{\"comparator\":\"=\","
            + "\"value\":\"0xBD4701851e9C9a22f448860A78872A00Da87899e\"}}";
    static final String OR = "{\"operator\":\"or\"}";

    static String list(String... items) {
        return "[" + String.join(",", items) + "]";
    }

    /** A list of the one condition {@code condition} with {@code from} replaced by {@code to}. */
    static String listWith(String condition, String from, String to) {
        return list(condition.replace(from, to));
    }

    /**
     * Asserts that each variant of {@code condition} is refused with {@code NodeParserError} and the given message;
     * {@code fromToMessage} holds triples (text to replace, replacement, expected message).
     */
    static void assertRefusals(ConditionKind kind, String condition, String... fromToMessage) {
        for (int i = 0; i + 2 < fromToMessage.length; i += 3) {
            assertEquals(fromToMessage[i + 2], message(kind, listWith(condition, fromToMessage[i],
                    fromToMessage[i + 1])));
        }
    }

    static String wallets(int n) {
        String[] items = new String[2 * n - 1];
        for (int i = 0; i < items.length; i++) {
            items[i] = i % 2 == 0 ? WALLET : OR;
        }
        return list(items);
    }

    static AccessControlCondition wallet(String address) {
        return new AccessControlCondition("", "ethereum", "", "", List.of(":userAddress"),
                new ReturnValueTest(ValueComparator.EQUAL, address));
    }

    @Test
    void parse_basicWithGroup_typedValues() {
        ConditionSet set = ConditionSet.parse(ConditionKind.BASIC, list(WALLET, "{\"operator\":\"and\"}",
                list(WALLET, OR, WALLET)));
        AccessControlCondition w = wallet("0xBD4701851e9C9a22f448860A78872A00Da87899e");
        assertEquals(ConditionSet.of(ConditionKind.BASIC, w, Operator.AND, ConditionGroup.of(w, Operator.OR, w)), set);
        assertEquals(List.of(w, w, w), set.conditions());
    }

    @Test
    void canonicalJson_basicConditionTypeTagDropped_fieldsInNodeOrder() {
        String tagged = "{\"returnValueTest\":{\"value\":\"1\",\"comparator\":\">\"},\"parameters\":[],\"method\":"
                + "\"m\",\"conditionType\":\"evmBasic\",\"chain\":\"polygon\",\"standardContractType\":\"ERC20\","
                + "\"contractAddress\":\"0xab\"}";
        ConditionSet set = ConditionSet.parse(ConditionKind.BASIC, list(tagged));
        String expected = "[{\"contractAddress\":\"0xab\",\"chain\":\"polygon\",\"standardContractType\":\"ERC20\","
                + "\"method\":\"m\",\"parameters\":[],\"returnValueTest\":{\"comparator\":\">\",\"value\":\"1\"}}]";
        assertEquals(expected, set.canonicalJson());
        assertEquals(Hex.encode(Hashes.sha256(expected)), set.hashHex());
        assertEquals(set.hashHex(), set.hash().hex());
    }

    @Test
    void canonicalJson_solV1OutsideUnified_v2Inside() {
        String sol = "{\"method\":\"getBalance\",\"params\":[\"a\"],\"pdaInterface\":{\"offset\":1e1,\"fields\":{}},"
                + "\"pdaKey\":\"k\",\"chain\":\"solana\",\"returnValueTest\":{\"key\":\"\",\"comparator\":\">\","
                + "\"value\":\"0\"}}";
        assertEquals("[{\"method\":\"getBalance\",\"params\":[\"a\"],\"chain\":\"solana\",\"returnValueTest\":"
                + "{\"key\":\"\",\"comparator\":\">\",\"value\":\"0\"}}]",
                ConditionSet.parse(ConditionKind.SOL_RPC, list(sol)).canonicalJson());
        String unified = sol.replace("{\"method\"", "{\"conditionType\":\"solRpc\",\"method\"");
        assertEquals("[{\"method\":\"getBalance\",\"params\":[\"a\"],\"pdaInterface\":{\"offset\":10,\"fields\":{}},"
                + "\"pdaKey\":\"k\",\"chain\":\"solana\",\"returnValueTest\":{\"key\":\"\",\"comparator\":\">\","
                + "\"value\":\"0\"}}]", ConditionSet.parse(ConditionKind.UNIFIED, list(unified)).canonicalJson());
    }

    @Test
    void parse_thirtyConditions_accepted() {
        assertEquals(30, ConditionSet.parse(ConditionKind.BASIC, wallets(30)).conditions().size());
    }

    @Test
    void parse_thirtyOneConditions_refusedWithNodeTooManyConditions() {
        LitProtocolException e = assertThrows(LitProtocolException.class,
                () -> ConditionSet.parse(ConditionKind.BASIC, wallets(31)));
        assertEquals(LitErrorCode.NodeTooManyConditions, e.code());
        assertEquals("accessControlConditions holds more than 30 conditions", e.getMessage());
    }

    @Test
    void parse_thirtyOneMalformedConditionsInGroups_countedBeforeAnyFieldIsRead() {
        String group = list("{}", "{}", "{}", "{}", "{}", "{}", "{}", "{}", "{}", "{}");
        assertEquals(LitErrorCode.NodeTooManyConditions, code(ConditionKind.UNIFIED,
                list(group, list(group), list(list(group)), "{\"x\":1}")));
    }

    @Test
    void parse_emptyListOrNoList_refusedWithTheirCodes() {
        assertEquals(LitErrorCode.NodeMissingAccessControlConditions, code(ConditionKind.BASIC, "[]"));
        assertEquals(LitErrorCode.NodeParserError, code(ConditionKind.BASIC, "{}"));
        assertEquals(LitErrorCode.NodeParserError, code(ConditionKind.BASIC, "[" + WALLET));
        assertEquals(LitErrorCode.NodeParserError, code(ConditionKind.BASIC, null));
    }

    @Test
    void parse_depthTen_acceptedAndEleven_refused() {
        String ten = "[".repeat(10) + WALLET + "]".repeat(10);
        assertEquals(1, ConditionSet.parse(ConditionKind.BASIC, ten).conditions().size());
        LitProtocolException e = assertThrows(LitProtocolException.class,
                () -> ConditionSet.parse(ConditionKind.BASIC, "[" + ten + "]"));
        assertEquals(LitErrorCode.NodeParserError, e.code());
        assertEquals("accessControlConditions[0][0][0][0][0][0][0][0][0][0] nests arrays deeper than 10 levels",
                e.getMessage());
    }

    @Test
    void parse_operatorMisplaced_refusedNamingThePosition() {
        assertEquals("accessControlConditions[0] is the operator 'or' but an operator must stand between two"
                + " conditions or groups", message(ConditionKind.BASIC, list(OR, WALLET)));
        assertEquals(LitErrorCode.NodeParserError, code(ConditionKind.BASIC, list(WALLET, OR)));
        assertEquals(LitErrorCode.NodeParserError, code(ConditionKind.BASIC, list(WALLET, OR, OR, WALLET)));
        assertEquals(LitErrorCode.NodeParserError, code(ConditionKind.BASIC, list(OR)));
    }

    @Test
    void parse_badOperator_refused() {
        assertEquals("accessControlConditions[1].operator must be 'and' or 'or' but is 'AND'",
                message(ConditionKind.BASIC, list(WALLET, "{\"operator\":\"AND\"}", WALLET)));
        assertEquals("accessControlConditions[1] has an unknown field 'x'",
                message(ConditionKind.BASIC, list(WALLET, "{\"operator\":\"or\",\"x\":1}", WALLET)));
        assertEquals(LitErrorCode.NodeParserError,
                code(ConditionKind.BASIC, list(WALLET, "{\"operator\":1}", WALLET)));
    }

    @Test
    void parse_emptyGroupOrScalarItem_refused() {
        assertEquals("accessControlConditions[2] is an empty group",
                message(ConditionKind.BASIC, list(WALLET, OR, "[]")));
        assertEquals("accessControlConditions[0] must be a condition object, an operator object or an array",
                message(ConditionKind.BASIC, list("\"x\"")));
    }

    @Test
    void parse_unknownOrMissingField_refusedNamingIt() {
        assertEquals("accessControlConditions[0] has an unknown field 'extra'",
                message(ConditionKind.BASIC, list(WALLET.replace("{\"contractAddress\"", "{\"extra\":1,"
                        + "\"contractAddress\""))));
        assertEquals("accessControlConditions[0] is missing the field 'method'",
                message(ConditionKind.BASIC, list(WALLET.replace("\"method\":\"\",", ""))));
        assertEquals("accessControlConditions[0].returnValueTest has an unknown field 'key'",
                message(ConditionKind.BASIC, list(WALLET.replace("{\"comparator\"", "{\"key\":\"\",\"comparator\""))));
    }

    @Test
    void parse_wrongTypes_refusedNamingTheField() {
        assertEquals("accessControlConditions[0].parameters[1] must be a string",
                message(ConditionKind.BASIC, list(WALLET.replace("[\":userAddress\"]", "[\"a\",2]"))));
        assertEquals("accessControlConditions[0].returnValueTest field 'value' must be a string",
                message(ConditionKind.BASIC, list(WALLET.replace("\"0xBD4701851e9C9a22f448860A78872A00Da87899e\"",
                        "5"))));
        assertEquals("accessControlConditions[0] field 'parameters' must be an array",
                message(ConditionKind.BASIC, list(WALLET.replace("[\":userAddress\"]", "\":userAddress\""))));
    }

    @Test
    void parse_badComparatorChainOrContractType_refusedNamingTheField() {
        assertEquals("accessControlConditions[0].returnValueTest.comparator '==' is not one of = != > >= < <= "
                + "contains !contains", message(ConditionKind.BASIC, list(WALLET.replace("\"=\"", "\"==\""))));
        assertEquals("accessControlConditions[0].chain 'solana' is not a known EVM chain",
                message(ConditionKind.BASIC, list(WALLET.replace("ethereum", "solana"))));
        assertEquals("accessControlConditions[0].standardContractType 'ERC777' is not a known standardContractType",
                message(ConditionKind.BASIC, list(WALLET.replace("\"standardContractType\":\"\"",
                        "\"standardContractType\":\"ERC777\""))));
    }

    @Test
    void parse_conditionTypeOfAnotherKind_refused() {
        assertEquals("accessControlConditions[0].conditionType must be 'evmBasic' in accessControlConditions but is"
                + " 'solRpc'", message(ConditionKind.BASIC, list(WALLET.replace("{\"contractAddress\"",
                        "{\"conditionType\":\"solRpc\",\"contractAddress\""))));
    }

    @Test
    void parse_unifiedWithoutOrWithUnsupportedConditionType_refused() {
        assertEquals("unifiedAccessControlConditions[0] is missing the field 'conditionType'",
                message(ConditionKind.UNIFIED, list(WALLET)));
        assertEquals("unifiedAccessControlConditions[0].conditionType 'cosmos' is not one of evmBasic, evmContract,"
                + " solRpc (litj does not support cosmos)", message(ConditionKind.UNIFIED,
                list("{\"conditionType\":\"cosmos\",\"path\":\"/x\",\"chain\":\"cosmos\"}")));
        assertEquals(LitErrorCode.NodeParserError,
                code(ConditionKind.UNIFIED, list("{\"conditionType\":7}")));
    }

    @Test
    void constructor_conditionOfAnotherKind_refused() {
        SolRpcCondition sol = new SolRpcCondition("getBalance", List.of(), Optional.empty(),
                new SolRpcCondition.PdaInterface(0, JsonValue.JsonObject.empty()), "", "solana",
                new KeyedReturnValueTest("", ValueComparator.GREATER, "0"));
        LitProtocolException e = assertThrows(LitProtocolException.class,
                () -> ConditionSet.of(ConditionKind.BASIC, sol));
        assertEquals(LitErrorCode.NodeParserError, e.code());
        assertEquals("accessControlConditions[0] is a solRpc condition in accessControlConditions", e.getMessage());
        assertEquals(List.of(sol, wallet("0x1")),
                ConditionSet.of(ConditionKind.UNIFIED, sol, Operator.OR, wallet("0x1")).conditions());
    }

    @Test
    void constructors_unknownNames_refusedWithInvalidArgument() {
        assertEquals(LitErrorCode.InvalidArgument, assertThrows(LitProtocolException.class, () ->
                new AccessControlCondition("", "mars", "", "", List.of(), new ReturnValueTest(ValueComparator.EQUAL,
                        ""))).code());
        assertEquals(LitErrorCode.InvalidArgument, assertThrows(LitProtocolException.class, () ->
                new SolRpcCondition.PdaInterface(-1, JsonValue.JsonObject.empty())).code());
    }

    @Test
    void fromRequest_firstPresentNonNullKindWins() {
        String sol = "[{\"method\":\"m\",\"params\":[],\"pdaInterface\":{\"offset\":0,\"fields\":{}},\"pdaKey\":"
                + "\"\",\"chain\":\"solana\",\"returnValueTest\":{\"key\":\"\",\"comparator\":\"=\",\"value\":\"\"}}]";
        JsonValue.JsonObject body = JsonReader.parseObject("{\"unifiedAccessControlConditions\":[1],"
                + "\"accessControlConditions\":null,\"solRpcConditions\":" + sol + "}", LitErrorCode.NodeBadInput,
                "body");
        assertEquals(ConditionKind.SOL_RPC, ConditionSet.fromRequest(body).kind());
        LitProtocolException e = assertThrows(LitProtocolException.class, () -> ConditionSet.fromRequest(
                JsonReader.parseObject("{\"chain\":\"ethereum\"}", LitErrorCode.NodeBadInput, "body")));
        assertEquals(LitErrorCode.NodeMissingAccessControlConditions, e.code());
    }

    static LitErrorCode code(ConditionKind kind, String json) {
        return assertThrows(LitProtocolException.class, () -> ConditionSet.parse(kind, json)).code();
    }

    static String message(ConditionKind kind, String json) {
        LitProtocolException e = assertThrows(LitProtocolException.class, () -> ConditionSet.parse(kind, json));
        assertEquals(LitErrorCode.NodeParserError, e.code(), e.getMessage());
        return e.getMessage();
    }
}
