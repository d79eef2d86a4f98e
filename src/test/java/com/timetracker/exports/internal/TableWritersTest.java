package com.timetracker.exports.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.timetracker.exports.ExportFormat;
import com.timetracker.exports.TableExports;
import com.timetracker.exports.TableWriter;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The three formats written and read back: formula guard, numbers that stay numbers, totals, streaming. */
class TableWritersTest {

    private static final List<String> HEADER = List.of("Name", "Note", "Amount");

    /** One row of each kind of dangerous or tricky cell. */
    private static void sample(TableWriter writer) throws IOException {
        try (writer) {
            writer.header(HEADER);
            writer.row("=HYPERLINK(\"http://evil\",\"x\")", "+1+2", new BigDecimal("-12.50"));
            writer.row("-5", "@SUM(A1:A2)", -3L);
            writer.row("\tTabbed", "\rReturn", 0.25);
            writer.row("Plain, with comma", null, 7);
            writer.row("A \"quote\"", "multi\nline", new BigDecimal("1000000.00"));
            writer.totals("Total:", "", new BigDecimal("985.75"));
        }
    }

    @Test
    void csvNeutralisesFormulasKeepsNumbersAndEndsWithTheTotals() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        sample(TableExports.open(ExportFormat.CSV, out, "ignored"));

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(
                "Name,Note,Amount\r\n"
                        + "\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",'+1+2,-12.50\r\n"
                        + "'-5,'@SUM(A1:A2),-3\r\n"
                        + "'\tTabbed,\"'\rReturn\",0.25\r\n"
                        + "\"Plain, with comma\",,7\r\n"
                        + "\"A \"\"quote\"\"\",\"multi\nline\",1000000.00\r\n"
                        + "Total:,,985.75\r\n");
    }

    @Test
    void csvIsUtf8WithoutBom() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TableWriter writer = TableExports.open(ExportFormat.CSV, out, "t")) {
            writer.header("Projekt").row("Überstunden – 東京");
        }
        byte[] bytes = out.toByteArray();
        assertThat(bytes[0]).isEqualTo((byte) 'P');
        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("Projekt\r\nÜberstunden – 東京\r\n");
    }

    @Test
    void xlsxHasTextAndNumericCellsAndABoldTotalsRow() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        sample(TableExports.open(ExportFormat.XLSX, out, "Time Entries"));

        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            XSSFSheet sheet = book.getSheetAt(0);
            assertThat(book.getSheetName(0)).isEqualTo("Time Entries");
            assertThat(sheet.getLastRowNum()).isEqualTo(6);
            assertThat(texts(sheet.getRow(0))).containsExactly("Name", "Note", "Amount");
            XSSFCellStyle headerStyle = sheet.getRow(0).getCell(0).getCellStyle();
            assertThat(headerStyle.getFont().getBold()).isTrue();
            assertThat(headerStyle.getFillForegroundColorColor().getARGBHex()).isEqualTo("FF4F46E5");

            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("'=HYPERLINK(\"http://evil\",\"x\")");
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("'+1+2");
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("'-5");
            assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).isEqualTo("'@SUM(A1:A2)");
            assertThat(sheet.getRow(3).getCell(0).getStringCellValue()).isEqualTo("'\tTabbed");
            assertThat(sheet.getRow(3).getCell(1).getStringCellValue()).isEqualTo("'\rReturn");
            for (int r = 1; r <= 6; r++) {
                assertThat(sheet.getRow(r).getCell(0).getCellType()).isEqualTo(CellType.STRING);
                assertThat(sheet.getRow(r).getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
            }
            assertThat(sheet.getRow(1).getCell(2).getNumericCellValue()).isEqualTo(-12.5);
            assertThat(sheet.getRow(2).getCell(2).getNumericCellValue()).isEqualTo(-3.0);
            assertThat(sheet.getRow(3).getCell(2).getNumericCellValue()).isEqualTo(0.25);
            assertThat((Object) sheet.getRow(4).getCell(1)).isNull();
            assertThat(new DataFormatter().formatCellValue(sheet.getRow(1).getCell(2))).isEqualTo("-12.50");

            Row totals = sheet.getRow(6);
            assertThat(totals.getCell(0).getStringCellValue()).isEqualTo("Total:");
            assertThat(totals.getCell(2).getNumericCellValue()).isEqualTo(985.75);
            assertThat(book.getFontAt(totals.getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(book.getFontAt(totals.getCell(2).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(sheet.getColumnWidth(0)).as("longest text + 2").isEqualTo(32 * 256);
            assertThat(sheet.getColumnWidth(2)).isEqualTo(12 * 256);
        }
    }

    @Test
    void xlsxKeepsOnlyASmallWindowOfRowsInMemory() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XlsxTableWriter writer = new XlsxTableWriter(out, "Big");
        writer.header("n", "text");
        int rows = 20_000;
        assertThat(writer.sheet().getLastFlushedRowNum()).isEqualTo(-1);
        for (int i = 0; i < rows; i++) {
            writer.row(i, "row " + i);
            int newest = i + 1;
            assertThat(newest - writer.sheet().getLastFlushedRowNum()).as("rows held in memory").isLessThanOrEqualTo(XlsxTableWriter.WINDOW + 1);
        }
        assertThat((Object) writer.sheet().getRow(0)).as("the header was flushed to disk").isNull();
        writer.totals(rows, "all");
        writer.close();

        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            XSSFSheet sheet = book.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(rows + 1);
            assertThat(sheet.getRow(12_346).getCell(0).getNumericCellValue()).isEqualTo(12_345.0);
            assertThat(sheet.getRow(12_346).getCell(1).getStringCellValue()).isEqualTo("row 12345");
            assertThat(sheet.getRow(rows + 1).getCell(1).getStringCellValue()).isEqualTo("all");
        }
    }

    @Test
    void csvWritesThroughWithoutHoldingRows() throws IOException {
        CountingStream out = new CountingStream();
        try (TableWriter writer = TableExports.open(ExportFormat.CSV, out, "t")) {
            writer.header("n", "text");
            for (int i = 0; i < 20_000; i++) {
                writer.row(i, "a row of some length to fill the buffer " + i);
            }
            assertThat(out.count).as("bytes already handed on before close").isGreaterThan(900_000);
        }
    }

    @Test
    void pdfReadsBackWithTitleNotesHeaderOnEveryPageAndTotals() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TableWriter writer = TableExports.open(ExportFormat.PDF, out, "Time Tracking Report", "Period: 2026-01-01 to 2026-01-31")) {
            writer.widths(10, 30, 8).header(HEADER);
            for (int i = 1; i <= 300; i++) {
                writer.row("Person " + i, "=not a formula here", new BigDecimal("-1.50"));
            }
            writer.totals("Total:", "", new BigDecimal("-450.00"));
        }
        try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
            assertThat(pdf.getNumberOfPages()).isGreaterThan(3);
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).startsWith("Time Tracking Report").contains("Period: 2026-01-01 to 2026-01-31")
                    .contains("Person 1 =not a formula here -1.50").contains("Person 300 =not a formula here -1.50")
                    .contains("Total: -450.00");
            assertThat(text.split("Name Note Amount", -1)).hasSize(pdf.getNumberOfPages() + 1);
            PDFTextStripper lastPage = new PDFTextStripper();
            lastPage.setStartPage(pdf.getNumberOfPages());
            assertThat(lastPage.getText(pdf).strip()).endsWith("Total: -450.00");
        }
    }

    @Test
    void everyFormatWritesAnEmptyTable() throws IOException {
        for (ExportFormat format : ExportFormat.values()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (TableWriter writer = TableExports.open(format, out, "Empty")) {
                writer.header(HEADER).totals("Total:", "", 0);
                assertThat(writer.rowCount()).isZero();
            }
            assertThat(out.size()).as(format.name()).isPositive();
        }
    }

    @Test
    void rowsMustMatchTheHeaderAndComeInOrder() {
        TableWriter writer = TableExports.open(ExportFormat.CSV, new ByteArrayOutputStream(), "t");
        assertThatThrownBy(() -> writer.row("too early")).isInstanceOf(IllegalStateException.class);
        writer.header("a", "b");
        assertThatThrownBy(() -> writer.row("only one")).isInstanceOf(IllegalArgumentException.class);
        writer.totals(1, 2);
        assertThatThrownBy(() -> writer.row(3, 4)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theUnderlyingStreamStaysOpen() throws IOException {
        for (ExportFormat format : ExportFormat.values()) {
            CountingStream out = new CountingStream();
            try (TableWriter writer = TableExports.open(format, out, "t")) {
                writer.header("a").row(1);
            }
            assertThat(out.closed).as(format.name()).isFalse();
        }
    }

    private static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        for (Cell cell : row) {
            texts.add(cell.getStringCellValue());
        }
        return texts;
    }

    private static final class CountingStream extends OutputStream {
        long count;
        boolean closed;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
