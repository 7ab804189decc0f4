package io.litj.node.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A raw HTTP/1.1 connection to a node on 127.0.0.1, for what a well-behaved client never does: stall or trickle a
 * request, hold sockets open, watch whether the node closes the connection. No read waits longer than
 * {@link #BOUND}, so a node that hangs fails the test instead of hanging it; the bound only guards against hangs and
 * is never what a test measures.
 */
public final class RawConnection implements AutoCloseable {
    /** The longest any read waits. */
    public static final Duration BOUND = NodeHttp.TIMEOUT;

    private final Socket socket;
    private final PushbackInputStream in;

    private RawConnection(Socket socket) throws IOException {
        this.socket = socket;
        socket.setSoTimeout((int) BOUND.toMillis());
        this.in = new PushbackInputStream(socket.getInputStream(), 1);
    }

    /** Connects to {@code node}'s host and port. */
    public static RawConnection open(URI node) {
        try {
            return new RawConnection(new Socket(node.getHost(), node.getPort()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code text} (ASCII) and flushes. */
    public RawConnection send(String text) {
        return send(text.getBytes(StandardCharsets.US_ASCII));
    }

    /** Writes {@code bytes} and flushes. */
    public RawConnection send(byte[] bytes) {
        try {
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads one answer: status line, headers and a body of its {@code Content-Length}. */
    public Answer readAnswer() {
        try {
            String head = readHead();
            String[] lines = head.split("\r\n");
            Map<String, String> headers = new HashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).strip());
            }
            int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
            String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
            return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String readHead() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed after " + head.size() + " bytes of an answer: " + head);
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    /**
     * True if nothing arrives for {@code wait} and the connection stays open. Only ever asserts an absence: a slow
     * machine cannot make a silent node speak.
     */
    public boolean silentFor(Duration wait) {
        try {
            socket.setSoTimeout((int) wait.toMillis());
            int b = in.read();
            if (b >= 0) {
                in.unread(b);
            }
            return false;
        } catch (SocketTimeoutException e) {
            return true;
        } catch (IOException e) {
            return false;
        } finally {
            try {
                socket.setSoTimeout((int) BOUND.toMillis());
            } catch (SocketException e) {
                // closed meanwhile: the next read says so
            }
        }
    }

    /**
     * Waits until the node closes the connection (end of stream or reset) and returns the bytes it sent before.
     *
     * @throws AssertionError if the connection is still open after {@link #BOUND}
     */
    public String awaitClosedByNode() {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        long end = System.nanoTime() + BOUND.toNanos();
        try {
            byte[] buf = new byte[4096];
            while (System.nanoTime() < end) {
                int n = in.read(buf);
                if (n < 0) {
                    return got.toString(StandardCharsets.UTF_8);
                }
                got.write(buf, 0, n);
            }
        } catch (SocketTimeoutException e) {
            // falls through to the failure
        } catch (IOException e) {
            return got.toString(StandardCharsets.UTF_8);
        }
        throw new AssertionError("the node kept the connection open for " + BOUND.toSeconds() + " s; it sent: "
                + got.toString(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One answer read from the socket. */
    public record Answer(int status, Map<String, String> headers, String body) {
        public Answer {
            headers = Map.copyOf(headers);
        }

        /** A header, by case-insensitive name. */
        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
        }

        @Override
        public String toString() {
            return "HTTP " + status + " " + headers + " " + (body.length() <= 2000 ? body : body.substring(0, 2000));
        }
    }
}
