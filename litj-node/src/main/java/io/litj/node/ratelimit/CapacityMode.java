package io.litj.node.ratelimit;

import io.litj.node.LitNodeException;
import io.litj.protocol.LitErrorCode;
import java.util.Arrays;
import java.util.Locale;

/**
 * How a node enforces capacity credits: Datil's {@code enable_rate_limiting} and
 * {@code enable_rate_limiting_allocation} switches as one value ({@code lit-node-behaviour.md} §5).
 */
public enum CapacityMode {
    /** Every request passes (a free development network; the default). */
    OFF,
    /** A request passes if some unexpired credit pays for it; no counting, except a delegation's {@code uses}. */
    HOLDING,
    /** Each credit pays for its requests per kilosecond over the node's window; the default of
     * {@code litj devnet up --require-capacity}. */
    ALLOCATION;

    /** The name in a node config and in {@code --json} output: {@code off}, {@code holding}, {@code allocation}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The mode named {@code text} ({@link #wireName()}).
     *
     * @throws LitNodeException {@code InvalidArgument} for any other text
     */
    public static CapacityMode parse(String text) {
        return Arrays.stream(values()).filter(m -> m.wireName().equals(text)).findFirst().orElseThrow(
                () -> new LitNodeException(LitErrorCode.InvalidArgument, "capacityMode must be off, holding or "
                        + "allocation but is '" + io.litj.protocol.Text.cut(text) + "'"));
    }
}
