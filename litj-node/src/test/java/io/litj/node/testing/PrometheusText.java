package io.litj.node.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scraped Prometheus text page read back for assertions: each sample by metric name and labels. Strict: a line
 * that is neither a comment nor a sample fails the test, so a broken exposition cannot pass unnoticed.
 */
public final class PrometheusText {
    private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");

    private final Map<String, List<Sample>> byName = new LinkedHashMap<>();

    /** One sample: its labels (sorted by name) and value. */
    public record Sample(Map<String, String> labels, double value) {
    }

    private PrometheusText() {
    }

    public static PrometheusText parse(String text) {
        PrometheusText out = new PrometheusText();
        for (String line : text.split("\n")) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher m = SAMPLE.matcher(line);
            if (!m.matches()) {
                throw new AssertionError("not a Prometheus sample line: " + line);
            }
            Map<String, String> labels = new TreeMap<>();
            if (m.group(2) != null) {
                Matcher l = LABEL.matcher(m.group(2));
                int end = 0;
                while (l.find() && l.start() == end) {
                    labels.put(l.group(1), l.group(2));
                    end = l.end();
                }
                if (end != m.group(2).length()) {
                    throw new AssertionError("bad labels in: " + line);
                }
            }
            out.byName.computeIfAbsent(m.group(1), k -> new java.util.ArrayList<>())
                    .add(new Sample(labels, Double.parseDouble(m.group(3))));
        }
        return out;
    }

    /** The value of {@code name} with exactly {@code labels}, or 0 when there is no such sample. */
    public double value(String name, Map<String, String> labels) {
        return byName.getOrDefault(name, List.of()).stream().filter(s -> s.labels().equals(new TreeMap<>(labels)))
                .mapToDouble(Sample::value).findFirst().orElse(0);
    }

    /** The samples of {@code name}. */
    public List<Sample> samples(String name) {
        return byName.getOrDefault(name, List.of());
    }

    /** Every value label {@code label} takes in {@code name}'s samples. */
    public Set<String> labelValues(String name, String label) {
        Set<String> out = new TreeSet<>();
        samples(name).forEach(s -> {
            if (s.labels().containsKey(label)) {
                out.add(s.labels().get(label));
            }
        });
        return out;
    }

    /** Every metric name on the page. */
    public Set<String> names() {
        return byName.keySet();
    }
}
