package io.litj.protocol.acc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.impl.Constraint;

/**
 * Model-based property of the structure rules: random well-formed trees of unified conditions (leaves from the
 * interop cases, groups up to 13 deep, operators or implicit AND between operands, up to 45 conditions) are accepted
 * exactly when they hold at most 30 conditions and nest at most 10 deep; an accepted tree keeps its conditions in
 * order and its canonical JSON is the tree with every leaf replaced by that leaf's canonical object.
 */
class ConditionSetStructurePropertyTest {
    private static final long SEED = 30_10_2026L;
    private static final int EXAMPLES = 2_000;

    /** A generated list, with what the model expects of it. */
    private record Tree(JsonValue.JsonArray raw, String canonical, int conditions, int depth) {
        @Override
        public String toString() {
            return conditions + " conditions, depth " + depth + ": " + JsJson.stringify(raw);
        }
    }

    private static final List<JsonValue> LEAVES = leaves();

    private static List<JsonValue> leaves() {
        List<JsonValue> out = new ArrayList<>();
        for (AccCases.Case c : AccCases.all()) {
            if (c.kind() == ConditionKind.UNIFIED) {
                for (JsonValue item : ((JsonValue.JsonArray) c.conditions()).items()) {
                    if (item instanceof JsonValue.JsonObject o && !o.members().containsKey("operator")) {
                        out.add(o);
                    }
                }
            }
        }
        return out;
    }

    /**
     * A random list at nesting {@code level} holding {@code count} conditions: a chain of groups reaches
     * {@code depth} exactly, other conditions sit at this level or in one-level groups, in random order, with an
     * operator or nothing (implicit AND) between operands. Each entry is (raw, canonical).
     */
    private static List<JsonValue[]> entries(SplittableRandom r, int level, int count, int depth) {
        List<JsonValue[]> operands = new ArrayList<>();
        int remaining = count;
        if (level < depth) {
            int k = 1 + r.nextInt(remaining);
            operands.add(group(entries(r, level + 1, k, depth)));
            remaining -= k;
        }
        while (remaining > 0) {
            if (level < depth && remaining >= 2 && r.nextInt(4) == 0) {
                int k = 1 + r.nextInt(remaining);
                operands.add(group(entries(r, level + 1, k, level + 1)));
                remaining -= k;
            } else {
                JsonValue leaf = LEAVES.get(r.nextInt(LEAVES.size()));
                operands.add(new JsonValue[] {leaf, ConditionSet.fromJson(ConditionKind.UNIFIED,
                        new JsonValue.JsonArray(List.of(leaf))).canonicalArray().items().get(0)});
                remaining--;
            }
        }
        Collections.shuffle(operands, new Random(r.nextLong()));
        List<JsonValue[]> out = new ArrayList<>();
        for (JsonValue[] operand : operands) {
            if (!out.isEmpty() && r.nextInt(4) != 0) {
                JsonValue op = JsonValue.object().put("operator", r.nextBoolean() ? "and" : "or").build();
                out.add(new JsonValue[] {op, op});
            }
            out.add(operand);
        }
        return out;
    }

    private static JsonValue[] group(List<JsonValue[]> items) {
        return new JsonValue[] {new JsonValue.JsonArray(items.stream().map(p -> p[0]).toList()),
            new JsonValue.JsonArray(items.stream().map(p -> p[1]).toList())};
    }

    private static Gen<Tree> trees() {
        return in -> {
            SplittableRandom r = new SplittableRandom(in.next(Constraint.between(0, 1L << 48)));
            int conditions = 1 + r.nextInt(45);
            int depth = 1 + r.nextInt(13);
            JsonValue[] top = group(entries(r, 1, conditions, depth));
            return new Tree((JsonValue.JsonArray) top[0], JsJson.stringify(top[1]), conditions, depth);
        };
    }

    @Test
    void parse_randomWellFormedTrees_acceptedExactlyWithinTheLimits() {
        System.out.println("ConditionSetStructurePropertyTest seed " + SEED + ", " + EXAMPLES + " examples");
        int[] seen = new int[3];
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(trees()).checkAssert(t -> {
            boolean tooMany = t.conditions() > ConditionSet.MAX_CONDITIONS;
            boolean tooDeep = t.depth() > ConditionSet.MAX_DEPTH;
            if (!tooMany && !tooDeep) {
                ConditionSet set = ConditionSet.fromJson(ConditionKind.UNIFIED, t.raw());
                assertEquals(t.conditions(), set.conditions().size(), t::toString);
                assertEquals(t.canonical(), set.canonicalJson(), t::toString);
                seen[0]++;
                return;
            }
            LitErrorCode code = assertThrows(LitProtocolException.class,
                    () -> ConditionSet.fromJson(ConditionKind.UNIFIED, t.raw()), t::toString).code();
            Set<LitErrorCode> allowed = tooMany && tooDeep
                    ? Set.of(LitErrorCode.NodeTooManyConditions, LitErrorCode.NodeParserError)
                    : Set.of(tooMany ? LitErrorCode.NodeTooManyConditions : LitErrorCode.NodeParserError);
            assertTrue(allowed.contains(code), code + " for " + t);
            seen[tooMany ? 1 : 2]++;
        });
        System.out.println("accepted " + seen[0] + ", too many " + seen[1] + ", too deep " + seen[2]);
        assertTrue(seen[0] > 100 && seen[1] > 20 && seen[2] > 20, "unbalanced generator: accepted " + seen[0]
                + ", too many " + seen[1] + ", too deep " + seen[2]);
    }
}
