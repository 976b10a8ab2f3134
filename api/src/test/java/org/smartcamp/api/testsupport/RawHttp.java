package org.smartcamp.api.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * HTTP/1.1 written by hand on a socket, for what a well-behaved client library refuses to send (request lines
 * and headers beyond the server's limits). Reads the answer until the server closes the connection.
 */
public final class RawHttp {
    private RawHttp() {
    }

    /** The answer: status, the raw header block (lower-cased) and the body. */
    public record Answer(int status, String headers, String body) {
        /** Whether a header line {@code name: value...} starts with this value. */
        public boolean hasHeader(String name, String valuePrefix) {
            return headers.contains("\r\n" + name.toLowerCase(Locale.ROOT) + ": "
                + valuePrefix.toLowerCase(Locale.ROOT));
        }
    }

    /** Sends {@code request} (the whole text, CRLFs included) to 127.0.0.1:port. */
    public static Answer send(int port, String request) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            String text = new String(readAll(s.getInputStream()), StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String head = end < 0 ? text : text.substring(0, end);
            String body = end < 0 ? "" : text.substring(end + 4);
            int status = Integer.parseInt(head.split(" ", 3)[1]);
            return new Answer(status, head.toLowerCase(Locale.ROOT) + "\r\n", body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        while ((n = in.read(buf)) >= 0) {
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }
}
