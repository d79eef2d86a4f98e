package com.timetracker.payroll.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.timetracker.exports.ExportFile;
import com.timetracker.exports.ExportFormat;
import com.timetracker.exports.TableExports;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;

/**
 * The payables report as a file (CSV, XLSX, PDF): V1's eleven detail columns, one row per entry
 * streamed from the database cursor, and a totals row with V1's summary figures. File name
 * {@code payroll_report_<first day>_<last day>.<ext>} of the periods selected.
 */
@Component
class PayablesExport {

    static final List<String> COLUMNS = List.of("User ID", "User Name", "Email", "Period", "Regular Hours", "Overtime Hours",
            "Regular Rate", "Overtime Rate", "Gross Amount", "Adjustments", "Net Amount");
    private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    private final PayrollReports reports;
    private final Clock clock;

    PayablesExport(PayrollReports reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    void write(PayrollReports.Filter filter, ExportFormat format, HttpServletResponse response) {
        String period = reports.reportPeriod(filter);
        LocalDate[] span = reports.span(filter);
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate first = filter.startDate() != null ? filter.startDate() : span != null ? span[0] : today;
        LocalDate last = filter.endDate() != null ? filter.endDate() : span != null ? span[1] : today;
        ExportFile.of("payroll_report", first, last, format).applyTo(response);
        try {
            OutputStream out = response.getOutputStream();
            TableExports.open(format, out, "Payroll Report",
                    "Period: " + period, "Generated: " + GENERATED.format(clock.instant().atZone(ZoneOffset.UTC))).write(table -> {
                table.widths(8, 24, 30, 24, 10, 10, 10, 10, 12, 12, 12).header(COLUMNS);
                Set<Long> employees = new HashSet<>();
                BigDecimal[] sums = {Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO};
                reports.stream(filter, r -> {
                    table.row(r.userId(), r.userName(), r.userEmail(), r.periodName(), r.regularHours(), r.overtimeHours(), r.regularRate(),
                            r.overtimeRate(), r.grossAmount(), r.adjustmentsAmount(), r.netAmount());
                    employees.add(r.userId());
                    BigDecimal[] values = {r.regularHours(), r.overtimeHours(), r.grossAmount(), r.adjustmentsAmount(), r.netAmount()};
                    for (int i = 0; i < sums.length; i++) {
                        sums[i] = sums[i].add(values[i]);
                    }
                });
                table.totals("Total", employees.size() + " employees", null, period, sums[0], sums[1], null, null, sums[2], sums[3], sums[4]);
            });
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
