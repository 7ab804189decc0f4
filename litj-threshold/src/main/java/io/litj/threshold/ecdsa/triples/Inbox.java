package io.litj.threshold.ecdsa.triples;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The decoded messages a party holds, one slot per kind and sender. A slot is filled once ({@link #seen} remembers
 * it after the content is released), so a repeated message is told apart from a new one.
 */
final class Inbox {
    private final Map<Kind, Map<Integer, Object>> slots = new EnumMap<>(Kind.class);
    private final Set<Long> seen = new HashSet<>();

    boolean seen(Kind kind, int from) {
        return seen.contains(key(kind, from));
    }

    void put(Kind kind, int from, Object value) {
        seen.add(key(kind, from));
        slots.computeIfAbsent(kind, k -> new TreeMap<>()).put(from, value);
    }

    boolean has(Kind kind, int from) {
        Map<Integer, Object> m = slots.get(kind);
        return m != null && m.containsKey(from);
    }

    <T> T get(Kind kind, int from, Class<T> type) {
        return type.cast(slots.get(kind).get(from));
    }

    /** Drops the contents of one kind once used (the big OT and MtA messages). */
    void release(Kind kind) {
        slots.remove(kind);
    }

    private static long key(Kind kind, int from) {
        return ((long) kind.ordinal() << 32) | (from & 0xffffffffL);
    }
}
