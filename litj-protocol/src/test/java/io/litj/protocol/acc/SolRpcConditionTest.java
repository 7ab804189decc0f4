package io.litj.protocol.acc;

import static io.litj.protocol.acc.ConditionSetTest.list;
import static io.litj.protocol.acc.ConditionSetTest.listWith;
import static io.litj.protocol.acc.ConditionSetTest.message;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link SolRpcCondition}: v1 and v2 shapes, PDA fields kept as given, refusals naming the field. */
class SolRpcConditionTest {
    static final String SOL = "{\"method\":\"getAccountInfo\",\"params\":[\":userAddress\"],\"pdaParams\":[\"a\"],"
            + "\"pdaInterface\":{\"offset\":8,\"fields\":{\"b\":1,\"2\":[0.5,1e21]}},\"pdaKey\":\"k\",\"chain\":"
            + "\"solanaDevnet\",\"returnValueTest\":{\"key\":\"b\",\"comparator\":\"=\",\"value\":\":userAddress\"}}";

    @Test
    void parse_v2_canonicalKeepsFieldsInJsOrder() {
        ConditionSet set = ConditionSet.parse(ConditionKind.SOL_RPC, list(SOL));
        SolRpcCondition c = (SolRpcCondition) set.items().get(0);
        assertEquals(Optional.of(List.of("a")), c.pdaParams());
        assertEquals(8, c.pdaInterface().offset());
        assertEquals("[{\"method\":\"getAccountInfo\",\"params\":[\":userAddress\"],\"pdaParams\":[\"a\"],"
                + "\"pdaInterface\":{\"offset\":8,\"fields\":{\"2\":[0.5,1e+21],\"b\":1}},\"pdaKey\":\"k\",\"chain\":"
                + "\"solanaDevnet\",\"returnValueTest\":{\"key\":\"b\",\"comparator\":\"=\",\"value\":"
                + "\":userAddress\"}}]", set.canonicalJson());
    }

    @Test
    void parse_badPdaInterface_refusedNamingTheField() {
        assertEquals("solRpcConditions[0].pdaInterface.offset must not be negative",
                message(ConditionKind.SOL_RPC, listWith(SOL, "\"offset\":8", "\"offset\":-1")));
        assertEquals("solRpcConditions[0].pdaInterface field 'offset' must be an integer",
                message(ConditionKind.SOL_RPC, listWith(SOL, "\"offset\":8", "\"offset\":1.5")));
        assertEquals("solRpcConditions[0].pdaInterface field 'fields' must be an object",
                message(ConditionKind.SOL_RPC, listWith(SOL, "{\"b\":1,\"2\":[0.5,1e21]}", "[]")));
        assertEquals("solRpcConditions[0].pdaParams[0] must be a string",
                message(ConditionKind.SOL_RPC, listWith(SOL, "[\"a\"]", "[1]")));
        assertEquals("solRpcConditions[0] is missing the field 'pdaKey'",
                message(ConditionKind.SOL_RPC, listWith(SOL, "\"pdaKey\":\"k\",", "")));
    }

    @Test
    void parse_evmChain_refused() {
        assertEquals("solRpcConditions[0].chain 'ethereum' is not a known Solana chain",
                message(ConditionKind.SOL_RPC, listWith(SOL, "solanaDevnet", "ethereum")));
    }
}
