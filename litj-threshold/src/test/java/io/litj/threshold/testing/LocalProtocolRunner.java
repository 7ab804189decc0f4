package io.litj.threshold.testing;

import io.litj.threshold.ThresholdException;
import io.litj.threshold.ecdsa.ProtocolMessage;
import io.litj.threshold.ecdsa.RoundProtocol;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Runs one {@link RoundProtocol} per party in memory over a perfect network: every message reaches its recipients
 * (a broadcast every other party) in the order sent. An optional tamper hook may rewrite any message in flight, so
 * tests can play a cheating sender. Bounded: at most {@link #MAX_DELIVERIES} deliveries.
 */
public final class LocalProtocolRunner {
    /** A cap on deliveries, so a protocol that never finishes fails the test instead of hanging it. */
    public static final int MAX_DELIVERIES = 1_000_000;

    /** What came out: the outputs of the parties that finished and the failures of those that threw. */
    public record Outcome<T>(Map<Integer, T> outputs, Map<Integer, ThresholdException> failures) {
    }

    private LocalProtocolRunner() {
    }

    /** Runs the parties (by share index) to the end with no tampering. */
    public static <T> Outcome<T> run(Map<Integer, ? extends RoundProtocol<T>> parties) {
        return run(parties, UnaryOperator.identity());
    }

    /**
     * Runs the parties to the end; {@code tamper} sees every message before delivery and returns what is delivered
     * (the same message, or a changed one). A party that throws stops taking part; the others go on.
     */
    public static <T> Outcome<T> run(Map<Integer, ? extends RoundProtocol<T>> parties,
            UnaryOperator<ProtocolMessage> tamper) {
        Map<Integer, ThresholdException> failures = new TreeMap<>();
        Deque<ProtocolMessage> inFlight = new ArrayDeque<>();
        for (Map.Entry<Integer, ? extends RoundProtocol<T>> e : parties.entrySet()) {
            try {
                inFlight.addAll(e.getValue().start());
            } catch (ThresholdException ex) {
                failures.put(e.getKey(), ex);
            }
        }
        int deliveries = 0;
        while (!inFlight.isEmpty()) {
            ProtocolMessage m = tamper.apply(inFlight.poll());
            for (Integer to : recipients(m, parties.keySet())) {
                if (failures.containsKey(to)) {
                    continue;
                }
                if (++deliveries > MAX_DELIVERIES) {
                    throw new IllegalStateException("protocol did not finish within " + MAX_DELIVERIES
                            + " deliveries");
                }
                try {
                    inFlight.addAll(parties.get(to).receive(m.from(), m.payload()));
                } catch (ThresholdException ex) {
                    failures.put(to, ex);
                }
            }
        }
        Map<Integer, T> outputs = new LinkedHashMap<>();
        parties.forEach((i, p) -> {
            if (!failures.containsKey(i)) {
                p.output().ifPresent(o -> outputs.put(i, o));
            }
        });
        return new Outcome<>(outputs, failures);
    }

    /** Runs the parties and returns every output, failing if any party threw or did not finish. */
    public static <T> Map<Integer, T> runOrThrow(Map<Integer, ? extends RoundProtocol<T>> parties) {
        Outcome<T> outcome = run(parties);
        if (!outcome.failures().isEmpty()) {
            throw outcome.failures().values().iterator().next();
        }
        if (outcome.outputs().size() != parties.size()) {
            throw new IllegalStateException("only parties " + outcome.outputs().keySet() + " of "
                    + parties.keySet() + " finished");
        }
        return outcome.outputs();
    }

    private static List<Integer> recipients(ProtocolMessage m, java.util.Set<Integer> all) {
        if (!m.isBroadcast()) {
            return all.contains(m.to()) ? List.of(m.to()) : List.of();
        }
        return all.stream().filter(i -> i != m.from()).toList();
    }
}
