package org.smartcamp.api.report;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.smartcamp.api.report.ReportTable.Column;
import org.smartcamp.api.report.ReportTable.Kind;
import org.smartcamp.api.store.MonthlyReportStore;
import org.smartcamp.api.store.Registry;
import org.smartcamp.ingest.catalogue.AssetKind;
import org.smartcamp.ingest.catalogue.EventKind;
import org.smartcamp.ingest.catalogue.Figure;

/**
 * The monthly camp report as tables, in one language: every number is a value of the rows the JSON routes serve
 * for the month ({@link MonthlyReportStore.Data}), shown as it is, or a sum or difference of them that the
 * report spells out (the reconciliation). The PDF and the XLSX writers show these same tables.
 */
public final class MonthlyReport {
    /** Load-factor band figures, from the lowest band to the highest. */
    public static final List<Figure> BANDS = List.of(Figure.WET_STACKING_H, Figure.LOW_LOAD_H, Figure.TARGET_BAND_H,
        Figure.HIGH_LOAD_H, Figure.OVERLOAD_H);
    /** The camp's energy and emission figures, in the order shown. */
    static final List<Figure> CAMP_FIGURES = List.of(Figure.FUEL_CONSUMED_L, Figure.CO2_KG, Figure.GENERATOR_KWH,
        Figure.PV_KWH, Figure.BATTERY_DISCHARGE_KWH, Figure.LOAD_KWH, Figure.RENEWABLE_FRACTION,
        Figure.DIESEL_DISPLACED_L, Figure.AVAILABILITY, Figure.OUTAGE_H);
    /** Consumption figures per generator and vehicle, one per source. */
    static final List<Figure> SOURCES = List.of(Figure.FUEL_CONSUMED_L, Figure.FUEL_L, Figure.FUEL_EXPECTED_L,
        Figure.FUEL_USED_L);

    private final MonthlyReportStore.Data data;
    private final ReportText text;
    private final Map<String, JsonObject> figures = new LinkedHashMap<>();

    public MonthlyReport(MonthlyReportStore.Data data, ReportText text) {
        this.data = data;
        this.text = text;
        for (JsonObject row : data.monthly()) {
            figures.put(key(row.getString("subjectKind"), row.getString("subjectId"), row.getString("figure")), row);
        }
    }

    public MonthlyReportStore.Data data() {
        return data;
    }

    public ReportText text() {
        return text;
    }

    /** The title line: camp and month. */
    public String title() {
        return text.get("report.title", data.camp().name() == null ? data.camp().id() : data.camp().name(),
            text.month(data.month()));
    }

    /**
     * The lines under the title: camp, mission, the period in UTC and in the camp's time, what the truncation flag
     * says.
     */
    public List<String> preamble(Instant generatedAt) {
        List<String> out = new ArrayList<>();
        out.add(text.get("report.camp", data.camp().id(), data.camp().missionId()));
        LocalDate first = MonthlyReportStore.from(data.month());
        LocalDate next = MonthlyReportStore.toExclusive(data.month());
        out.add(text.get("report.period", text.date(first), text.date(next), text.date(first),
            text.date(next.minusDays(1))));
        if (data.zone() == null) {
            out.add(text.get("report.periodNoZone"));
        } else {
            Instant start = first.atStartOfDay(ZoneOffset.UTC).toInstant();
            ZoneOffset offset = data.zone().getRules().getOffset(start);
            out.add(text.get("report.periodCamp", data.zone().getId(), offset.getTotalSeconds() == 0 ? "+00:00"
                : offset.getId(), text.localTime(start, data.zone()),
                text.localTime(next.atStartOfDay(ZoneOffset.UTC).toInstant(), data.zone())));
        }
        out.add(text.get("report.generated", text.time(generatedAt)));
        out.add(text.get("report.sources"));
        if (data.truncated()) {
            out.add(text.get("report.truncated"));
        }
        return out;
    }

