package org.smartcamp.api.report;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the monthly report as an XLSX workbook with Apache POI: a first sheet with the title and what the report
 * rests on, then one sheet per table of {@link MonthlyReport}, headers in the report's language. Numbers are
 * numeric cells (the spreadsheet shows them in its reader's locale), ratios are percentages, times UTC date cells.
 */
public final class XlsxReportWriter {

    /** Writes {@code report} to {@code out}. */
    public void write(MonthlyReport report, Instant generatedAt, OutputStream out) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Styles styles = new Styles(wb);
            Sheet about = wb.createSheet(WorkbookUtil.createSafeSheetName(report.text().get("sheet.about")));
            int r = 0;
            cell(about.createRow(r++), 0, report.title(), styles.header);
            for (String line : report.preamble(generatedAt)) {
                cell(about.createRow(r++), 0, line, null);
            }
            about.setColumnWidth(0, 120 * 256);
            for (ReportTable t : report.tables()) {
                table(wb, styles, t);
            }
            wb.write(out);
        }
    }

    private static void table(XSSFWorkbook wb, Styles styles, ReportTable t) {
        Sheet sheet = wb.createSheet(WorkbookUtil.createSafeSheetName(t.id()));
        Row head = sheet.createRow(0);
        for (int i = 0; i < t.columns().size(); i++) {
            ReportTable.Column c = t.columns().get(i);
            cell(head, i, c.unit() == null || c.kind() != ReportTable.Kind.NUMBER ? c.header()
                : c.header() + " (" + c.unit() + ")", styles.header);
        }
        int r = 1;
        for (List<Object> values : t.rows()) {
            Row row = sheet.createRow(r++);
            for (int i = 0; i < values.size(); i++) {
                write(row, i, t.columns().get(i), values.get(i), styles);
            }
        }
        if (t.note() != null) {
            cell(sheet.createRow(r + 1), 0, t.note(), null);
        }
        sheet.createFreezePane(0, 1);
        for (int i = 0; i < t.columns().size(); i++) {
            sheet.setColumnWidth(i, Math.min(60, Math.max(12, t.columns().get(i).header().length() + 4)) * 256);
        }
    }

    private static void write(Row row, int i, ReportTable.Column c, Object v, Styles styles) {
        if (v == null) {
            return;
        }
        Cell cell = row.createCell(i);
        switch (c.kind()) {
            case NUMBER -> {
                cell.setCellValue((Double) v);
                cell.setCellStyle(c.decimals() == 0 ? styles.whole : styles.decimals.get(Math.min(3, c.decimals())));
            }
            case PERCENT -> {
                cell.setCellValue((Double) v);
                cell.setCellStyle(styles.percent);
            }
            case ID -> cell.setCellValue(((Number) v).doubleValue());
            case TIME -> {
                cell.setCellValue(((Instant) v).atOffset(ZoneOffset.UTC).toLocalDateTime());
                cell.setCellStyle(styles.time);
            }
            case DATE -> {
                cell.setCellValue((LocalDate) v);
                cell.setCellStyle(styles.date);
            }
            default -> cell.setCellValue(v.toString());
        }
    }

    private static void cell(Row row, int i, String value, CellStyle style) {
        Cell c = row.createCell(i);
        c.setCellValue(value);
        if (style != null) {
            c.setCellStyle(style);
        }
    }

    /** The workbook's cell styles, created once (a workbook holds at most 64,000). */
    private static final class Styles {
        final CellStyle header;
        final CellStyle whole;
        final Map<Integer, CellStyle> decimals = new java.util.HashMap<>();
        final CellStyle percent;
        final CellStyle time;
        final CellStyle date;

        Styles(XSSFWorkbook wb) {
            header = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            header.setFont(font);
            header.setWrapText(true);
            whole = format(wb, "#,##0");
            for (int d = 1; d <= 3; d++) {
                decimals.put(d, format(wb, "#,##0." + "0".repeat(d)));
            }
            percent = format(wb, "0.0%");
            time = format(wb, "yyyy-mm-dd hh:mm");
            date = format(wb, "yyyy-mm-dd");
        }

        private static CellStyle format(XSSFWorkbook wb, String code) {
            CellStyle s = wb.createCellStyle();
            s.setDataFormat(wb.createDataFormat().getFormat(code));
            return s;
        }
    }
}
