package io.litj.node.fetch;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One HTTP/1.1 request and its response over a new connection to an address the egress policy already chose: the
 * socket connects to that address (never resolving the host again), TLS checks the certificate against the URL's
 * host name (and sends it as SNI), the request carries {@code Connection: close}, and the response is read with
 * every bound of {@link ResponseHead} and {@link HttpWire} and before the {@link Deadline} (each blocking read waits
 * at most the time left). A gzip body is decoded within the same byte limit. Not thread-safe; one use.
 */
final class Http1Exchange {
    private static final int MAX_INFORMATIONAL = 8;

    /** What came back: status, reason, headers (lowercase names) and the decoded body. */
    record Response(int status, String reason, List<Map.Entry<String, String>> headers, byte[] body) {
    }

    private Http1Exchange() {
    }

    static Response send(InetAddress address, FetchRequest request, Deadline deadline, int maxBytes,
            SSLSocketFactory tls) {
        URI url = request.url();
        String where = url.toString();
        boolean https = url.getScheme().equalsIgnoreCase("https");
        int port = url.getPort() >= 0 ? url.getPort() : https ? 443 : 80;
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(address, port), deadline.remainingMillis(where));
            Socket socket = https ? handshake(plain, url.getHost(), port, deadline, where, tls) : plain;
            try (socket) {
                OutputStream out = socket.getOutputStream();
                out.write(head(request, port, https));
                if (request.body() != null) {
                    out.write(request.body());
                }
                out.flush();
                InputStream in = new BufferedInputStream(new TimedInput(socket, deadline, where));
                return response(in, request, maxBytes, where);
            }
        } catch (SocketTimeoutException e) {
            throw deadline.timedOut(where);
        } catch (SSLException e) {
            throw HttpWire.failed(where, "TLS failed (" + firstLine(e.getMessage()) + ")");
        } catch (IOException e) {
            throw HttpWire.failed(where, e.getClass().getSimpleName() + (e.getMessage() == null ? ""
                    : " (" + firstLine(e.getMessage()) + ")"));
        }
    }

    private static Socket handshake(Socket plain, String host, int port, Deadline deadline, String where,
            SSLSocketFactory tls) throws IOException {
        String name = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        SSLSocket socket = (SSLSocket) tls.createSocket(plain, name, port, true);
        SSLParameters params = socket.getSSLParameters();
        params.setEndpointIdentificationAlgorithm("HTTPS");
        if (IpLiteral.parse(name).isEmpty()) {
            params.setServerNames(List.of(new SNIHostName(name)));
        }
        socket.setSSLParameters(params);
        socket.setSoTimeout(deadline.remainingMillis(where));
        socket.startHandshake();
        return socket;
    }

    private static byte[] head(FetchRequest request, int port, boolean https) {
        URI url = request.url();
        String target = (url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath())
                + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        boolean defaultPort = port == (https ? 443 : 80);
        String host = url.getHost() + (defaultPort ? "" : ":" + port);
        StringBuilder b = new StringBuilder(256).append(request.method()).append(' ').append(target)
                .append(" HTTP/1.1\r\nHost: ").append(host).append("\r\n");
        boolean agent = false;
        boolean accept = false;
        boolean encoding = false;
        for (Map.Entry<String, String> h : request.headers()) {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            agent |= name.equals("user-agent");
            accept |= name.equals("accept");
            encoding |= name.equals("accept-encoding");
            b.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
        }
        if (!agent) {
            b.append("User-Agent: litj-lit-action\r\n");
        }
        if (!accept) {
            b.append("Accept: */*\r\n");
        }
        if (!encoding) {
            b.append("Accept-Encoding: gzip\r\n");
        }
        if (request.body() != null) {
            b.append("Content-Length: ").append(request.body().length).append("\r\n");
        } else if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            b.append("Content-Length: 0\r\n");
        }
        return b.append("Connection: close\r\n\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Response response(InputStream in, FetchRequest request, int maxBytes, String where)
            throws IOException {
        ResponseHead head = ResponseHead.read(in, where);
        for (int i = 0; head.status() < 200; i++) {
            if (i == MAX_INFORMATIONAL || head.status() == 101) {
                throw HttpWire.failed(where, "the server did not leave the informational (1xx) answers");
            }
            head = ResponseHead.read(in, where);
        }
        byte[] body = body(in, head, request.method().equals("HEAD"), maxBytes, where);
        if (head.first("content-encoding").map(e -> e.equalsIgnoreCase("gzip")).orElse(false) && body.length > 0) {
            body = gunzip(body, maxBytes, where);
        }
        return new Response(head.status(), head.reason(), head.headers(), body);
    }

    private static byte[] body(InputStream in, ResponseHead head, boolean headRequest, int maxBytes, String where)
            throws IOException {
        int status = head.status();
        if (headRequest || status == 204 || status == 304) {
            return new byte[0];
        }
        List<String> codings = head.all("transfer-encoding");
        if (!codings.isEmpty()) {
            String last = codings.get(codings.size() - 1).toLowerCase(Locale.ROOT);
            return last.endsWith("chunked") ? HttpWire.chunked(in, maxBytes, where)
                    : HttpWire.toEnd(in, maxBytes, where);
        }
        List<String> lengths = head.all("content-length");
        if (lengths.isEmpty()) {
            return HttpWire.toEnd(in, maxBytes, where);
        }
        if (lengths.stream().distinct().count() > 1 || !lengths.get(0).matches("[0-9]{1,18}")) {
            throw HttpWire.failed(where, "the Content-Length header is not one number");
        }
        long length = Long.parseLong(lengths.get(0));
        if (length > maxBytes) {
            throw HttpWire.tooLong(where, maxBytes);
        }
        return HttpWire.exactly(in, length, where);
    }

    private static byte[] gunzip(byte[] body, int maxBytes, String where) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (out.size() + n > maxBytes) {
                    throw HttpWire.tooLong(where, maxBytes);
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw HttpWire.failed(where, "the gzip body does not decode");
        }
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int nl = text.indexOf('\n');
        String line = nl < 0 ? text : text.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) : line;
    }

    /** The socket's input, each blocking read bounded by the time the deadline leaves. */
    private static final class TimedInput extends FilterInputStream {
        private final Socket socket;
        private final Deadline deadline;
        private final String where;

        TimedInput(Socket socket, Deadline deadline, String where) throws IOException {
            super(socket.getInputStream());
            this.socket = socket;
            this.deadline = deadline;
            this.where = where;
        }

        @Override
        public int read() throws IOException {
            socket.setSoTimeout(deadline.remainingMillis(where));
            return super.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            socket.setSoTimeout(deadline.remainingMillis(where));
            return super.read(b, off, len);
        }
    }
}