    /** Every table, in the report's order. */
    public List<ReportTable> tables() {
        return List.of(reconciliation(), stock(), deliveries(), deliveryEvents(), consumption(), losses(),
            lossEvents(), generators(), bands(), camp(), supply(), dailyFuel(), allFigures());
    }

    /** A monthly figure row of the camp or one of its assets, or null. */
    JsonObject figure(String subjectKind, String subjectId, Figure f) {
        return figures.get(key(subjectKind, subjectId, f.id()));
    }

    private Double value(String kind, String id, Figure f) {
        JsonObject row = figure(kind, id, f);
        return row == null ? null : row.getDouble("value");
    }

    private Double coverage(String kind, String id, Figure f) {
        JsonObject row = figure(kind, id, f);
        return row == null ? null : row.getDouble("coverage");
    }

    /** The report's language code, for the catalogue's labels. */
    private String lang() {
        return text.locale().getLanguage();
    }

    private String label(EventKind kind) {
        return kind == null ? "?" : kind.label(lang());
    }

    private static String key(String kind, String id, String figure) {
        return kind + '|' + id + '|' + figure;
    }

    private List<Registry.Asset> assets(AssetKind kind) {
        return data.assets().stream().filter(a -> kind.code().equals(a.kind())).toList();
    }

    // ---- stock -------------------------------------------------------------------------------------------

    /** Opening (first reading of the month) and closing (last reading) litres of a tank, with their days. */
    record Stock(String tank, Double opening, LocalDate openingDay, Double closing, LocalDate closingDay, int days) {
    }

    List<Stock> stocks() {
        List<Stock> out = new ArrayList<>();
        for (Registry.Asset tank : assets(AssetKind.FUEL_TANK)) {
            List<JsonObject> rows = data.stock().stream().filter(r -> tank.id().equals(r.getString("asset")))
                .sorted(java.util.Comparator.comparing(r -> r.getString("timestamp"))).toList();
            if (rows.isEmpty()) {
                out.add(new Stock(tank.id(), null, null, null, null, 0));
                continue;
            }
            JsonObject first = rows.get(0);
            JsonObject last = rows.get(rows.size() - 1);
            out.add(new Stock(tank.id(), first.getDouble("first"), day(first), last.getDouble("last"), day(last),
                rows.size()));
        }
        return out;
    }

    private static LocalDate day(JsonObject readingRow) {
        return LocalDate.ofInstant(Instant.parse(readingRow.getString("timestamp")), ZoneOffset.UTC);
    }

    private ReportTable stock() {
        int days = data.month().lengthOfMonth();
        List<List<Object>> rows = new ArrayList<>();
        for (Stock s : stocks()) {
            rows.add(row(s.tank(), s.opening(), s.openingDay(), s.closing(), s.closingDay(), (double) s.days() / days));
        }
        return new ReportTable("stock", text.get("stock.title"), List.of(Column.text(text.get("col.tank")),
            Column.number(text.get("stock.opening"), 1, "L"), Column.of(text.get("stock.openingDay"), Kind.DATE),
            Column.number(text.get("stock.closing"), 1, "L"), Column.of(text.get("stock.closingDay"), Kind.DATE),
            Column.percent(text.get("col.coverage"))), rows, text.get("stock.note"));
    }

    // ---- deliveries and losses -----------------------------------------------------------------------------

    private ReportTable deliveries() {
        return perTank("deliveries", Figure.REFUEL_L, "deliveries.title", "deliveries.litres", "deliveries.note");
    }

    /**
     * The detected leak's litres of a tank over the month: the sum of its daily accounts' {@code leakL} (0 when no
     * leak was detected; a day without an account adds nothing and lowers the coverage).
     */
    double leak(String tank) {
        return data.accounts().getOrDefault(tank, List.of()).stream().map(d -> d.getValue("leakL"))
            .filter(v -> v instanceof Number).mapToDouble(v -> ((Number) v).doubleValue()).sum();
    }

    /** The share of the month's days with a daily account of the tank. */
    private double accountCoverage(String tank) {
        return (double) data.accounts().getOrDefault(tank, List.of()).size() / data.month().lengthOfMonth();
    }

