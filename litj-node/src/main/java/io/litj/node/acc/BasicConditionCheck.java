package io.litj.node.acc;

import io.litj.node.LitNodeException;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.Text;
import io.litj.protocol.acc.AccessControlCondition;
import io.litj.protocol.chain.AbiFunction;
import io.litj.protocol.chain.AbiType;
import io.litj.protocol.chain.AbiValue;
import io.litj.protocol.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what a basic EVM condition tests ({@code lit-node-behaviour.md} §6.3):
 * <ul>
 *   <li>empty {@code standardContractType} and {@code method}: the first parameter itself (an address equality,
 *   e.g. {@code :userAddress}), no chain call;</li>
 *   <li>{@code method: eth_getBalance}: the balance of the first parameter, in wei;</li>
 *   <li>{@code standardContractType: timestamp}: the latest block's timestamp, in seconds;</li>
 *   <li>{@code ERC20 balanceOf(address)}, {@code ERC721 ownerOf(uint256)} and {@code balanceOf(address)},
 *   {@code ERC1155 balanceOf(address,uint256)}: an {@code eth_call} of the contract.</li>
 * </ul>
 * Anything else (POAP, SIWE, LitAction, other methods) is {@code NodeConditionNotSupported}.
 */
final class BasicConditionCheck {
    private static final AbiFunction ERC20_BALANCE = function("balanceOf", List.of(new AbiType.Address()));
    private static final AbiFunction ERC721_OWNER = new AbiFunction("ownerOf", List.of(new AbiType.Uint(256)),
            List.of(new AbiType.Address()));
    private static final AbiFunction ERC1155_BALANCE = function("balanceOf",
            List.of(new AbiType.Address(), new AbiType.Uint(256)));

    private BasicConditionCheck() {
    }

    /** Whether a call to the chain is needed (all but the address equality). */
    static boolean callsChain(AccessControlCondition c) {
        return !(c.standardContractType().isEmpty() && c.method().isEmpty());
    }

    static Observed read(AccessControlCondition c, EvaluationContext context, ChainRpc rpc) {
        List<String> params = new ArrayList<>();
        c.parameters().forEach(p -> params.add(SpecialParams.substitute(p, context)));
        String type = c.standardContractType();
        String method = c.method();
        if (type.isEmpty() && method.isEmpty()) {
            return Observed.single(param(params, 0, c));
        }
        if (type.isEmpty() && method.equals("eth_getBalance")) {
            String address = ContractCall.address(param(params, 0, c), "eth_getBalance parameter 0").toLowerHex();
            JsonValue balance = rpc.call(c.chain(), "eth_getBalance", List.of(new JsonValue.JsonString(address),
                    new JsonValue.JsonString("latest")));
            return Observed.single(ContractCall.quantity(balance, c.chain(), "eth_getBalance").toString());
        }
        if (type.equals("timestamp")) {
            JsonValue block = rpc.call(c.chain(), "eth_getBlockByNumber", List.of(new JsonValue.JsonString("latest"),
                    new JsonValue.JsonBoolean(false)));
            if (!(block instanceof JsonValue.JsonObject o) || o.get("timestamp").isEmpty()) {
                throw HttpChainRpc.failed(c.chain(), "eth_getBlockByNumber", "the answer holds no block timestamp",
                        null);
            }
            return Observed.single(ContractCall.quantity(o.get("timestamp").get(), c.chain(), "eth_getBlockByNumber")
                    .toString());
        }
        AbiFunction function = switch (type + "." + method) {
            case "ERC20.balanceOf", "ERC721.balanceOf" -> ERC20_BALANCE;
            case "ERC721.ownerOf" -> ERC721_OWNER;
            case "ERC1155.balanceOf" -> ERC1155_BALANCE;
            default -> throw new LitNodeException(LitErrorCode.NodeConditionNotSupported, "this node does not "
                    + "evaluate basic conditions with standardContractType '" + Text.cut(type) + "' and method '"
                    + Text.cut(method) + "'");
        };
        if (params.size() != function.inputs().size()) {
            throw new LitNodeException(LitErrorCode.NodeBadInput, type + " " + method + " takes "
                    + function.inputs().size() + " parameters but the condition has " + params.size());
        }
        List<AbiValue> out = ContractCall.call(rpc, c.chain(), c.contractAddress(), function,
                ContractCall.arguments(function.inputs(), params));
        return ContractCall.observed(out.getFirst());
    }

    private static AbiFunction function(String name, List<AbiType> inputs) {
        return new AbiFunction(name, inputs, List.of(new AbiType.Uint(256)));
    }

    private static String param(List<String> params, int index, AccessControlCondition c) {
        if (params.size() <= index) {
            throw new LitNodeException(LitErrorCode.NodeBadInput, "the condition with method '" + Text.cut(c.method())
                    + "' needs parameter " + index);
        }
        return params.get(index);
    }
}
