package io.litj.node.actions;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The context's standard output: collects an action's console output up to a byte budget, then keeps a one-line
 * truncation marker and drops the rest. Exceeding the budget is not an error ({@code lit-node-behaviour.md} §13).
 *
 * <p>Thread-safe (the action thread writes while a caller that gave up waiting may read). Never logged anywhere:
 * console output can hold secrets.
 */
final class LogSink extends OutputStream {
    private final int limit;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream(256);
    private boolean truncated;

    LogSink(int limitBytes) {
        if (limitBytes < 0) {
            throw new IllegalArgumentException("limitBytes must be >= 0");
        }
        this.limit = limitBytes;
    }

    /** The line appended once when output was cut. */
    static String marker(int limitBytes) {
        return "[logs truncated: more than " + limitBytes + " bytes]\n";
    }

    @Override
    public synchronized void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        if (truncated || len == 0) {
            return;
        }
        int room = limit - kept.size();
        if (len <= room) {
            kept.write(b, off, len);
            return;
        }
        kept.write(b, off, utf8Prefix(b, off, room));
        truncated = true;
    }

    /** The captured output as text; ends with the truncation marker if output was cut. */
    synchronized String text() {
        String text = kept.toString(StandardCharsets.UTF_8);
        return truncated ? text + (text.isEmpty() || text.endsWith("\n") ? "" : "\n") + marker(limit) : text;
    }

    /** The captured size in bytes, marker excluded. */
    synchronized int size() {
        return kept.size();
    }

    /** The longest prefix of at most {@code max} bytes of {@code b[off..]} that does not split a UTF-8 sequence. */
    private static int utf8Prefix(byte[] b, int off, int max) {
        int cut = Math.max(max, 0);
        // b[off + cut] is the first byte dropped; if it continues a sequence (10xxxxxx), cut before that sequence
        while (cut > 0 && (b[off + cut] & 0xC0) == 0x80) {
            cut--;
        }
        return cut;
    }
}