    /** A tank's losses of the month: its thefts and drains ({@code loss_l}) and its detected leak. */
    private Double lossesOf(String tank) {
        Double thefts = value("asset", tank, Figure.LOSS_L);
        return thefts == null ? null : thefts + leak(tank);
    }

    private ReportTable losses() {
        List<List<Object>> rows = new ArrayList<>();
        for (Registry.Asset tank : assets(AssetKind.FUEL_TANK)) {
            String id = tank.id();
            rows.add(row(id, value("asset", id, Figure.LOSS_L), coverage("asset", id, Figure.LOSS_L), leak(id),
                accountCoverage(id), lossesOf(id)));
        }
        return new ReportTable("losses", text.get("losses.title"), List.of(Column.text(text.get("col.tank")),
            Column.number(text.get("losses.litres"), 1, "L"), Column.percent(text.get("col.coverage")),
            Column.number(text.get("losses.leak"), 1, "L"), Column.percent(text.get("losses.leakCoverage")),
            Column.number(text.get("losses.total"), 1, "L")), rows, text.get("losses.note"));
    }

    private ReportTable perTank(String id, Figure f, String title, String header, String note) {
        List<List<Object>> rows = new ArrayList<>();
        for (Registry.Asset tank : assets(AssetKind.FUEL_TANK)) {
            rows.add(row(tank.id(), value("asset", tank.id(), f), coverage("asset", tank.id(), f)));
        }
        return new ReportTable(id, text.get(title), List.of(Column.text(text.get("col.tank")),
            Column.number(text.get(header), 1, "L"), Column.percent(text.get("col.coverage"))), rows, text.get(note));
    }

    private ReportTable deliveryEvents() {
        return events("deliveryEvents", "deliveryEvents.title", List.of(EventKind.REFUEL, EventKind.SHORT_FILL),
            "deliveryEvents.note");
    }

    private ReportTable lossEvents() {
        return events("lossEvents", "lossEvents.title", List.of(EventKind.THEFT, EventKind.LEAK), "lossEvents.note");
    }

    private ReportTable events(String id, String title, List<EventKind> kinds, String note) {
        List<String> ids = kinds.stream().map(EventKind::id).toList();
        List<List<Object>> rows = new ArrayList<>();
        for (JsonObject e : data.events()) {
            if (ids.contains(e.getString("kind"))) {
                rows.add(row(e.getLong("id"), label(EventKind.ofId(e.getString("kind"))), e.getString("asset"),
                    instant(e.getString("start")), instant(e.getString("end")), e.getDouble("quantity"),
                    e.getString("unit"), e.getString("localizedExplanation")));
            }
        }
        return new ReportTable(id, text.get(title), List.of(Column.of(text.get("col.event"), Kind.ID),
            Column.text(text.get("col.kind")), Column.text(text.get("col.asset")),
            Column.of(text.get("col.start"), Kind.TIME), Column.of(text.get("col.end"), Kind.TIME),
            Column.number(text.get("col.quantity"), 1, null), Column.text(text.get("col.unit")),
            Column.text(text.get("col.evidence"))), rows, text.get(note));
    }

    private static Instant instant(String iso) {
        return iso == null ? null : Instant.parse(iso);
    }

    // ---- consumption ---------------------------------------------------------------------------------------

    private ReportTable consumption() {
        List<List<Object>> rows = new ArrayList<>();
        List<Registry.Asset> users = new ArrayList<>(assets(AssetKind.GENERATOR));
        users.addAll(assets(AssetKind.VEHICLE));
        for (Registry.Asset a : users) {
            for (Figure f : SOURCES) {
                JsonObject row = figure("asset", a.id(), f);
                if (row != null) {
                    String source = text.get("source." + f.id()) + " (" + f.id() + ")";
                    rows.add(row(a.id(), AssetKind.fromCode(a.kind()).label(lang()), source, row.getDouble("value"),
                        row.getDouble("coverage")));
                }
            }
        }
        return new ReportTable("consumption", text.get("consumption.title"), List.of(
            Column.text(text.get("col.asset")), Column.text(text.get("col.kind")), Column.text(text.get("col.source")),
            Column.number(text.get("consumption.litres"), 1, "L"), Column.percent(text.get("col.coverage"))), rows,
            text.get("consumption.note"));
    }

