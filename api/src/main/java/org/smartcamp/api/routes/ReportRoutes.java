package org.smartcamp.api.routes;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.smartcamp.api.auth.Principal;
import org.smartcamp.api.auth.Scope;
import org.smartcamp.api.http.ApiException;
import org.smartcamp.api.http.CsvOptions;
import org.smartcamp.api.http.Format;
import org.smartcamp.api.http.Params;
import org.smartcamp.api.http.Responder;
import org.smartcamp.api.report.MonthlyReport;
import org.smartcamp.api.report.ReportFormat;
import org.smartcamp.api.report.ReportText;
import org.smartcamp.api.store.MonthlyReportStore;
import org.smartcamp.api.store.Registry;

/**
 * {@code GET /api/v1/camps/{id}/reports/{month}}: the monthly camp report as PDF or XLSX ({@code format=} or the
 * Accept header; PDF by default), in English or French ({@code lang=} or Accept-Language). A report is an export:
 * it needs the logistics role, like CSV.
 */
final class ReportRoutes {
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

    private final RouteSupport support;

    ReportRoutes(RouteSupport support) {
        this.support = support;
    }

    void mount(Endpoints e) {
        e.get("/api/v1/camps/{id}/reports/{month}", this::report);
    }

    private void report(RoutingContext ctx) {
        Params p = Params.of(ctx, Set.of("lang", "format"));
        if (CsvOptions.given(p) != null) {
            throw ApiException.badParameter(CsvOptions.given(p), "applies to CSV exports only, not to reports");
        }
        ReportFormat format = format(ctx, p);
        Locale locale = language(ctx, p);
        Principal caller = Principal.of(ctx);
        if (caller == null || !caller.role().includes(Format.EXPORT_ROLE)) {
            throw ApiException.forbidden("reports are exports: they need the " + Format.EXPORT_ROLE.id() + " role");
        }
        Scope scope = support.scope(ctx);
        Registry.Camp camp = scope.camp(Params.pathId(ctx, "id"));
        YearMonth month = month(ctx.pathParam("month"));
        Instant now = support.now();
        int limit = support.limits().maxPageSize();
        support.db().run(c -> MonthlyReportStore.load(c, scope.registry(), camp, month, limit,
            locale.getLanguage()))
            .compose(data -> ctx.vertx().executeBlocking(() -> render(data, locale, format, now), false))
            .onSuccess(bytes -> {
                ctx.put(Responder.ROWS, 1);
                ctx.put(Responder.EXPORT, true);
                ctx.response().putHeader("Content-Type", format.mediaType())
                    .putHeader("Content-Language", locale.getLanguage())
                    .putHeader("Content-Disposition", "attachment; filename=\"smartcamp-" + camp.id() + "-" + month
                        + "-" + locale.getLanguage() + "." + format.extension() + "\"")
                    .end(bytes);
            }).onFailure(ctx::fail);
    }

    private static Buffer render(MonthlyReportStore.Data data, Locale locale, ReportFormat format, Instant now) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            format.write(new MonthlyReport(data, ReportText.of(locale)), now, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Buffer.buffer(out.toByteArray());
    }

    /** {@code format=pdf|xlsx}, else the Accept header's choice, else PDF. */
    static ReportFormat format(RoutingContext ctx, Params p) {
        String asked = p.choice("format", Set.of("pdf", "xlsx"), null);
        if (asked != null) {
            return ReportFormat.named(asked);
        }
        String accept = ctx.request().getHeader("Accept");
        return accept != null && accept.contains(ReportFormat.XLSX.mediaType()) && !accept.contains(
            ReportFormat.PDF.mediaType()) ? ReportFormat.XLSX : ReportFormat.PDF;
    }

    private static Locale language(RoutingContext ctx, Params p) {
        String lang = p.choice("lang", Set.of("en", "fr"), null);
        return ReportText.negotiate(lang, ctx.request().getHeader("Accept-Language"));
    }

    /** The path's month, {@code YYYY-MM} between 1970 and 2199. */
    static YearMonth month(String v) {
        if (v != null && MONTH.matcher(v).matches()) {
            try {
                YearMonth m = YearMonth.parse(v);
                if (m.getYear() >= 1970 && m.getYear() < 2200) {
                    return m;
                }
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        throw ApiException.badParameter("month", "must be a month YYYY-MM between 1970 and 2199, such as 2026-11; got '"
            + (v == null ? "" : v.length() > 20 ? v.substring(0, 20) + "…" : v.replaceAll("\\p{Cntrl}", "?")) + "'");
    }
}
