package io.litj.node.acc;

import io.litj.node.LitNodeException;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.Text;
import io.litj.protocol.acc.EvmContractCondition;
import io.litj.protocol.chain.AbiFunction;
import io.litj.protocol.chain.AbiType;
import io.litj.protocol.chain.AbiValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what an EVM contract condition tests: an {@code eth_call} of the view function its {@code functionAbi}
 * describes, with {@code functionParams} (special parameters replaced), and the output named by
 * {@code returnValueTest.key} (an empty key: the only output, or the first). Types the protocol module's codec does
 * not know (signed integers, fixed arrays) are {@code NodeConditionNotSupported}.
 */
final class ContractConditionCheck {
    private ContractConditionCheck() {
    }

    static Observed read(EvmContractCondition c, EvaluationContext context, ChainRpc rpc) {
        EvmContractCondition.FunctionAbi abi = c.functionAbi();
        AbiFunction function = new AbiFunction(c.functionName(), types(abi.inputs()), types(abi.outputs()));
        if (c.functionParams().size() != abi.inputs().size()) {
            throw new LitNodeException(LitErrorCode.NodeBadInput, "functionAbi " + Text.cut(c.functionName())
                    + " takes " + abi.inputs().size() + " inputs but functionParams has "
                    + c.functionParams().size());
        }
        if (abi.outputs().isEmpty()) {
            throw new LitNodeException(LitErrorCode.NodeBadInput, "functionAbi " + Text.cut(c.functionName())
                    + " has no outputs to test");
        }
        int output = outputIndex(abi, c.returnValueTest().key());
        List<String> params = new ArrayList<>();
        c.functionParams().forEach(p -> params.add(SpecialParams.substitute(p, context)));
        List<AbiValue> out = ContractCall.call(rpc, c.chain(), c.contractAddress(), function,
                ContractCall.arguments(function.inputs(), params));
        return ContractCall.observed(out.get(output));
    }

    private static int outputIndex(EvmContractCondition.FunctionAbi abi, String key) {
        if (key.isEmpty()) {
            return 0;
        }
        for (int i = 0; i < abi.outputs().size(); i++) {
            if (abi.outputs().get(i).name().equals(key)) {
                return i;
            }
        }
        throw new LitNodeException(LitErrorCode.NodeBadInput, "returnValueTest.key '" + Text.cut(key)
                + "' names no output of " + Text.cut(abi.name()));
    }

    private static List<AbiType> types(List<EvmContractCondition.AbiParam> params) {
        List<AbiType> out = new ArrayList<>(params.size());
        for (EvmContractCondition.AbiParam p : params) {
            try {
                out.add(AbiType.parse(p.type()));
            } catch (LitProtocolException e) {
                throw new LitNodeException(LitErrorCode.NodeConditionNotSupported, "ABI type '" + Text.cut(p.type())
                        + "' is not supported: " + e.getMessage());
            }
        }
        return out;
    }
}
