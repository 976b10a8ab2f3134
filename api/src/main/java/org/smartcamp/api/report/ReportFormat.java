package org.smartcamp.api.report;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Locale;

/** The report's file formats: media type, file extension and writer. */
public enum ReportFormat {
    PDF("application/pdf", "pdf"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    private final String mediaType;
    private final String extension;

    ReportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** The format named {@code name} ({@code pdf} or {@code xlsx}, any case), or null. */
    public static ReportFormat named(String name) {
        for (ReportFormat f : values()) {
            if (f.extension.equals(name.toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        return null;
    }

    /** Writes {@code report} in this format. */
    public void write(MonthlyReport report, Instant generatedAt, OutputStream out) throws IOException {
        if (this == PDF) {
            new PdfReportWriter().write(report, generatedAt, out);
        } else {
            new XlsxReportWriter().write(report, generatedAt, out);
        }
    }
}
