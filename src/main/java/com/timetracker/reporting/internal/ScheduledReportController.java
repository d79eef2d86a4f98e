package com.timetracker.reporting.internal;

import java.util.List;
import java.util.Map;

import com.timetracker.identity.AuthenticatedUser;
import com.timetracker.platform.ApiException;
import com.timetracker.reporting.ReportPolicy;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** V1's scheduled reports (reference §3.10 #70–77); the history is reachable (V1 shadowed it with /{report_id}). */
@RestController
@RequestMapping("/api/reports/scheduled")
class ScheduledReportController {

    private final ScheduledReports schedules;
    private final ScheduledReportRows rows;

    ScheduledReportController(ScheduledReports schedules, ScheduledReportRows rows) {
        this.schedules = schedules;
        this.rows = rows;
    }

    @GetMapping
    List<Map<String, Object>> mine(@AuthenticationPrincipal AuthenticatedUser me) {
        return rows.ofUser(me.id()).stream().map(schedules::view).toList();
    }

    @GetMapping("/all")
    List<Map<String, Object>> all(@AuthenticationPrincipal AuthenticatedUser me) {
        if (!ReportPolicy.canListAllSchedules(me.role())) {
            throw ApiException.forbidden("Not enough permissions");
        }
        return rows.ofUser(null).stream().map(schedules::view).toList();
    }

    /** The caller's runs, latest first (admins: everybody's). */
    @GetMapping("/history")
    List<ScheduledReportRows.Run> history(@AuthenticationPrincipal AuthenticatedUser me,
                                          @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return rows.runs(ReportPolicy.canListAllSchedules(me.role()) ? null : me.id(), limit);
    }

    @PostMapping
    Map<String, Object> create(@AuthenticationPrincipal AuthenticatedUser me, @RequestBody ScheduledReports.Change body) {
        return schedules.view(schedules.create(me, body));
    }

    @GetMapping("/{reportId}")
    Map<String, Object> one(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable String reportId) {
        return schedules.view(schedules.visible(me, reportId));
    }

    @PatchMapping("/{reportId}")
    Map<String, Object> update(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable String reportId, @RequestBody ScheduledReports.Change body) {
        return schedules.view(schedules.update(me, reportId, body));
    }

    @DeleteMapping("/{reportId}")
    Map<String, String> delete(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable String reportId) {
        schedules.delete(me, reportId);
        return Map.of("message", "Scheduled report deleted");
    }

    @PostMapping("/{reportId}/toggle")
    Map<String, Boolean> toggle(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable String reportId) {
        return Map.of("enabled", schedules.toggle(me, reportId).enabled());
    }
}
