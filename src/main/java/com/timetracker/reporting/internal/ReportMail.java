package com.timetracker.reporting.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.timetracker.exports.ExportFile;
import com.timetracker.exports.ExportFormat;
import com.timetracker.exports.TableExports;
import com.timetracker.mail.OutgoingMail;

import org.springframework.web.util.HtmlUtils;

/** A scheduled report as mail: the table as text and HTML, and as a CSV or XLSX attachment written by the exports module. */
final class ReportMail {

    private ReportMail() {
    }

    static List<OutgoingMail> render(String reportName, ReportTable table, ExportFormat format, List<String> recipients) {
        String subject = "TimeTracker report: " + reportName.replaceAll("[\\r\\n]+", " ") + " (" + table.period() + ")";
        OutgoingMail.Attachment attachment = new OutgoingMail.Attachment(
                ExportFile.of(reportName.isBlank() ? "report" : reportName, table.first(), table.last(), format).fileName(), format.mediaType().toString(), file(table, format));
        List<OutgoingMail> mails = new ArrayList<>();
        for (String to : recipients) {
            mails.add(new OutgoingMail(to, subject, text(table), html(reportName, table), null, List.of(attachment)));
        }
        return mails;
    }

    static byte[] file(ReportTable table, ExportFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            TableExports.open(format, out, table.title(), "Period: " + table.period()).write(writer -> {
                writer.header(table.columns());
                for (List<Object> row : table.rows()) {
                    writer.row(row);
                }
                writer.totals(table.totals());
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static String text(ReportTable table) {
        StringBuilder text = new StringBuilder(table.title()).append('\n').append("Period: ").append(table.period()).append("\n\n");
        text.append(String.join("\t", table.columns())).append('\n');
        for (List<Object> row : table.rows()) {
            text.append(String.join("\t", row.stream().map(String::valueOf).toList())).append('\n');
        }
        text.append(String.join("\t", table.totals().stream().map(String::valueOf).toList())).append('\n');
        return text.toString();
    }

    static String html(String reportName, ReportTable table) {
        StringBuilder html = new StringBuilder("<html><body style=\"font-family:sans-serif\">");
        html.append("<h2>").append(HtmlUtils.htmlEscape(reportName)).append("</h2>");
        html.append("<p>").append(HtmlUtils.htmlEscape(table.title())).append(" &mdash; ").append(HtmlUtils.htmlEscape(table.period())).append("</p>");
        html.append("<table border=\"1\" cellpadding=\"4\" cellspacing=\"0\"><thead><tr>");
        table.columns().forEach(c -> html.append("<th>").append(HtmlUtils.htmlEscape(c)).append("</th>"));
        html.append("</tr></thead><tbody>");
        for (List<Object> row : table.rows()) {
            html.append("<tr>");
            row.forEach(v -> html.append("<td>").append(HtmlUtils.htmlEscape(String.valueOf(v))).append("</td>"));
            html.append("</tr>");
        }
        html.append("</tbody><tfoot><tr>");
        table.totals().forEach(v -> html.append("<th>").append(HtmlUtils.htmlEscape(String.valueOf(v))).append("</th>"));
        html.append("</tr></tfoot></table></body></html>");
        return html.toString();
    }
}
