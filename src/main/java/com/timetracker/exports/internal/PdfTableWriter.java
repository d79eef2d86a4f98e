package com.timetracker.exports.internal;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

/**
 * A4 with 30 pt margins (landscape from 7 columns on), the title in indigo, the notes under it, then the
 * table with its header repeated on every page. The table is handed to the document every
 * {@link #FLUSH_ROWS} rows: OpenPDF then lays out the finished pages, writes them to the stream and
 * drops their rows, so memory holds at most a page or two of rows.
 */
public final class PdfTableWriter extends StreamingTableWriter {

    static final int FLUSH_ROWS = 50;
    private static final Color INDIGO = new Color(0x4F, 0x46, 0xE5);
    private static final Color GRID = new Color(0xBB, 0xBB, 0xBB);
    private static final Font TITLE = new Font(Font.HELVETICA, 18, Font.BOLD, INDIGO);
    private static final Font NOTE = new Font(Font.HELVETICA, 10, Font.NORMAL, Color.DARK_GRAY);
    private static final Font HEADER = new Font(Font.HELVETICA, 9, Font.BOLD, Color.WHITE);
    private static final Font BODY = new Font(Font.HELVETICA, 8, Font.NORMAL);
    private static final Font TOTALS = new Font(Font.HELVETICA, 8, Font.BOLD);

    private final OutputStream out;
    private final String title;
    private final List<String> notes;
    private Document document;
    private PdfWriter writer;
    private PdfPTable table;
    private boolean started;
    private int pending;

    public PdfTableWriter(OutputStream out, String title, List<String> notes) {
        this.out = out;
        this.title = title == null ? "" : title;
        this.notes = List.copyOf(notes);
    }

    @Override
    protected void writeHeader(List<String> names) throws IOException {
        document = new Document(names.size() > 6 ? PageSize.A4.rotate() : PageSize.A4, 30, 30, 30, 30);
        writer = PdfWriter.getInstance(document, out);
        writer.setCloseStream(false);
        document.addTitle(title);
        document.open();
        add(new Paragraph(title, TITLE));
        for (String note : notes) {
            add(new Paragraph(note, NOTE));
        }
        table = new PdfPTable(names.size());
        table.setTotalWidth(document.right() - document.left());
        table.setLockedWidth(true);
        table.setSpacingBefore(10);
        if (widths != null && widths.length == names.size()) {
            try {
                table.setWidths(widths);
            } catch (DocumentException e) {
                throw new IllegalArgumentException(e);
            }
        }
        table.setHeaderRows(1);
        table.setComplete(false);
        for (String name : names) {
            PdfPCell cell = cell(name, HEADER);
            cell.setBackgroundColor(INDIGO);
            cell.setHorizontalAlignment(Element.ALIGN_CENTER);
            table.addCell(cell);
        }
    }

    @Override
    protected void writeRow(List<?> values) {
        cells(values, BODY);
        if (++pending >= FLUSH_ROWS) {
            flush();
            pending = 0;
        }
    }

    @Override
    protected void writeTotals(List<?> values) {
        cells(values, TOTALS);
    }

    private void cells(List<?> values, Font font) {
        for (Object value : values) {
            PdfPCell cell = cell(Cells.raw(value), font);
            if (Cells.isNumber(value)) {
                cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
            }
            table.addCell(cell);
        }
    }

    private static PdfPCell cell(String text, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setBorderColor(GRID);
        cell.setBorder(Rectangle.BOX);
        cell.setPadding(3);
        return cell;
    }

    /**
     * Hands the rows so far to the document. After the first hand-over OpenPDF skips the header at the
     * start of the next part, which is right when the part continues a page but not when it starts one
     * (the page before was full, or its first row will not fit): then the header is printed.
     */
    private void flush() {
        if (started && table.size() > table.getHeaderRows()) {
            float position = writer.getVerticalPosition(true);
            boolean freshPage = position >= document.top();
            if (!freshPage && position - document.bottom() < table.getRowHeight(table.getHeaderRows())) {
                document.newPage();
                freshPage = true;
            }
            table.setSkipFirstHeader(!freshPage);
        }
        add(table);
        if (!started) {
            started = true;
            table.setSpacingBefore(0);
        }
    }

    private void add(Element element) {
        try {
            document.add(element);
        } catch (DocumentException e) {
            throw new IllegalStateException("PDF layout failed", e);
        }
    }

    @Override
    protected void finish(boolean headed) throws IOException {
        if (!headed) {
            writeHeader(List.of(""));
        }
        table.setComplete(true);
        flush();
        document.close();
        out.flush();
    }
}
