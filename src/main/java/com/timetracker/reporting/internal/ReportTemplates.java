package com.timetracker.reporting.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.timetracker.exports.DateRanges;
import com.timetracker.platform.ApiException;
import com.timetracker.projects.ProjectCatalog;
import com.timetracker.reporting.ReportPolicy;
import com.timetracker.teams.TeamMemberships;

import org.springframework.stereotype.Service;

import static com.timetracker.reporting.internal.Breakdown.Dimension.DAY;
import static com.timetracker.reporting.internal.Breakdown.Dimension.PROJECT;
import static com.timetracker.reporting.internal.Breakdown.Dimension.USER;

/**
 * V1's report templates (reference §3.10, §6.10) and their generators. V1 listed seven templates
 * but had generators for four, one of which always failed; here every listed template works and
 * the three without a generator ({@code user_activity}, {@code team_comparison},
 * {@code billable_hours}) are not offered.
 */
@Service
class ReportTemplates {

    record Template(String id, String name, String description, String type, Map<String, Object> defaultParams) {
    }

    /** A generated report: V1's JSON, and the same figures as a table for mail. */
    record Generated(Map<String, Object> body, ReportTable table) {
    }

    static final List<Template> TEMPLATES = List.of(
            new Template("weekly_summary", "Weekly Summary", "Hours per day of one week (Monday to Sunday)", "time",
                    Map.of("week_offset", 0)),
            new Template("monthly_summary", "Monthly Summary", "Hours per project in one calendar month", "time",
                    Map.of("month_offset", 0)),
            new Template("project_breakdown", "Project Breakdown", "Hours per person on one project over a date range", "project",
                    Map.of("days", 30)),
            new Template("productivity_analysis", "Productivity Analysis", "Days worked, hours per worked day and entries over the last N days", "productivity",
                    Map.of("days", 30)));

    private final TimeReports reports;
    private final TeamMemberships memberships;
    private final ProjectCatalog projects;
    private final DateRanges ranges;
    private final Clock clock;

    ReportTemplates(TimeReports reports, TeamMemberships memberships, ProjectCatalog projects, DateRanges ranges, Clock clock) {
        this.reports = reports;
        this.memberships = memberships;
        this.projects = projects;
        this.ranges = ranges;
        this.clock = clock;
    }