    // ---- power ---------------------------------------------------------------------------------------------

    private ReportTable generators() {
        List<List<Object>> rows = new ArrayList<>();
        for (Registry.Asset g : assets(AssetKind.GENERATOR)) {
            String id = g.id();
            rows.add(row(id, value("asset", id, Figure.RUNNING_H), value("asset", id, Figure.ENERGY_KWH),
                value("asset", id, Figure.LOAD_FACTOR_AVG), value("asset", id, Figure.STARTS),
                coverage("asset", id, Figure.ENERGY_KWH)));
        }
        return new ReportTable("generators", text.get("generators.title"), List.of(
            Column.text(text.get("col.generator")), Column.number(text.get("generators.hours"), 1, "h"),
            Column.number(text.get("generators.energy"), 1, "kWh"), Column.percent(text.get("generators.load")),
            Column.number(text.get("generators.starts"), 0, null), Column.percent(text.get("col.coverage"))), rows,
            text.get("generators.note"));
    }

    private ReportTable bands() {
        List<List<Object>> rows = new ArrayList<>();
        for (Registry.Asset g : assets(AssetKind.GENERATOR)) {
            List<Object> row = new ArrayList<>();
            row.add(g.id());
            BANDS.forEach(b -> row.add(value("asset", g.id(), b)));
            rows.add(row);
        }
        List<Column> columns = new ArrayList<>();
        columns.add(Column.text(text.get("col.generator")));
        BANDS.forEach(b -> columns.add(Column.number(b.label(lang()), 1, "h")));
        return new ReportTable("bands", text.get("bands.title"), columns, rows, text.get("bands.note"));
    }

    private ReportTable camp() {
        List<List<Object>> rows = new ArrayList<>();
        String camp = data.camp().id();
        for (Figure f : CAMP_FIGURES) {
            JsonObject row = figure("camp", camp, f);
            rows.add(row(f.label(lang()) + " (" + f.id() + ")", row == null ? null
                : row.getDouble("value"), text.unit(f.unit()), row == null ? null : row.getDouble("coverage")));
        }
        return new ReportTable("camp", text.get("camp.title"), List.of(Column.text(text.get("col.figure")),
            Column.number(text.get("col.value"), 2, null), Column.text(text.get("col.unit")),
            Column.percent(text.get("col.coverage"))), rows, text.get("camp.note"));
    }

    // ---- days of supply -----------------------------------------------------------------------------------

    private ReportTable supply() {
        Instant from = MonthlyReportStore.from(data.month()).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = MonthlyReportStore.toExclusive(data.month()).plusDays(1).atStartOfDay(ZoneOffset.UTC)
            .toInstant();
        List<List<Object>> rows = new ArrayList<>();
        for (JsonObject r : data.current()) {
            Instant asOf = instant(r.getString("asOf"));
            boolean inMonth = asOf != null && !asOf.isBefore(from) && asOf.isBefore(to);
            String subject = "camp".equals(r.getString("subjectKind")) ? text.get("col.campTotal") + " "
                + r.getString("subjectId") : r.getString("subjectId");
            JsonObject detail = r.getJsonObject("detail");
            rows.add(row(subject, inMonth ? r.getDouble("value") : null, inMonth ? r.getDouble("low") : null,
                inMonth ? r.getDouble("high") : null, inMonth && detail != null && detail.getString("reorder_date")
                    != null ? LocalDate.parse(detail.getString("reorder_date")) : null, asOf,
                inMonth ? r.getDouble("coverage") : null));
        }
        return new ReportTable("supply", text.get("supply.title"), List.of(Column.text(text.get("col.subject")),
            Column.number(text.get("supply.days"), 1, text.unit("d")),
            Column.number(text.get("supply.low"), 1, text.unit("d")),
            Column.number(text.get("supply.high"), 1, text.unit("d")), Column.of(text.get("supply.reorder"), Kind.DATE),
            Column.of(text.get("supply.asOf"), Kind.TIME), Column.percent(text.get("col.coverage"))), rows,
            text.get("supply.note"));
    }

