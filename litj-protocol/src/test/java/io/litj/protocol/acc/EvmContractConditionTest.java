package io.litj.protocol.acc;

import static io.litj.protocol.acc.ConditionSetTest.list;
import static io.litj.protocol.acc.ConditionSetTest.listWith;
import static io.litj.protocol.acc.ConditionSetTest.assertRefusals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link EvmContractCondition}: reading, the canonical ABI, refusals naming the field. */
class EvmContractConditionTest {
    static final String CONTRACT = "{\"contractAddress\":\"0xA0\",\"functionName\":\"balanceOf\",\"functionParams\":"
            + "[\":userAddress\"],\"functionAbi\":{\"type\":\"function\",\"name\":\"balanceOf\",\"stateMutability\":"
            + "\"view\",\"inputs\":[{\"internalType\":\"address\",\"name\":\"a\",\"type\":\"address\"}],\"outputs\":"
            + "[{\"name\":\"\",\"type\":\"uint256\"}]},\"chain\":\"ethereum\",\"returnValueTest\":{\"key\":\"\","
            + "\"comparator\":\">\",\"value\":\"0\"}}";

    @Test
    void parse_abiTypeAndInternalTypeDropped_constantDefaultsToFalse() {
        ConditionSet set = ConditionSet.parse(ConditionKind.EVM_CONTRACT, list(CONTRACT));
        EvmContractCondition c = (EvmContractCondition) set.items().get(0);
        assertEquals(new EvmContractCondition.FunctionAbi("balanceOf",
                List.of(new EvmContractCondition.AbiParam("a", "address")),
                List.of(new EvmContractCondition.AbiParam("", "uint256")), false, "view"), c.functionAbi());
        assertEquals("[{\"contractAddress\":\"0xA0\",\"functionName\":\"balanceOf\",\"functionParams\":"
                + "[\":userAddress\"],\"functionAbi\":{\"name\":\"balanceOf\",\"inputs\":[{\"name\":\"a\",\"type\":"
                + "\"address\"}],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\"}],\"constant\":false,"
                + "\"stateMutability\":\"view\"},\"chain\":\"ethereum\",\"returnValueTest\":{\"key\":\"\","
                + "\"comparator\":\">\",\"value\":\"0\"}}]", set.canonicalJson());
    }

    @Test
    void parse_constantTrue_kept() {
        ConditionSet set = ConditionSet.parse(ConditionKind.EVM_CONTRACT,
                listWith(CONTRACT, "\"stateMutability\"",
                "\"constant\":true,\"stateMutability\""));
        assertEquals(true, ((EvmContractCondition) set.items().get(0)).functionAbi().constant());
    }

    @Test
    void parse_malformedAbi_refusedNamingTheField() {
        assertRefusals(ConditionKind.EVM_CONTRACT, CONTRACT,
                "\"stateMutability\":\"view\",", "",
                "evmContractConditions[0].functionAbi is missing the field 'stateMutability'",
                "\"stateMutability\"", "\"constant\":1,\"stateMutability\"",
                "evmContractConditions[0].functionAbi.constant must be true or false",
                ",\"type\":\"address\"", "",
                "evmContractConditions[0].functionAbi.inputs[0] is missing the field 'type'",
                "{\"name\":\"\",\"type\":\"uint256\"}", "{\"name\":\"\",\"type\":\"uint256\",\"components\":[]}",
                "evmContractConditions[0].functionAbi.outputs[0] has an unknown field 'components'",
                "[{\"internalType\":\"address\",\"name\":\"a\",\"type\":\"address\"}]", "[\"address\"]",
                "evmContractConditions[0].functionAbi.inputs[0] must be an object");
    }

    @Test
    void parse_returnValueTestWithoutKey_refused() {
        assertRefusals(ConditionKind.EVM_CONTRACT, CONTRACT, "\"key\":\"\",", "",
                "evmContractConditions[0].returnValueTest is missing the field 'key'");
    }
}
