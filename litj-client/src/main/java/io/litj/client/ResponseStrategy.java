package io.litj.client;

/**
 * Which node's {@code response} {@link LitClient#executeJs} returns when the nodes disagree.
 *
 * <p>litj's default is {@link #MOST_COMMON}: the answer most nodes agree on, which is what a caller of a
 * deterministic Lit Action expects and what one faulty or malicious node cannot change. The JS SDK 7.4.0 defaults to
 * {@link #LEAST_COMMON} ({@code js-sdk-v7-wire-format.md} §8.2, §14), which lets a single odd node decide the result;
 * choose it explicitly for JS-identical behaviour (e.g. actions that return per-node random values on purpose).
 * Ties go to the node listed first.
 */
public enum ResponseStrategy {
    /** The value most nodes returned (litj's default). */
    MOST_COMMON,
    /** The value fewest nodes returned (the JS SDK's default). */
    LEAST_COMMON
}
