package org.gospelib.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written byte for byte over a socket to 127.0.0.1, for requests no well-behaved client
 * would send: request targets that are not valid URIs, a forged {@code Host}, odd header values.
 * One request per connection ({@code Connection: close}); the answer is read to the end.
 */
public final class RawHttp {

    private final int port;

    public RawHttp(int port) {
        this.port = port;
    }

    /** A request head as given (its lines without the final blank line), and an optional body. */
    public Response send(String head, byte[] body) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(30_000);
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
            request.writeBytes("\r\nConnection: close\r\n".getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) request.writeBytes(("Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            request.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) request.writeBytes(body);
            socket.getOutputStream().write(request.toByteArray());
            socket.getOutputStream().flush();
            return Response.parse(readAll(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** GET of a target written as is (no encoding applied), with extra header lines (a {@code Host} among them replaces ours). */
    public Response get(String target, String... headerLines) {
        StringBuilder head = new StringBuilder("GET ").append(target).append(" HTTP/1.1");
        boolean hostGiven = java.util.Arrays.stream(headerLines).anyMatch(line -> line.regionMatches(true, 0, "Host:", 0, 5));
        if (!hostGiven) head.append("\r\nHost: 127.0.0.1:").append(port);
        for (String line : headerLines) head.append("\r\n").append(line);
        return send(head.toString(), null);
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) out.write(buffer, 0, n);
        } catch (java.net.SocketException e) {
            // the server closed the connection after answering (a refused request): keep what came
            if (out.size() == 0) throw e;
        }
        return out.toByteArray();
    }

    /** Status, headers (names in lower case; the last value of each) and the body as received. */
    public record Response(int status, Map<String, String> headers, byte[] body) {

        static Response parse(byte[] raw) {
            String text = new String(raw, StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            if (!text.startsWith("HTTP/1.1 ") || end < 0) throw new IllegalStateException("not an HTTP response: " + text);
            String[] lines = text.substring(0, end).split("\r\n");
            int status = Integer.parseInt(lines[0].substring(9, 12));
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
            }
            byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) body = unchunk(body);
            return new Response(status, headers, body);
        }

        public String header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        private static byte[] unchunk(byte[] chunked) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int i = 0;
            while (i < chunked.length) {
                int lineEnd = indexOf(chunked, i);
                if (lineEnd < 0) break;
                String sizeText = new String(chunked, i, lineEnd - i, StandardCharsets.ISO_8859_1).split(";")[0].strip();
                int size = Integer.parseInt(sizeText, 16);
                if (size == 0) break;
                out.write(chunked, lineEnd + 2, Math.min(size, chunked.length - lineEnd - 2));
                i = lineEnd + 2 + size + 2;
            }
            return out.toByteArray();
        }

        private static int indexOf(byte[] data, int from) {
            for (int i = from; i + 1 < data.length; i++) if (data[i] == '\r' && data[i + 1] == '\n') return i;
            return -1;
        }
    }
}
