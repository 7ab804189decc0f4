package io.litj.protocol.acc;

import io.litj.protocol.json.JsonValue;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A basic EVM condition ({@code accessControlConditions}, or {@code conditionType: "evmBasic"} in a unified set):
 * a standard contract call or RPC method on {@code chain} with {@code parameters} (which may hold
 * {@code :userAddress}, {@code :litParam:<name>}, {@code :currentActionIpfsId}), whose result is compared by
 * {@code returnValueTest}. Immutable.
 *
 * <p>Canonical form (JS SDK {@code canonicalAccessControlConditionFormatter}, node struct order):
 * {@code {contractAddress, chain, standardContractType, method, parameters, returnValueTest{comparator, value}}}.
 */
public record AccessControlCondition(String contractAddress, String chain, String standardContractType,
        String method, List<String> parameters, ReturnValueTest returnValueTest) implements Condition {
    private static final Set<String> FIELDS = Set.of("conditionType", "contractAddress", "chain",
            "standardContractType", "method", "parameters", "returnValueTest");

    /**
     * @throws io.litj.protocol.LitProtocolException {@code InvalidArgument} for a chain or standard contract type
     *     outside the JS SDK's schema
     */
    public AccessControlCondition {
        Objects.requireNonNull(contractAddress, "contractAddress");
        KnownNames.require(KnownNames.EVM_CHAINS, Objects.requireNonNull(chain, "chain"), "EVM chain");
        KnownNames.require(KnownNames.STANDARD_CONTRACT_TYPES,
                Objects.requireNonNull(standardContractType, "standardContractType"), "standardContractType");
        Objects.requireNonNull(method, "method");
        parameters = List.copyOf(Objects.requireNonNull(parameters, "parameters"));
        Objects.requireNonNull(returnValueTest, "returnValueTest");
    }

    /** Reads one condition object found at {@code path}; {@code NodeParserError} naming the field if malformed. */
    static AccessControlCondition read(JsonValue value, String path, ConditionKind in) {
        ConditionFields f = ConditionFields.condition(value, path, FIELDS, in, ConditionKind.BASIC);
        return new AccessControlCondition(f.string("contractAddress"),
                f.oneOf("chain", KnownNames.EVM_CHAINS, "EVM chain"), f.oneOf("standardContractType",
                        KnownNames.STANDARD_CONTRACT_TYPES, "standardContractType"),
                f.string("method"), f.strings("parameters"), ReturnValueTest.read(f));
    }

    @Override
    public ConditionKind kind() {
        return ConditionKind.BASIC;
    }

    @Override
    public JsonValue.JsonObject canonical(boolean inUnifiedSet) {
        return JsonValue.object().put("contractAddress", contractAddress).put("chain", chain)
                .put("standardContractType", standardContractType).put("method", method)
                .put("parameters", Canonical.strings(parameters))
                .put("returnValueTest", returnValueTest.canonical()).build();
    }
}
