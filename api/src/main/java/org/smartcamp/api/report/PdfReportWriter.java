package org.smartcamp.api.report;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Writes the monthly report as PDF with Apache PDFBox: A4 pages, the tables of {@link MonthlyReport}, and two
 * charts drawn with PDFBox's own lines and rectangles (the camp's fuel per day; the hours each generator spent in
 * each load-factor band), each followed by its table with the same numbers.
 */
public final class PdfReportWriter {
    private static final float MARGIN = 40;
    private static final float LINE = 11;
    private static final float SIZE = 8;
    private static final Color[] BAND_COLOURS = {new Color(0xB2, 0x18, 0x2B), new Color(0xEF, 0x8A, 0x62),
        new Color(0x1A, 0x98, 0x50), new Color(0x67, 0xA9, 0xCF), new Color(0x21, 0x66, 0xAC)};

    private final PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private PDDocument doc;
    private PDPageContentStream page;
    private float y;

    /** Writes {@code report} to {@code out}. */
    public void write(MonthlyReport report, Instant generatedAt, OutputStream out) throws IOException {
        try (PDDocument document = new PDDocument()) {
            doc = document;
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(safe(report.title()));
            info.setCreator("SmartCamp");
            newPage();
            text(bold, 14, MARGIN, report.title());
            y -= 8;
            for (String line : report.preamble(generatedAt)) {
                paragraph(line);
            }
            for (ReportTable t : report.tables()) {
                if ("dailyFuel".equals(t.id())) {
                    dailyChart(report, t);
                } else if ("bands".equals(t.id())) {
                    bandChart(report, t);
                }
                table(report.text(), t);
            }
            page.close();
            doc.save(out);
        }
    }

