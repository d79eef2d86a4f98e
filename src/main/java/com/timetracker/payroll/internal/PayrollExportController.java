package com.timetracker.payroll.internal;

import com.timetracker.exports.ExportFormat;
import com.timetracker.identity.AuthenticatedUser;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * V1's payables downloads {@code /api/payroll/reports/payables/export/csv} and {@code /excel}, plus
 * {@code /pdf} (and {@code /xlsx}), with the payables filters as query parameters.
 */
@RestController
@RequestMapping("/api/payroll/reports/payables/export")
class PayrollExportController {

    private final PayablesExport export;
    private final PayrollAudit audit;

    PayrollExportController(PayablesExport export, PayrollAudit audit) {
        this.export = export;
        this.audit = audit;
    }

    @GetMapping("/{format}")
    void download(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable String format,
                  @Valid PayrollReportController.PayablesQuery query, HttpServletRequest request, HttpServletResponse response) {
        PayrollAudit.requireAdmin(me);
        ExportFormat chosen = ExportFormat.parse(format);
        PayrollReports.Filter filter = query.filter();
        audit.export(request, me, "payables " + chosen.extension() + " " + filter.applied());
        export.write(filter, chosen, response);
    }
}
