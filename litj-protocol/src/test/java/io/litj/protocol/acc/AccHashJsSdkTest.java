package io.litj.protocol.acc;

import static io.litj.protocol.testing.JsonAccess.bool;
import static io.litj.protocol.testing.JsonAccess.object;
import static io.litj.protocol.testing.JsonAccess.string;
import static io.litj.protocol.testing.JsonAccess.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.testing.InteropRuns;
import io.litj.protocol.testing.NodeJs;
import io.litj.protocol.testing.RunOnce;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@link ConditionSet}'s canonical JSON and hash against the real Lit JS SDK 7.4.0: {@code interop/acc-hash.mjs}
 * runs the SDK's canonical formatters, hash functions and schema validation over the condition sets of
 * {@code vectors/litj/acc-condition-sets.json} (given raw, as a user would), and lists the installed schemas' name
 * lists. The script runs once per class, without any network.
 *
 * <p>Every test lists all differences of all cases in one failure. Skipped without Node.js unless {@code CI} is
 * set (see {@link NodeJs}).
 */
class AccHashJsSdkTest {
    private static final String SCRIPT = "acc-hash.mjs";
    private static final int MIN_CASES = 30;

    private static final RunOnce<JsonValue.JsonObject> DOCUMENT = new RunOnce<>(() -> JsonReader.parseObject(
            NodeJs.runScriptWithStdin(SCRIPT, NodeJs.asciiJson(input())), LitErrorCode.NodeParserError,
            SCRIPT + " output"));

    private static JsonValue input() {
        List<JsonValue> cases = new ArrayList<>();
        for (AccCases.Case c : AccCases.all()) {
            cases.add(JsonValue.object().put("id", c.id()).put("field", c.kind().field())
                    .put("conditions", c.conditions()).build());
        }
        return JsonValue.object().put("cases", new JsonValue.JsonArray(cases)).build();
    }

    private static JsonValue.JsonObject result(String id, List<String> failures) {
        return InteropRuns.caseResult(DOCUMENT.get(), "cases", id, failures);
    }

    @Test
    void theScriptUsedThePinnedSdk_withoutNetwork() {
        JsonValue.JsonObject document = DOCUMENT.get();
        InteropRuns.assertPinnedLoopbackOnlyAndInTime(document);
        JsonValue.JsonObject versions = object(document, "versions");
        assertEquals(InteropRuns.SDK_VERSION, string(versions, "@lit-protocol/access-control-conditions"));
        assertEquals("0.0.36", string(versions, "@lit-protocol/accs-schemas"));
    }

    @Test
    void everyCase_canonicalJsonAndHash_byteIdenticalToTheSdk() {
        List<String> failures = new ArrayList<>();
        int compared = 0;
        for (AccCases.Case c : AccCases.all()) {
            JsonValue.JsonObject r = result(c.id(), failures);
            if (r == null) {
                continue;
            }
            try {
                ConditionSet ours = ConditionSet.fromJson(c.kind(), c.conditions());
                if (!ours.canonicalJson().equals(string(r, "canonicalJson"))) {
                    failures.add(c.id() + ": canonical JSON\n    litj " + ours.canonicalJson() + "\n    sdk  "
                            + string(r, "canonicalJson"));
                }
                if (!ours.hashHex().equals(string(r, "hash"))) {
                    failures.add(c.id() + ": hash litj " + ours.hashHex() + " sdk " + string(r, "hash"));
                }
                compared++;
            } catch (RuntimeException e) {
                failures.add(c.id() + ": litj refused it: " + e);
            }
        }
        InteropRuns.assertNoDifferences(failures, AccCases.all().size());
        assertTrue(compared >= MIN_CASES, "only " + compared + " condition sets compared (at least " + MIN_CASES
                + " expected)");
    }

    @Test
    void everyCase_sdkSchemaAcceptsIt_exactlyWhenItUsesOnlyTheSchemaComparators() {
        List<String> failures = new ArrayList<>();
        for (AccCases.Case c : AccCases.all()) {
            JsonValue.JsonObject r = result(c.id(), failures);
            if (r != null) {
                boolean ours = ConditionSet.fromJson(c.kind(), c.conditions()).conditions().stream()
                        .allMatch(AccHashJsSdkTest::schemaComparator);
                if (ours != bool(r, "schemaValid")) {
                    failures.add(c.id() + ": litj expects schemaValid " + ours + " but the SDK says "
                            + JsJson.stringify(r));
                }
            }
        }
        InteropRuns.assertNoDifferences(failures, AccCases.all().size());
    }

    private static boolean schemaComparator(Condition c) {
        return switch (c) {
            case AccessControlCondition b -> b.returnValueTest().comparator().inJsSdkSchema();
            case EvmContractCondition e -> e.returnValueTest().comparator().inJsSdkSchema();
            case SolRpcCondition s -> s.returnValueTest().comparator().inJsSdkSchema();
        };
    }

    @Test
    void knownNames_equalTheInstalledSchemas() {
        JsonValue.JsonObject schemas = object(DOCUMENT.get(), "schemas");
        assertEquals(new TreeSet<>(KnownNames.EVM_CHAINS), new TreeSet<>(strings(schemas, "evmBasicChains")));
        assertEquals(new TreeSet<>(KnownNames.EVM_CHAINS), new TreeSet<>(strings(schemas, "evmContractChains")));
        assertEquals(new TreeSet<>(KnownNames.SOLANA_CHAINS), new TreeSet<>(strings(schemas, "solanaChains")));
        assertEquals(new TreeSet<>(KnownNames.STANDARD_CONTRACT_TYPES),
                new TreeSet<>(strings(schemas, "standardContractTypes")));
        Set<String> schemaComparators = new TreeSet<>();
        for (ValueComparator v : ValueComparator.values()) {
            if (v.inJsSdkSchema()) {
                schemaComparators.add(v.value());
            }
        }
        assertEquals(schemaComparators, new TreeSet<>(strings(schemas, "comparators")));
    }
}
