package io.litj.node.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ActionLimitsTest {
    @Test
    void defaults_matchDatilNode() {
        ActionLimits d = ActionLimits.defaults();
        assertEquals(Duration.ofSeconds(30), d.timeout());
        assertEquals(50_000_000L, d.maxStatements());
        assertEquals(16 * 1024 * 1024, d.maxCodeBytes());
        assertEquals(1024 * 1024, d.maxParamsBytes());
        assertEquals(102_400, d.maxResponseBytes());
        assertEquals(102_400, d.maxLogBytes());
        assertEquals(64, d.maxConcurrent());
        assertEquals(25, d.callerSharePercent());
        assertEquals(16, d.maxConcurrentPerCaller());
    }

    @Test
    void maxConcurrentPerCaller_roundsDownButIsAtLeastOne() {
        ActionLimits d = ActionLimits.defaults();
        assertEquals(1, d.withMaxConcurrent(1).maxConcurrentPerCaller());
        assertEquals(1, d.withMaxConcurrent(7).maxConcurrentPerCaller());
        assertEquals(2, d.withMaxConcurrent(8).maxConcurrentPerCaller());
        assertEquals(64, d.withCallerSharePercent(100).maxConcurrentPerCaller());
        assertEquals(1, d.withCallerSharePercent(1).maxConcurrentPerCaller());
        assertEquals(1023, d.withMaxConcurrent(4093).maxConcurrentPerCaller());
    }

    @Test
    void with_changesOneComponentOnly() {
        ActionLimits d = ActionLimits.defaults();
        ActionLimits changed = d.withTimeout(Duration.ofMillis(300)).withMaxLogBytes(0);
        assertEquals(new ActionLimits(Duration.ofMillis(300), d.maxStatements(), d.maxCodeBytes(),
                d.maxParamsBytes(), d.maxResponseBytes(), 0, d.maxConcurrent(), d.callerSharePercent(),
                d.preparedContexts()), changed);
        assertEquals(0, d.withPreparedContexts(0).preparedContexts());
        assertEquals(50, d.withCallerSharePercent(50).callerSharePercent());
        assertEquals(7, d.withMaxConcurrent(7).maxConcurrent());
        assertEquals(Long.MAX_VALUE, d.withMaxStatements(Long.MAX_VALUE).maxStatements());
        assertEquals(10, d.withMaxCodeBytes(10).maxCodeBytes());
        assertEquals(10, d.withMaxParamsBytes(10).maxParamsBytes());
        assertEquals(10, d.withMaxResponseBytes(10).maxResponseBytes());
    }

    @Test
    void timeout_atHardMaximum_accepted() {
        assertEquals(ActionLimits.MAX_TIMEOUT, ActionLimits.defaults().withTimeout(Duration.ofMinutes(5)).timeout());
    }

    @Test
    void timeout_outOfBounds_refused() {
        ActionLimits d = ActionLimits.defaults();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> d.withTimeout(Duration.ofMinutes(5).plusMillis(1)));
        assertEquals("timeout must be more than 0 and at most PT5M, got PT5M0.001S", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> d.withTimeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> d.withTimeout(Duration.ofSeconds(-1)));
        assertThrows(NullPointerException.class, () -> d.withTimeout(null));
    }

    @Test
    void sizesAndCounts_outOfBounds_refused() {
        ActionLimits d = ActionLimits.defaults();
        assertThrows(IllegalArgumentException.class, () -> d.withMaxStatements(ActionLimits.MIN_STATEMENTS - 1));
        assertThrows(IllegalArgumentException.class, () -> d.withMaxCodeBytes(0));
        assertThrows(IllegalArgumentException.class, () -> d.withMaxCodeBytes(64 * 1024 * 1024 + 1));
        assertThrows(IllegalArgumentException.class, () -> d.withMaxParamsBytes(1));
        assertThrows(IllegalArgumentException.class, () -> d.withMaxResponseBytes(0));
        assertThrows(IllegalArgumentException.class, () -> d.withMaxLogBytes(-1));
        assertThrows(IllegalArgumentException.class, () -> d.withMaxConcurrent(0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.withMaxConcurrent(4097));
        assertEquals("maxConcurrent must be between 1 and 4096, got 4097", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> d.withCallerSharePercent(0));
        IllegalArgumentException share = assertThrows(IllegalArgumentException.class,
                () -> d.withCallerSharePercent(101));
        assertEquals("callerSharePercent must be between 1 and 100, got 101", share.getMessage());
        assertThrows(IllegalArgumentException.class, () -> d.withPreparedContexts(-1));
        IllegalArgumentException prepared = assertThrows(IllegalArgumentException.class,
                () -> d.withPreparedContexts(65));
        assertEquals("preparedContexts must be between 0 and 64, got 65", prepared.getMessage());
    }
}
