package io.litj.protocol.acc;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.json.JsonValue;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A Solana RPC condition ({@code solRpcConditions}, or {@code conditionType: "solRpc"}): the RPC {@code method}
 * with {@code params} on a Solana chain, optionally read through a program-derived account ({@code pdaParams},
 * {@code pdaInterface}, {@code pdaKey}), compared by {@code returnValueTest}. Immutable.
 *
 * <p>Canonical form (JS SDK {@code canonicalSolRpcConditionFormatter}): with {@code pdaParams}, or always inside a
 * unified set, the v2 shape {@code {method, params, pdaParams, pdaInterface{offset, fields}, pdaKey, chain,
 * returnValueTest{key, comparator, value}}} ({@code pdaParams} left out when absent); otherwise the v1 shape
 * {@code {method, params, chain, returnValueTest}}.
 */
public record SolRpcCondition(String method, List<String> params, Optional<List<String>> pdaParams,
        PdaInterface pdaInterface, String pdaKey, String chain, KeyedReturnValueTest returnValueTest)
        implements Condition {
    private static final Set<String> FIELDS = Set.of("conditionType", "method", "params", "pdaParams",
            "pdaInterface", "pdaKey", "chain", "returnValueTest");

    /** @throws io.litj.protocol.LitProtocolException {@code InvalidArgument} for a chain outside the schema */
    public SolRpcCondition {
        Objects.requireNonNull(method, "method");
        params = List.copyOf(Objects.requireNonNull(params, "params"));
        pdaParams = Objects.requireNonNull(pdaParams, "pdaParams").map(List::copyOf);
        Objects.requireNonNull(pdaInterface, "pdaInterface");
        Objects.requireNonNull(pdaKey, "pdaKey");
        KnownNames.require(KnownNames.SOLANA_CHAINS, Objects.requireNonNull(chain, "chain"), "Solana chain");
        Objects.requireNonNull(returnValueTest, "returnValueTest");
    }

    /**
     * Where in an account's data the compared value sits: a byte {@code offset} and a {@code fields} object
     * (field name → size or layout), kept as given.
     */
    public record PdaInterface(long offset, JsonValue.JsonObject fields) {
        private static final Set<String> FIELDS = Set.of("offset", "fields");
        private static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

        public PdaInterface {
            if (offset < 0 || offset > MAX_SAFE_INTEGER) {
                throw new LitProtocolException(LitErrorCode.InvalidArgument,
                        "pdaInterface.offset must lie in [0, 2^53 - 1] but is " + offset);
            }
            Objects.requireNonNull(fields, "fields");
        }

        static PdaInterface read(ConditionFields parent) {
            ConditionFields f = parent.nested("pdaInterface", FIELDS);
            return new PdaInterface(f.nonNegativeInteger("offset"), f.object("fields"));
        }

        JsonValue.JsonObject canonical() {
            return JsonValue.object().put("offset", new JsonValue.JsonNumber(offset)).put("fields", fields).build();
        }
    }

    static SolRpcCondition read(JsonValue value, String path, ConditionKind in) {
        ConditionFields f = ConditionFields.condition(value, path, FIELDS, in, ConditionKind.SOL_RPC);
        String method = f.string("method");
        List<String> params = f.strings("params");
        Optional<List<String>> pdaParams = f.has("pdaParams") ? Optional.of(f.strings("pdaParams"))
                : Optional.empty();
        return new SolRpcCondition(method, params, pdaParams, PdaInterface.read(f), f.string("pdaKey"),
                f.oneOf("chain", KnownNames.SOLANA_CHAINS, "Solana chain"), KeyedReturnValueTest.read(f));
    }

    @Override
    public ConditionKind kind() {
        return ConditionKind.SOL_RPC;
    }

    @Override
    public JsonValue.JsonObject canonical(boolean inUnifiedSet) {
        JsonValue.ObjectBuilder b = JsonValue.object().put("method", method).put("params", Canonical.strings(params));
        if (inUnifiedSet || pdaParams.isPresent()) {
            pdaParams.ifPresent(p -> b.put("pdaParams", Canonical.strings(p)));
            b.put("pdaInterface", pdaInterface.canonical()).put("pdaKey", pdaKey);
        }
        return b.put("chain", chain).put("returnValueTest", returnValueTest.canonical()).build();
    }
}
