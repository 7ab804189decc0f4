package io.litj.node.testing;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Copies everything written to {@code System.err} (where slf4j-simple writes the log) into a buffer while open, and
 * still passes it on. {@link #close()} puts the previous stream back.
 */
public final class StderrCapture implements AutoCloseable {
    private final PrintStream previous = System.err;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    private StderrCapture() {
    }

    /** Starts capturing. */
    public static StderrCapture start() {
        StderrCapture c = new StderrCapture();
        OutputStream tee = new OutputStream() {
            @Override
            public void write(int b) {
                synchronized (c.buffer) {
                    c.buffer.write(b);
                }
                c.previous.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                synchronized (c.buffer) {
                    c.buffer.write(b, off, len);
                }
                c.previous.write(b, off, len);
            }
        };
        System.setErr(new PrintStream(tee, true, StandardCharsets.UTF_8));
        return c;
    }

    /** What was written so far. */
    public String text() {
        synchronized (buffer) {
            return buffer.toString(StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        System.err.flush();
        System.setErr(previous);
    }
}
