package org.smartcamp.simulator.gateway;

import java.nio.file.Path;
import java.util.Locale;

/** The file formats telemetry is written to and replayed from. */
public enum FileFormat {
    /**
     * One JSON object per reading and line: {@code ts}, {@code sent}, {@code mission}, {@code camp},
     * {@code gateway}, {@code asset}, {@code metric}, {@code value}, {@code unit}, {@code quality}.
     */
    JSONL,
    /** Long CSV {@code timestamp,camp,asset,metric,value,unit,quality} (RFC 4180, ISO 8601 UTC). */
    CSV;

    /** The format a file name's extension says: {@code .csv} is CSV, anything else JSONL. */
    public static FileFormat of(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv") ? CSV : JSONL;
    }
}
