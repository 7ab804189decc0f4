package io.litj.threshold.testing;

import io.litj.protocol.json.JsonValue;
import io.litj.protocol.testing.Vectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Walks every case of a golden-vector file (style rule R17): each case's check adds one line per problem; a case
 * listed in the known deviations must fail and any other must pass. Returns one line per failing case (id, comment,
 * problems), so a test reports all of them at once.
 */
public final class VectorRunner {
    /** Checks one case, adding a line to {@code problems} for each thing that differs. */
    @FunctionalInterface
    public interface Check {
        void check(JsonValue.JsonObject vectorCase, List<String> problems);
    }

    private VectorRunner() {
    }

    public static List<String> failures(List<JsonValue> cases, Map<String, String> knownDeviations, Check check) {
        List<String> failures = new ArrayList<>();
        for (JsonValue v : cases) {
            JsonValue.JsonObject c = (JsonValue.JsonObject) v;
            String id = Vectors.str(c, "id");
            List<String> problems = new ArrayList<>();
            try {
                check.check(c, problems);
            } catch (RuntimeException e) {
                problems.add("threw " + e);
            }
            boolean known = knownDeviations.containsKey(id);
            if (!problems.isEmpty() && !known) {
                failures.add(id + " (" + Vectors.str(c, "comment") + "): " + String.join("; ", problems));
            } else if (problems.isEmpty() && known) {
                failures.add(id + " is listed as a known deviation but passes");
            }
        }
        return failures;
    }
}