    // ---- daily fuel and every figure ----------------------------------------------------------------------

    /** The camp's fuel per day of the month (null on a day without a figure). */
    List<List<Object>> dailyFuelRows() {
        Map<String, JsonObject> byDay = new LinkedHashMap<>();
        data.daily().forEach(r -> byDay.put(r.getString("day"), r));
        List<List<Object>> rows = new ArrayList<>();
        for (LocalDate d = MonthlyReportStore.from(data.month()); d.isBefore(MonthlyReportStore.toExclusive(
            data.month())); d = d.plusDays(1)) {
            JsonObject r = byDay.get(d.toString());
            rows.add(row(d, r == null ? null : r.getDouble("value"), r == null ? null : r.getDouble("coverage")));
        }
        return rows;
    }

    private ReportTable dailyFuel() {
        return new ReportTable("dailyFuel", text.get("dailyFuel.title"), List.of(
            Column.of(text.get("col.day"), Kind.DATE), Column.number(text.get("consumption.litres"), 1, "L"),
            Column.percent(text.get("col.coverage"))), dailyFuelRows(), text.get("dailyFuel.note"));
    }

    private ReportTable allFigures() {
        List<List<Object>> rows = new ArrayList<>();
        for (JsonObject r : data.monthly()) {
            rows.add(row(subjectKind(r.getString("subjectKind")), r.getString("subjectId"), r.getString("figure"),
                r.getDouble("value"), text.unit(r.getString("unit")), r.getDouble("coverage")));
        }
        return new ReportTable("figures", text.get("figures.title"), List.of(Column.text(text.get("col.subjectKind")),
            Column.text(text.get("col.subject")), Column.text(text.get("col.figure")),
            Column.number(text.get("col.value"), 3, null), Column.text(text.get("col.unit")),
            Column.percent(text.get("col.coverage"))), rows, text.get("figures.note"));
    }

    /** "camp" or "asset" in the report's language. */
    private String subjectKind(String kind) {
        return "camp".equals(kind) ? text.get("col.campTotal") : "asset".equals(kind) ? text.get("subject.asset")
            : kind;
    }

    // ---- reconciliation -----------------------------------------------------------------------------------

    /**
     * One line of the reconciliation: {@code opening + received - consumed - losses - closing = residual}.
     * Any unknown part leaves the residual unknown.
     */
    public record Balance(String line, Double opening, Double received, Double consumed, Double losses,
                          Double closing) {
        public Double residual() {
            if (opening == null || received == null || consumed == null || losses == null || closing == null) {
                return null;
            }
            return opening + received - consumed - losses - closing;
        }

        /** The residual as a share of the litres consumed (the auditor's tolerance is 0.5-1 %). */
        public Double residualShare() {
            Double r = residual();
            return r == null || consumed == null || consumed == 0 ? null : r / consumed;
        }
    }

