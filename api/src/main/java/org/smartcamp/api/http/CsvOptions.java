package org.smartcamp.api.http;

import java.util.List;
import java.util.Set;

/**
 * How a CSV export is written: RFC 4180 by default (comma, CRLF, UTF-8 without a byte order mark, decimal point),
 * or for spreadsheets: {@code sep=;} (or a tab), {@code bom=true}, or {@code profile=excel}, which is what
 * French-locale Excel opens by double-click: semicolons (its list separator), a UTF-8 byte order mark (without it
 * Excel reads the file as Windows-1252), CRLF and a decimal comma (it reads {@code 1234.5} as text or a date).
 *
 * @param separator    the field separator: comma, semicolon or tab
 * @param bom          whether the file starts with a UTF-8 byte order mark (EF BB BF)
 * @param decimalComma whether numbers are written with a decimal comma ({@code profile=excel})
 */
public record CsvOptions(char separator, boolean bom, boolean decimalComma) {
    /** The query parameters of CSV exports, known on every route that takes {@code format}. */
    public static final List<String> PARAMS = List.of("sep", "bom", "profile");
    /** RFC 4180. */
    public static final CsvOptions RFC_4180 = new CsvOptions(',', false, false);
    /** French-locale Excel. */
    public static final CsvOptions EXCEL = new CsvOptions(';', true, true);

    /**
     * The options of this request.
     *
     * @throws ApiException 400 naming the parameter: a separator other than {@code , ; tab}, a {@code bom} other
     *     than true/false, an unknown profile, or {@code profile=excel} with {@code sep=,} (a decimal comma needs
     *     another separator)
     */
    public static CsvOptions of(Params p) {
        String profile = p.choice("profile", Set.of("rfc4180", "excel"), "rfc4180");
        CsvOptions base = "excel".equals(profile) ? EXCEL : RFC_4180;
        char sep = separator(p.raw("sep"), base.separator());
        boolean bom = Boolean.parseBoolean(p.choice("bom", Set.of("true", "false"), Boolean.toString(base.bom())));
        if (base.decimalComma() && sep == ',') {
            throw ApiException.badParameter("sep", "cannot be ',' with profile=excel, which writes decimal commas; "
                + "use ';' or a tab, or leave sep out");
        }
        return new CsvOptions(sep, bom, base.decimalComma());
    }

    /** The first CSV option given, or null (they are refused on answers that are not CSV). */
    public static String given(Params p) {
        return PARAMS.stream().filter(n -> p.raw(n) != null).findFirst().orElse(null);
    }

    private static char separator(String v, char fallback) {
        if (v == null) {
            return fallback;
        }
        if ("tab".equals(v)) {
            return '\t';
        }
        if (v.length() == 1 && ",;\t".indexOf(v.charAt(0)) >= 0) {
            return v.charAt(0);
        }
        throw ApiException.badParameter("sep", "must be ',' ';' or a tab (%09, or the word tab); got '"
            + Params.shorten(v) + "'");
    }
}