    private void newPage() throws IOException {
        if (page != null) {
            page.close();
        }
        PDPage p = new PDPage(PDRectangle.A4);
        doc.addPage(p);
        page = new PDPageContentStream(doc, p);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    private float width() {
        return PDRectangle.A4.getWidth() - 2 * MARGIN;
    }

    private void need(float height) throws IOException {
        if (y - height < MARGIN) {
            newPage();
        }
    }

    private void text(PDFont font, float size, float x, String s) throws IOException {
        page.beginText();
        page.setFont(font, size);
        page.newLineAtOffset(x, y);
        page.showText(safe(s, font));
        page.endText();
        y -= size + 4;
    }

    private void paragraph(String s) throws IOException {
        for (String line : wrap(s, regular, SIZE + 1, width())) {
            need(LINE);
            text(regular, SIZE + 1, MARGIN, line);
        }
    }

    private void table(ReportText text, ReportTable t) throws IOException {
        need(LINE * 4);
        y -= 6;
        text(bold, 11, MARGIN, t.title());
        float[] widths = widths(text, t);
        row(t.columns().stream().map(ReportTable.Column::header).toList(), widths, bold, t);
        for (List<Object> r : t.rows()) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < r.size(); i++) {
                cells.add(CellText.of(text, t.columns().get(i), r.get(i)));
            }
            row(cells, widths, regular, t);
        }
        if (t.rows().isEmpty()) {
            paragraph(text.get("table.empty"));
        }
        if (t.note() != null) {
            paragraph(t.note());
        }
    }

    /** Column widths: each column's widest header word or cell, scaled to the page. */
    private float[] widths(ReportText text, ReportTable t) throws IOException {
        float[] w = new float[t.columns().size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = 30;
            for (List<Object> r : t.rows()) {
                w[i] = Math.max(w[i], Math.min(220, width(regular, CellText.of(text, t.columns().get(i), r.get(i)))
                    + 6));
            }
            for (String word : t.columns().get(i).header().split(" ")) {
                w[i] = Math.max(w[i], width(bold, word) + 6);
            }
        }
        float total = 0;
        for (float f : w) {
            total += f;
        }
        for (int i = 0; i < w.length; i++) {
            w[i] = w[i] * width() / total;
        }
        return w;
    }

    private void row(List<String> cells, float[] widths, PDFont font, ReportTable t) throws IOException {
        List<List<String>> lines = new ArrayList<>();
        int height = 1;
        for (int i = 0; i < cells.size(); i++) {
            List<String> l = wrap(cells.get(i), font, SIZE, widths[i] - 4);
            lines.add(l);
            height = Math.max(height, l.size());
        }
        need(height * LINE + 2);
        float top = y;
        for (int k = 0; k < height; k++) {
            float x = MARGIN;
            for (int i = 0; i < cells.size(); i++) {
                if (k < lines.get(i).size()) {
                    String s = lines.get(i).get(k);
                    boolean right = t.columns().get(i).kind() == ReportTable.Kind.NUMBER
                        || t.columns().get(i).kind() == ReportTable.Kind.PERCENT;
                    float at = right && font == regular ? x + widths[i] - 2 - width(font, s) : x + 2;
                    page.beginText();
                    page.setFont(font, SIZE);
                    page.newLineAtOffset(at, y);
                    page.showText(safe(s, font));
                    page.endText();
                }
                x += widths[i];
            }
            y -= LINE;
        }
        page.setStrokingColor(Color.LIGHT_GRAY);
        page.moveTo(MARGIN, y + LINE - 3);
        page.lineTo(MARGIN + width(), y + LINE - 3);
        page.stroke();
        page.setStrokingColor(Color.BLACK);
        if (top - y < LINE) {
            y = top - LINE;
        }
    }

    /** Bars of the camp's litres per day, with the axis' maximum written. */
    private void dailyChart(MonthlyReport report, ReportTable t) throws IOException {
        float height = 140;
        need(height + 40);
        y -= 6;
        text(bold, 11, MARGIN, report.text().get("chart.dailyFuel"));
        List<List<Object>> rows = t.rows();
        double max = rows.stream().map(r -> (Double) r.get(1)).filter(v -> v != null).mapToDouble(v -> v).max()
            .orElse(0);
        float bottom = y - height;
        float barWidth = width() / Math.max(1, rows.size());
        page.setStrokingColor(Color.DARK_GRAY);
        page.moveTo(MARGIN, bottom);
        page.lineTo(MARGIN + width(), bottom);
        page.stroke();
        page.setNonStrokingColor(new Color(0x21, 0x66, 0xAC));
        for (int i = 0; i < rows.size(); i++) {
            Double v = (Double) rows.get(i).get(1);
            if (v != null && max > 0) {
                page.addRect(MARGIN + i * barWidth + 1, bottom, barWidth - 2, (float) (v / max * (height - 10)));
                page.fill();
            }
        }
        page.setNonStrokingColor(Color.BLACK);
        y = bottom - 10;
        text(regular, SIZE, MARGIN, report.text().get("chart.dailyFuel.axis", report.text().quantity(max, 1, "L"),
            rows.size()));
    }

    /** One horizontal bar per generator, split into the hours of each load-factor band. */
    private void bandChart(MonthlyReport report, ReportTable t) throws IOException {
        float bar = 14;
        need(40 + bar * (t.rows().size() + 2));
        y -= 6;
        text(bold, 11, MARGIN, report.text().get("chart.bands"));
        double max = 0;
        for (List<Object> r : t.rows()) {
            max = Math.max(max, r.subList(1, r.size()).stream().filter(v -> v != null).mapToDouble(v -> (Double) v)
                .sum());
        }
        float label = 110;
        for (List<Object> r : t.rows()) {
            text(regular, SIZE, MARGIN, (String) r.get(0));
            float x = MARGIN + label;
            for (int b = 1; b < r.size(); b++) {
                Double v = (Double) r.get(b);
                if (v != null && max > 0) {
                    float w = (float) (v / max * (width() - label));
                    page.setNonStrokingColor(BAND_COLOURS[(b - 1) % BAND_COLOURS.length]);
                    page.addRect(x, y + 12 - bar + 2, w, bar - 4);
                    page.fill();
                    x += w;
                }
            }
            page.setNonStrokingColor(Color.BLACK);
        }
        float x = MARGIN;
        for (int b = 1; b < t.columns().size(); b++) {
            String name = t.columns().get(b).header();
            if (x > MARGIN && x + 14 + width(regular, name) > MARGIN + width()) {
                x = MARGIN;
                y -= LINE;
            }
            page.setNonStrokingColor(BAND_COLOURS[(b - 1) % BAND_COLOURS.length]);
            page.addRect(x, y, 8, 8);
            page.fill();
            page.setNonStrokingColor(Color.BLACK);
            page.beginText();
            page.setFont(regular, SIZE);
            page.newLineAtOffset(x + 10, y + 1);
            page.showText(safe(name, regular));
            page.endText();
            x += 14 + width(regular, name);
        }
        y -= LINE + 4;
    }

    private List<String> wrap(String s, PDFont font, float size, float max) throws IOException {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : s.split(" ")) {
            String next = line.isEmpty() ? word : line + " " + word;
            if (font.getStringWidth(safe(next, font)) / 1000 * size > max && !line.isEmpty()) {
                out.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(next);
            }
        }
        out.add(line.toString());
        return out;
    }

    private float width(PDFont font, String s) throws IOException {
        return font.getStringWidth(safe(s, font)) / 1000 * SIZE;
    }

    private String safe(String s) {
        return safe(s, regular);
    }

    /** What is shown for a character the base font lacks: the digit of a subscript (CO₂), a space, or '?'. */
    private static String fallback(int cp) {
        if (cp >= 0x2080 && cp <= 0x2089) {
            return String.valueOf((char) ('0' + cp - 0x2080));
        }
        return cp == 0x202F || cp == 0x2009 ? "\u00a0" : "?";
    }

    /** {@code s} with every character the base font cannot show replaced ({@link #fallback}; names may hold any). */
    static String safe(String s, PDFont font) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            String c = new String(Character.toChars(cp));
            try {
                font.encode(c);
                out.append(c);
            } catch (IOException | IllegalArgumentException e) {
                out.append(fallback(cp));
            }
        });
        return out.toString();
    }
}
