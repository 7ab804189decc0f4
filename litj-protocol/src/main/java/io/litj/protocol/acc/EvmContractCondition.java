package io.litj.protocol.acc;

import io.litj.protocol.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An EVM contract condition ({@code evmContractConditions}, or {@code conditionType: "evmContract"}): the view
 * function {@code functionName} of {@code contractAddress}, described by {@code functionAbi}, called with
 * {@code functionParams}; the output named by the test's {@code key} is compared. Immutable.
 *
 * <p>Canonical form (JS SDK {@code canonicalEVMContractConditionFormatter}): {@code {contractAddress,
 * functionName, functionParams, functionAbi{name, inputs[{name,type}], outputs[{name,type}], constant,
 * stateMutability}, chain, returnValueTest{key, comparator, value}}}; the ABI's {@code type} and
 * {@code internalType} are dropped and a missing {@code constant} is written {@code false}.
 */
public record EvmContractCondition(String contractAddress, String functionName, List<String> functionParams,
        FunctionAbi functionAbi, String chain, KeyedReturnValueTest returnValueTest) implements Condition {
    private static final Set<String> FIELDS = Set.of("conditionType", "contractAddress", "functionName",
            "functionParams", "functionAbi", "chain", "returnValueTest");

    /** @throws io.litj.protocol.LitProtocolException {@code InvalidArgument} for a chain outside the schema */
    public EvmContractCondition {
        Objects.requireNonNull(contractAddress, "contractAddress");
        Objects.requireNonNull(functionName, "functionName");
        functionParams = List.copyOf(Objects.requireNonNull(functionParams, "functionParams"));
        Objects.requireNonNull(functionAbi, "functionAbi");
        KnownNames.require(KnownNames.EVM_CHAINS, Objects.requireNonNull(chain, "chain"), "EVM chain");
        Objects.requireNonNull(returnValueTest, "returnValueTest");
    }

    /** One input or output of {@link FunctionAbi}: its name (may be empty) and Solidity type. */
    public record AbiParam(String name, String type) {
        private static final Set<String> FIELDS = Set.of("name", "type", "internalType");

        public AbiParam {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
        }

        static AbiParam read(ConditionFields f) {
            if (f.has("internalType")) {
                f.string("internalType");
            }
            return new AbiParam(f.string("name"), f.string("type"));
        }

        JsonValue.JsonObject canonical() {
            return JsonValue.object().put("name", name).put("type", type).build();
        }
    }

    /** The ABI entry of the called function, as far as it is hashed. */
    public record FunctionAbi(String name, List<AbiParam> inputs, List<AbiParam> outputs, boolean constant,
            String stateMutability) {
        private static final Set<String> FIELDS = Set.of("name", "type", "stateMutability", "constant", "inputs",
                "outputs");

        public FunctionAbi {
            Objects.requireNonNull(name, "name");
            inputs = List.copyOf(Objects.requireNonNull(inputs, "inputs"));
            outputs = List.copyOf(Objects.requireNonNull(outputs, "outputs"));
            Objects.requireNonNull(stateMutability, "stateMutability");
        }

        static FunctionAbi read(ConditionFields parent) {
            ConditionFields f = parent.nested("functionAbi", FIELDS);
            if (f.has("type")) {
                f.string("type");
            }
            boolean constant = f.has("constant") && f.bool("constant");
            return new FunctionAbi(f.string("name"), f.objects("inputs", AbiParam.FIELDS, AbiParam::read),
                    f.objects("outputs", AbiParam.FIELDS, AbiParam::read), constant, f.string("stateMutability"));
        }

        JsonValue.JsonObject canonical() {
            return JsonValue.object().put("name", name).put("inputs", params(inputs))
                    .put("outputs", params(outputs)).put("constant", new JsonValue.JsonBoolean(constant))
                    .put("stateMutability", stateMutability).build();
        }

        private static JsonValue.JsonArray params(List<AbiParam> params) {
            List<JsonValue> out = new ArrayList<>(params.size());
            for (AbiParam p : params) {
                out.add(p.canonical());
            }
            return new JsonValue.JsonArray(out);
        }
    }

    static EvmContractCondition read(JsonValue value, String path, ConditionKind in) {
        ConditionFields f = ConditionFields.condition(value, path, FIELDS, in, ConditionKind.EVM_CONTRACT);
        return new EvmContractCondition(f.string("contractAddress"), f.string("functionName"),
                f.strings("functionParams"), FunctionAbi.read(f), f.oneOf("chain", KnownNames.EVM_CHAINS,
                        "EVM chain"), KeyedReturnValueTest.read(f));
    }

    @Override
    public ConditionKind kind() {
        return ConditionKind.EVM_CONTRACT;
    }

    @Override
    public JsonValue.JsonObject canonical(boolean inUnifiedSet) {
        return JsonValue.object().put("contractAddress", contractAddress).put("functionName", functionName)
                .put("functionParams", Canonical.strings(functionParams)).put("functionAbi", functionAbi.canonical())
                .put("chain", chain).put("returnValueTest", returnValueTest.canonical()).build();
    }
}