    static Optional<Template> template(String id) {
        return TEMPLATES.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** Runs a template with the parameters a schedule stored (the same ones its generate endpoint takes). */
    Generated generate(String templateId, Reporter reporter, Map<String, Object> params) {
        return switch (templateId) {
            case "weekly_summary" -> weekly(reporter, longParam(params, "user_id"), intParam(params, "week_offset", 0));
            case "monthly_summary" -> monthly(reporter, longParam(params, "user_id"), (Integer) intParam(params, "year", null), intParam(params, "month", null),
                    intParam(params, "month_offset", 0));
            case "project_breakdown" -> {
                Long project = longParam(params, "project_id");
                if (project == null) {
                    throw ApiException.invalid("params.project_id: the project breakdown needs a project");
                }
                LocalDate today = today(reporter);
                yield project(reporter, project, today.minusDays(intParam(params, "days", 30) - 1L), today);
            }
            case "productivity_analysis" -> productivity(reporter, longParam(params, "user_id"), intParam(params, "days", 30));
            default -> throw ApiException.notFound("Template not found");
        };
    }

    Generated weekly(Reporter reporter, Long userId, int weekOffset) {
        if (weekOffset < 0 || weekOffset > 52) {
            throw ApiException.invalid("week_offset: must be between 0 and 52 (weeks ago)");
        }
        long user = subject(reporter, userId);
        LocalDate monday = ReportController.weekStart(today(reporter)).minusWeeks(weekOffset);
        ReportRange week = new ReportRange(reporter.zone(), monday, monday.plusDays(6));
        Breakdown b = reports.breakdown(week, Scope.user(user), EnumSet.of(DAY));
        List<Map<String, Object>> days = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        for (Breakdown.Day day : b.byDay()) {
            if (day.entries() > 0) {
                days.add(ordered("date", day.date(), "hours", Hours.of(day.seconds())));
                rows.add(List.of(day.date().toString(), Hours.of(day.seconds())));
            }
        }
        Map<String, Object> body = envelope("weekly_summary", ordered("start", week.first(), "end", week.last()),
                ordered("user_id", user, "daily_hours", days, "total_hours", Hours.of(b.totalSeconds())));
        return new Generated(body, new ReportTable("Weekly Summary", week.first(), week.last(), List.of("Date", "Hours"), rows,
                List.of("Total", Hours.of(b.totalSeconds()))));
    }

    /** One calendar month: {@code year}/{@code month} when given, else {@code monthOffset} months before this one. */
    Generated monthly(Reporter reporter, Long userId, Integer year, Integer month, int monthOffset) {
        if (monthOffset < 0 || monthOffset > 24) {
            throw ApiException.invalid("month_offset: must be between 0 and 24 (months ago)");
        }
        if (month != null && (month < 1 || month > 12)) {
            throw ApiException.invalid("month: must be between 1 and 12");
        }
        if (year != null && (year < 1970 || year > 9999)) {
            throw ApiException.invalid("year: must be between 1970 and 9999");
        }
        long user = subject(reporter, userId);
        LocalDate today = today(reporter);
        YearMonth ym = month == null && year == null ? YearMonth.from(today).minusMonths(monthOffset)
                : YearMonth.of(year == null ? today.getYear() : year, month == null ? today.getMonthValue() : month);
        ReportRange range = new ReportRange(reporter.zone(), ym.atDay(1), ym.atEndOfMonth());
        Breakdown b = reports.breakdown(range, Scope.user(user), EnumSet.of(PROJECT));
        List<Map<String, Object>> byProject = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        for (Breakdown.Group g : b.byProject()) {
            byProject.add(ordered("project_id", g.id(), "project", g.name(), "hours", Hours.of(g.seconds())));
            rows.add(List.of(g.name(), Hours.of(g.seconds())));
        }
        Map<String, Object> period = ordered("year", ym.getYear(), "month", ym.getMonthValue());
        period.put("start", range.first());
        period.put("end", range.last());
        Map<String, Object> body = envelope("monthly_summary", period, ordered("user_id", user, "by_project", byProject, "total_hours", Hours.of(b.totalSeconds())));
        return new Generated(body, new ReportTable("Monthly Summary", range.first(), range.last(), List.of("Project", "Hours"), rows,
                List.of("Total", Hours.of(b.totalSeconds()))));
    }

    Generated project(Reporter reporter, long projectId, LocalDate start, LocalDate end) {
        ProjectCatalog.Project project = projects.project(projectId)
                .filter(p -> reporter.role().isAdmin() || memberships.roleOf(reporter.id(), p.teamId()).isPresent())
                .orElseThrow(() -> ApiException.notFound("Project not found"));
        if (!ReportPolicy.canSeeProjectBreakdown(reporter.role(), memberships.roleOf(reporter.id(), project.teamId()).orElse(null))) {
            throw ApiException.forbidden("Team admin access required");
        }
        ReportRange range = ReportRange.of(ranges.required(start, end, reporter.zone().getId(), null));
        Breakdown b = reports.breakdown(range, Scope.project(projectId), EnumSet.of(USER));
        List<Map<String, Object>> byUser = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        for (Breakdown.Group g : b.byUser()) {
            Map<String, Object> row = ordered("user_id", g.id(), "user_name", g.name());
            row.put("hours", Hours.of(g.seconds()));
            row.put("entries", g.entries());
            byUser.add(row);
            rows.add(List.of(g.name(), Hours.of(g.seconds()), g.entries()));
        }
        Map<String, Object> data = ordered("project_id", project.id(), "project_name", project.name());
        data.put("by_user", byUser);
        data.put("total_hours", Hours.of(b.totalSeconds()));
        data.put("total_entries", b.totalEntries());
        Map<String, Object> body = envelope("project_breakdown", ordered("start", range.first(), "end", range.last()), data);
        return new Generated(body, new ReportTable("Project Breakdown: " + project.name(), range.first(), range.last(),
                List.of("Person", "Hours", "Entries"), rows, List.of("Total", Hours.of(b.totalSeconds()), b.totalEntries())));
    }

    Generated productivity(Reporter reporter, Long userId, int days) {
        if (days < 1 || days > 365) {
            throw ApiException.invalid("days: must be between 1 and 365");
        }
        long user = subject(reporter, userId);
        LocalDate today = today(reporter);
        ReportRange range = new ReportRange(reporter.zone(), today.minusDays(days - 1L), today);
        Breakdown b = reports.breakdown(range, Scope.user(user), EnumSet.of(DAY));
        List<Map<String, Object>> daily = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        for (Breakdown.Day day : b.byDay()) {
            if (day.entries() > 0) {
                Map<String, Object> row = ordered("date", day.date(), "hours", Hours.of(day.seconds()));
                row.put("entries", day.entries());
                daily.add(row);
                rows.add(List.of(day.date().toString(), Hours.of(day.seconds()), day.entries()));
            }
        }
        long worked = daily.size();
        BigDecimal average = Hours.of(b.totalSeconds()).divide(BigDecimal.valueOf(Math.max(worked, 1)), 2, RoundingMode.HALF_UP);
        Map<String, Object> data = ordered("user_id", user, "total_hours", Hours.of(b.totalSeconds()));
        data.put("days_worked", worked);
        data.put("avg_hours_per_day", average);
        data.put("total_entries", b.totalEntries());
        data.put("daily_breakdown", daily);
        Map<String, Object> period = ordered("start", range.first(), "end", range.last());
        period.put("days", days);
        return new Generated(envelope("productivity_analysis", period, data), new ReportTable("Productivity Analysis",
                range.first(), range.last(), List.of("Date", "Hours", "Entries"), rows, List.of("Total", Hours.of(b.totalSeconds()), b.totalEntries())));
    }

    /** The user a report is about: the reporter, or another user they may report on (404 for an unknown id). */
    private long subject(Reporter reporter, Long userId) {
        if (userId == null || userId == reporter.id()) {
            return reporter.id();
        }
        if (!reports.exists("users", userId)) {
            throw ApiException.notFound("User not found");
        }
        boolean leads = reports.leadsTeamOf(reporter.id(), userId, reporter.role() == com.timetracker.identity.Role.MANAGER);
        if (!ReportPolicy.canReportOn(reporter.role(), false, leads)) {
            throw ApiException.forbidden("Cannot generate reports for other users");
        }
        return userId;
    }

    private LocalDate today(Reporter reporter) {
        return LocalDate.now(clock.withZone(reporter.zone()));
    }

    private Map<String, Object> envelope(String type, Map<String, Object> period, Map<String, Object> data) {
        Map<String, Object> body = ordered("report_type", type, "period", period);
        body.put("data", data);
        body.put("generated_at", OffsetDateTime.now(clock));
        return body;
    }

    private static Map<String, Object> ordered(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        return map;
    }

    private static Map<String, Object> ordered(String k1, Object v1, String k2, Object v2, String k3, Object v3) {
        Map<String, Object> map = ordered(k1, v1, k2, v2);
        map.put(k3, v3);
        return map;
    }

    private static Long longParam(Map<String, Object> params, String name) {
        Object value = params.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof Number n && n.doubleValue() == n.longValue()) {
            return n.longValue();
        }
        throw ApiException.invalid("params." + name + ": must be a whole number");
    }

    private static Integer intParam(Map<String, Object> params, String name, Integer fallback) {
        Long value = longParam(params, name);
        if (value == null) {
            return fallback;
        }
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw ApiException.invalid("params." + name + ": out of range");
        }
        return value.intValue();
    }
}