    /**
     * Per tank group (a bulk tank with the day tanks it fills, whose transfers are internal) and for the camp:
     * stock from the tanks' first and last readings of the month, received = {@code refuel_l}, consumed = the
     * {@code fuel_consumed_l} of the generators drawing from the group plus the refuels of the vehicles fuelled
     * from it, losses = {@code loss_l} (thefts and drains) plus the detected leak's litres of the tanks' daily
     * accounts. Anything undetected stays in the residual.
     */
    public List<Balance> balances() {
        Map<String, List<Stock>> groups = new LinkedHashMap<>();
        for (Stock s : stocks()) {
            groups.computeIfAbsent(root(s.tank()), k -> new ArrayList<>()).add(s);
        }
        List<Balance> out = new ArrayList<>();
        Balance camp = new Balance(text.get("col.campTotal") + " " + data.camp().id(), 0.0, 0.0, 0.0, 0.0, 0.0);
        for (Map.Entry<String, List<Stock>> g : groups.entrySet()) {
            List<Stock> tanks = g.getValue();
            Balance b = new Balance(String.join(" + ", tanks.stream().map(Stock::tank).toList()),
                sum(tanks.stream().map(Stock::opening).toList()), sum(tanks.stream().map(s -> value("asset", s.tank(),
                Figure.REFUEL_L)).toList()), consumedFrom(g.getKey()),
                sum(tanks.stream().map(s -> lossesOf(s.tank())).toList()),
                sum(tanks.stream().map(Stock::closing).toList()));
            out.add(b);
            camp = new Balance(camp.line(), add(camp.opening(), b.opening()), add(camp.received(), b.received()),
                add(camp.consumed(), b.consumed()), add(camp.losses(), b.losses()), add(camp.closing(), b.closing()));
        }
        if (!groups.isEmpty()) {
            out.add(camp);
        }
        return out;
    }

    private ReportTable reconciliation() {
        List<List<Object>> rows = new ArrayList<>();
        for (Balance b : balances()) {
            rows.add(row(b.line(), b.opening(), b.received(), b.consumed(), b.losses(), b.closing(), b.residual(),
                b.residualShare()));
        }
        return new ReportTable("reconciliation", text.get("reconciliation.title"), List.of(
            Column.text(text.get("reconciliation.line")), Column.number(text.get("stock.opening"), 1, "L"),
            Column.number(text.get("reconciliation.received"), 1, "L"),
            Column.number(text.get("reconciliation.consumed"), 1, "L"),
            Column.number(text.get("reconciliation.losses"), 1, "L"), Column.number(text.get("stock.closing"), 1, "L"),
            Column.number(text.get("reconciliation.residual"), 1, "L"),
            Column.percent(text.get("reconciliation.share"))), rows, text.get("reconciliation.note"));
    }

    /** The tank at the top of {@code tank}'s supply chain (a day tank's bulk tank). */
    private String root(String tank) {
        String at = tank;
        for (int hops = 0; hops < 10; hops++) {
            String up = data.supply().get(at);
            if (up == null || !isTank(up)) {
                return at;
            }
            at = up;
        }
        return at;
    }

    private boolean isTank(String id) {
        return assets(AssetKind.FUEL_TANK).stream().anyMatch(a -> a.id().equals(id));
    }

    /** Litres that left the tank group {@code root}: its generators' fuel and its vehicles' refuels. */
    private Double consumedFrom(String root) {
        List<Double> parts = new ArrayList<>();
        for (Registry.Asset g : assets(AssetKind.GENERATOR)) {
            String tank = data.supply().get(g.id());
            if (tank != null && root.equals(root(tank))) {
                parts.add(value("asset", g.id(), Figure.FUEL_CONSUMED_L));
            }
        }
        Instant from = MonthlyReportStore.from(data.month()).atStartOfDay(ZoneOffset.UTC).toInstant();
        for (Registry.Asset v : assets(AssetKind.VEHICLE)) {
            String tank = data.supply().get(v.id());
            if (tank != null && root.equals(root(tank))) {
                data.events().stream().filter(e -> EventKind.REFUEL.id().equals(e.getString("kind"))
                    && v.id().equals(e.getString("asset")) && !instant(e.getString("start")).isBefore(from))
                    .forEach(e -> parts.add(e.getDouble("quantity")));
            }
        }
        return sum(parts);
    }

    private static Double sum(List<Double> parts) {
        return parts.stream().anyMatch(Objects::isNull) ? null : parts.stream().mapToDouble(Double::doubleValue).sum();
    }

    private static Double add(Double a, Double b) {
        return a == null || b == null ? null : a + b;
    }

    private static List<Object> row(Object... cells) {
        return java.util.Arrays.asList(cells);
    }
}
