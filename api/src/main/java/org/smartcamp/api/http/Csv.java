package org.smartcamp.api.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * CSV written by Apache Commons CSV: a header row, CRLF line ends, fields quoted when they need it (separator,
 * quote, CR, LF), quotes doubled; RFC 4180 by default, or as {@link CsvOptions} say. Nested JSON is written as
 * its JSON text. Text starting with {@code = + - @} gets a leading apostrophe so spreadsheets do not run it as a
 * formula (numbers are written as numbers). Rows go to the response in chunks as they are printed: the file is
 * never held whole in memory.
 */
public final class Csv {
    /** Bytes gathered before a chunk is written to the response. */
    static final int CHUNK_CHARS = 32 * 1024;

    private Csv() {
    }

    /** The Commons CSV format of these options. */
    public static CSVFormat format(CsvOptions options) {
        return CSVFormat.RFC4180.builder().setDelimiter(options.separator()).setRecordSeparator("\r\n")
            .setQuoteMode(QuoteMode.MINIMAL).get();
    }

    /** Writes the table of {@code rows} with these columns (keys of the rows), header first, to {@code out}. */
    public static void write(Writer out, CsvOptions options, List<String> columns, List<JsonObject> rows)
        throws IOException {
        if (options.bom()) {
            out.write('\uFEFF');
        }
        CSVPrinter printer = new CSVPrinter(out, format(options));
        printer.printRecord(columns);
        for (JsonObject row : rows) {
            for (String c : columns) {
                printer.print(field(row.getValue(c), options.decimalComma()));
            }
            printer.println();
        }
        printer.flush();
    }

    /**
     * Streams the table to {@code response} (chunked transfer) and ends it.
     */
    public static void stream(HttpServerResponse response, CsvOptions options, List<String> columns,
                              List<JsonObject> rows) {
        response.setChunked(true);
        try (ResponseWriter out = new ResponseWriter(response)) {
            write(out, options, columns, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        response.end();
    }

    /** One field's text before quoting (the printer quotes). */
    static String field(Object value, boolean decimalComma) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number n) {
            return decimalComma ? decimalComma(n) : n.toString();
        }
        if (value instanceof Boolean) {
            return value.toString();
        }
        String text = value instanceof JsonObject o ? o.encode() : value instanceof JsonArray a ? a.encode()
            : value.toString();
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return text;
    }

    private static String decimalComma(Number n) {
        if (n instanceof Double d && !Double.isFinite(d) || n instanceof Float f && !Float.isFinite(f)) {
            return n.toString();
        }
        String plain = n instanceof Double || n instanceof Float ? BigDecimal.valueOf(n.doubleValue())
            .stripTrailingZeros().toPlainString() : n.toString();
        return plain.replace('.', ',');
    }

    /** A writer that sends what it gathers to the response in chunks of about {@link #CHUNK_CHARS}. */
    private static final class ResponseWriter extends Writer {
        private final HttpServerResponse response;
        private final StringBuilder pending = new StringBuilder(CHUNK_CHARS + 1024);

        ResponseWriter(HttpServerResponse response) {
            this.response = response;
        }

        @Override
        public void write(char[] buf, int off, int len) {
            pending.append(buf, off, len);
            if (pending.length() >= CHUNK_CHARS) {
                flush();
            }
        }

        @Override
        public void flush() {
            if (!pending.isEmpty()) {
                response.write(Buffer.buffer(pending.toString()));
                pending.setLength(0);
            }
        }

        @Override
        public void close() {
            flush();
        }
    }
}
