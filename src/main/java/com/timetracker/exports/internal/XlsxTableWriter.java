package com.timetracker.exports.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.io.output.CloseShieldOutputStream;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;

/**
 * One sheet written with POI's streaming SXSSF: only {@link #WINDOW} rows stay in memory, the rest go
 * to a gzip-compressed temporary file, strings are inline (no shared-strings table growing with the
 * rows). The header is bold white on indigo as in V1, frozen; the totals row is bold.
 */
public final class XlsxTableWriter extends StreamingTableWriter {

    /** Rows kept in memory before they are flushed to the temporary file. */
    static final int WINDOW = 100;
    private static final int MAX_WIDTH = 50;
    private static final byte[] INDIGO = {(byte) 0x4F, (byte) 0x46, (byte) 0xE5};

    private final OutputStream out;
    private final SXSSFWorkbook workbook;
    private final SXSSFSheet sheet;
    private final CellStyle headerStyle;
    private final CellStyle totalsStyle;
    private final Map<Integer, CellStyle> decimalStyles = new HashMap<>();
    private int[] longest;
    private int next;

    public XlsxTableWriter(OutputStream out, String title) {
        this.out = out;
        this.workbook = new SXSSFWorkbook(null, WINDOW, true, false);
        this.sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(title == null || title.isBlank() ? "Export" : title));
        XSSFFont bold = (XSSFFont) workbook.createFont();
        bold.setBold(true);
        XSSFFont white = (XSSFFont) workbook.createFont();
        white.setBold(true);
        white.setColor(new XSSFColor(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF}));
        XSSFCellStyle header = (XSSFCellStyle) workbook.createCellStyle();
        header.setFont(white);
        header.setFillForegroundColor(new XSSFColor(INDIGO));
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setAlignment(HorizontalAlignment.CENTER);
        header.setBorderTop(BorderStyle.THIN);
        header.setBorderBottom(BorderStyle.THIN);
        header.setBorderLeft(BorderStyle.THIN);
        header.setBorderRight(BorderStyle.THIN);
        this.headerStyle = header;
        this.totalsStyle = workbook.createCellStyle();
        totalsStyle.setFont(bold);
    }

    /** The sheet, for tests that check how many rows are still held in memory. */
    SXSSFSheet sheet() {
        return sheet;
    }

    @Override
    protected void writeHeader(List<String> names) {
        longest = new int[names.size()];
        Row row = sheet.createRow(next++);
        for (int i = 0; i < names.size(); i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(Cells.text(names.get(i)));
            cell.setCellStyle(headerStyle);
            measure(i, names.get(i) == null ? 0 : names.get(i).length());
        }
        sheet.createFreezePane(0, 1);
    }

    @Override
    protected void writeRow(List<?> values) {
        write(values, null);
    }

    @Override
    protected void writeTotals(List<?> values) {
        write(values, totalsStyle);
    }

    private void write(List<?> values, CellStyle style) {
        Row row = sheet.createRow(next++);
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            if (value == null) {
                continue;
            }
            Cell cell = row.createCell(i);
            if (Cells.isNumber(value)) {
                cell.setCellValue(((Number) value).doubleValue());
                CellStyle decimals = value instanceof BigDecimal d && d.scale() > 0 ? decimalStyle(d.scale(), style) : null;
                if (decimals != null) {
                    cell.setCellStyle(decimals);
                } else if (style != null) {
                    cell.setCellStyle(style);
                }
                measure(i, Cells.plain((Number) value).length());
            } else {
                String text = Cells.text(value);
                cell.setCellValue(text);
                if (style != null) {
                    cell.setCellStyle(style);
                }
                measure(i, text.length());
            }
        }
    }

    /** BigDecimals keep their decimals on screen (2.50 shows as 2.50, not 2.5). */
    private CellStyle decimalStyle(int scale, CellStyle base) {
        int key = base == null ? scale : -scale;
        return decimalStyles.computeIfAbsent(key, k -> {
            CellStyle style = workbook.createCellStyle();
            if (base != null) {
                style.cloneStyleFrom(base);
            }
            style.setDataFormat(workbook.createDataFormat().getFormat("0." + "0".repeat(Math.min(scale, 10))));
            return style;
        });
    }

    private void measure(int column, int length) {
        longest[column] = Math.max(longest[column], length);
    }

    @Override
    protected void finish(boolean headed) throws IOException {
        try {
            if (headed) {
                for (int i = 0; i < longest.length; i++) {
                    int chars = widths != null && i < widths.length ? widths[i] : Math.min(MAX_WIDTH, longest[i] + 2);
                    sheet.setColumnWidth(i, Math.max(4, chars) * 256);
                }
            }
            workbook.write(CloseShieldOutputStream.wrap(out));
            out.flush();
        } finally {
            workbook.dispose();
            workbook.close();
        }
    }
}
