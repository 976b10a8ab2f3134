package org.smartcamp.deploy.cli;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.smartcamp.api.report.MonthlyReport;
import org.smartcamp.api.report.ReportFormat;
import org.smartcamp.api.report.ReportText;
import org.smartcamp.api.store.MonthlyReportStore;
import org.smartcamp.api.store.Registry;
import org.smartcamp.api.store.RegistryStore;
import org.smartcamp.deploy.config.ApiSettings;
import org.smartcamp.deploy.config.IngestSettings;
import org.smartcamp.deploy.config.Settings;
import org.smartcamp.ingest.store.DatabaseConfig;
import org.smartcamp.platform.DataSources;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code smartcamp report --camp C --month 2026-11 --format pdf|xlsx [--lang fr] [--out FILE]}: the monthly camp
 * report, the same file {@code GET /api/v1/camps/{id}/reports/{month}} serves, read straight from the database.
 */
@Command(name = "report", description = "Write the monthly camp report (stock, deliveries, consumption, losses, "
    + "generator hours and loading, energy, CO2, days of supply, reconciliation) as PDF or XLSX, the file "
    + "GET /api/v1/camps/{id}/reports/{month} serves. See docs/reports.md.")
final class ReportCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Option(names = "--camp", required = true, description = "The camp's id.")
    String camp;

    @Option(names = "--month", required = true, description = "The UTC month, YYYY-MM (e.g. 2026-11).")
    String month;

    @Option(names = "--format", defaultValue = "pdf", description = "pdf (default) or xlsx.")
    String format;

    @Option(names = "--lang", defaultValue = "en", description = "en (default) or fr.")
    String lang;

    @Option(names = "--out", description = "The file to write; default smartcamp-CAMP-MONTH-LANG.pdf|xlsx here.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        ReportFormat f = ReportFormat.named(format);
        if (f == null) {
            throw new CommandException("--format must be pdf or xlsx; got '" + format + "'");
        }
        Locale locale = ReportText.LANGUAGES.stream().filter(l -> l.getLanguage().equals(lang)).findFirst()
            .orElseThrow(() -> new CommandException("--lang must be en or fr; got '" + lang + "'"));
        YearMonth m = month(month);
        Path file = out != null ? out : Path.of("smartcamp-" + camp + "-" + m + "-" + lang + "." + f.extension());
        Settings settings = config.load();
        DatabaseConfig db = IngestSettings.database(settings);
        int limit = ApiSettings.api(settings).limits().maxPageSize();
        MonthlyReportStore.Data data;
        try (HikariDataSource ds = DataSources.open(db, "smartcamp-report", false);
             java.sql.Connection c = ds.getConnection()) {
            Registry registry = RegistryStore.load(c);
            Registry.Camp found = registry.camp(camp);
            if (found == null) {
                throw new CommandException("no camp '" + camp + "' in the database (smartcamp inventory registers "
                    + "camps)");
            }
            data = MonthlyReportStore.load(c, registry, found, m, limit, locale.getLanguage());
        } catch (java.sql.SQLException e) {
            throw new CommandException("cannot read the database: " + e.getMessage());
        }
        try (OutputStream o = Files.newOutputStream(file)) {
            f.write(new MonthlyReport(data, ReportText.of(locale)), Clock.systemUTC().instant(), o);
        }
        spec.commandLine().getOut().println("report written: " + file + " (" + Files.size(file) + " bytes)");
        return 0;
    }

    private static YearMonth month(String v) {
        try {
            if (v.matches("\\d{4}-\\d{2}")) {
                return YearMonth.parse(v);
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw new CommandException("--month must be a month YYYY-MM such as 2026-11; got '" + v + "'");
    }
}
