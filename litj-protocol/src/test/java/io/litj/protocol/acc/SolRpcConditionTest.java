package io.litj.protocol.acc;

import static io.litj.protocol.acc.ConditionSetTest.list;
import static io.litj.protocol.acc.ConditionSetTest.assertRefusals;
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
        assertRefusals(ConditionKind.SOL_RPC, SOL,
                "\"offset\":8", "\"offset\":-1", "solRpcConditions[0].pdaInterface.offset must not be negative",
                "\"offset\":8", "\"offset\":1.5", "solRpcConditions[0].pdaInterface field 'offset' must be an integer",
                "{\"b\":1,\"2\":[0.5,1e21]}", "[]", "solRpcConditions[0].pdaInterface field 'fields' must be an object",
                "[\"a\"]", "[1]", "solRpcConditions[0].pdaParams[0] must be a string",
                "\"pdaKey\":\"k\",", "", "solRpcConditions[0] is missing the field 'pdaKey'");
    }

    @Test
    void parse_evmChain_refused() {
        assertRefusals(ConditionKind.SOL_RPC, SOL, "solanaDevnet", "ethereum",
                "solRpcConditions[0].chain 'ethereum' is not a known Solana chain");
    }
}
