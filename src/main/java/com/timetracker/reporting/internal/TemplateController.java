package com.timetracker.reporting.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.timetracker.exports.DateRanges;
import com.timetracker.identity.AuthenticatedUser;
import com.timetracker.platform.ApiException;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** V1's report templates and generators (reference §3.10 #64–69), in the caller's zone or {@code tz}. */
@RestController
@RequestMapping("/api/reports")
class TemplateController {

    private final ReportTemplates templates;
    private final Clock clock;

    TemplateController(ReportTemplates templates, Clock clock) {
        this.templates = templates;
        this.clock = clock;
    }

    @GetMapping("/templates")
    List<ReportTemplates.Template> list() {
        return ReportTemplates.TEMPLATES;
    }

    @GetMapping("/templates/{templateId}")
    ReportTemplates.Template one(@PathVariable String templateId) {
        return ReportTemplates.template(templateId).orElseThrow(() -> ApiException.notFound("Template not found"));
    }

    @PostMapping("/generate/weekly")
    Map<String, Object> weekly(@AuthenticationPrincipal AuthenticatedUser me, @RequestParam(required = false) String tz,
                               @RequestParam(name = "user_id", required = false) Long userId,
                               @RequestParam(name = "week_offset", defaultValue = "0") int weekOffset) {
        return templates.weekly(Reporter.of(me, DateRanges.zone(tz, me)), userId, weekOffset).body();
    }

    @PostMapping("/generate/monthly")
    Map<String, Object> monthly(@AuthenticationPrincipal AuthenticatedUser me, @RequestParam(required = false) String tz,
                                @RequestParam(name = "user_id", required = false) Long userId,
                                @RequestParam(required = false) Integer year, @RequestParam(required = false) Integer month,
                                @RequestParam(name = "month_offset", defaultValue = "0") int monthOffset) {
        return templates.monthly(Reporter.of(me, DateRanges.zone(tz, me)), userId, year, month, monthOffset).body();
    }

    /** Default range: the last 30 days up to today. */
    @PostMapping("/generate/project/{projectId}")
    Map<String, Object> project(@AuthenticationPrincipal AuthenticatedUser me, @RequestParam(required = false) String tz, @PathVariable long projectId,
                                @RequestParam(name = "start_date", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startDate,
                                @RequestParam(name = "end_date", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endDate) {
        Reporter reporter = Reporter.of(me, DateRanges.zone(tz, me));
        LocalDate end = endDate != null ? endDate : LocalDate.now(clock.withZone(reporter.zone()));
        LocalDate start = startDate != null ? startDate : end.minusDays(29);
        return templates.project(reporter, projectId, start, end).body();
    }

    @PostMapping("/generate/productivity")
    Map<String, Object> productivity(@AuthenticationPrincipal AuthenticatedUser me, @RequestParam(required = false) String tz,
                                     @RequestParam(name = "user_id", required = false) Long userId,
                                     @RequestParam(defaultValue = "30") int days) {
        return templates.productivity(Reporter.of(me, DateRanges.zone(tz, me)), userId, days).body();
    }
}
