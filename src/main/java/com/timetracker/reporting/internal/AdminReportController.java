package com.timetracker.reporting.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.timetracker.exports.DateRanges;
import com.timetracker.identity.AuthenticatedUser;
import com.timetracker.platform.ApiException;
import com.timetracker.reporting.ReportPolicy;
import com.timetracker.reporting.internal.ReportController.ProjectSummary;
import com.timetracker.reporting.internal.ReportController.UserSummary;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static com.timetracker.reporting.internal.Breakdown.Dimension.DAY;
import static com.timetracker.reporting.internal.Breakdown.Dimension.PROJECT;

/** V1's admin analytics (reference §3.9 #60–63, §3.16 #119–120): everyone's time, for global admins only. */
@RestController
class AdminReportController {

    record AdminDashboard(long totalTodaySeconds, BigDecimal totalTodayHours, long totalWeekSeconds, BigDecimal totalWeekHours,
                          long totalMonthSeconds, BigDecimal totalMonthHours, long activeUsersToday, long activeProjects,
                          long runningTimers, List<UserSummary> byUser) {
    }

    record TeamAnalytics(long teamId, String teamName, long memberCount, long totalTodaySeconds, BigDecimal totalTodayHours,
                         long totalWeekSeconds, BigDecimal totalWeekHours, long totalMonthSeconds, BigDecimal totalMonthHours,
                         long activeMembersToday, long runningTimers, List<UserSummary> topPerformers) {
    }

    record UserDetail(long userId, String userName, String userEmail, String role, List<String> teams, long todaySeconds,
                      BigDecimal todayHours, long weekSeconds, BigDecimal weekHours, long monthSeconds, BigDecimal monthHours,
                      long totalEntries, long activeDaysThisMonth, BigDecimal avgHoursPerDay, boolean currentTimerRunning,
                      List<ProjectSummary> projects, Instant lastActivity) {
    }

    record EntryList(List<AdminReports.Entry> entries, long total, long totalSeconds) {
    }

    record WorkerRow(long userId, String userName, String email, long totalSeconds, BigDecimal totalHours, long entryCount,
                     long projectsWorked, BigDecimal avgDailyHours, Instant lastActivity) {
    }

    record WorkersReport(List<WorkerRow> workers, long totalWorkers, long totalSeconds, BigDecimal totalHours,
                         LocalDate periodStart, LocalDate periodEnd) {
    }

    private final AdminReports admin;
    private final TimeReports reports;
    private final DateRanges ranges;
    private final Clock clock;

    AdminReportController(AdminReports admin, TimeReports reports, DateRanges ranges, Clock clock) {
        this.admin = admin;
        this.reports = reports;
        this.ranges = ranges;
        this.clock = clock;
    }

    private static void requireAdmin(AuthenticatedUser me) {
        if (!ReportPolicy.canSeeEveryonesFigures(me.role())) {
            throw ApiException.forbidden("Admin access required");
        }
    }

    private AdminReports.Windows windows(ZoneId zone) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        return new AdminReports.Windows(today.atStartOfDay(zone).toInstant(), ReportController.weekStart(today).atStartOfDay(zone).toInstant(),
                today.withDayOfMonth(1).atStartOfDay(zone).toInstant());
    }

    private static UserSummary summary(AdminReports.UserTime u) {
        return new UserSummary(u.userId(), u.userName(), u.seconds(), Hours.of(u.seconds()), u.entries());
    }

    @GetMapping("/api/reports/admin/dashboard")
    AdminDashboard dashboard(@AuthenticationPrincipal AuthenticatedUser me, @RequestParam(required = false) String tz) {
        requireAdmin(me);
        AdminReports.Windows w = windows(DateRanges.zone(tz, me));
        AdminReports.Totals t = admin.totals(w);
        return new AdminDashboard(t.today(), Hours.of(t.today()), t.week(), Hours.of(t.week()), t.month(), Hours.of(t.month()),
                t.activeUsersToday(), t.activeProjects(), t.runningTimers(), admin.usersSince(w.today()).stream().map(AdminReportController::summary).toList());
    }

    @GetMapping("/api/reports/admin/teams")
    List<TeamAnalytics> teams(@AuthenticationPrincipal AuthenticatedUser me, @RequestParam(required = false) String tz) {
        requireAdmin(me);
        AdminReports.Windows w = windows(DateRanges.zone(tz, me));
        Map<Long, List<UserSummary>> top = admin.topPerformers(w.week()).stream().collect(Collectors.groupingBy(AdminReports.TeamPerformer::teamId,
                Collectors.mapping(p -> new UserSummary(p.userId(), p.userName(), p.seconds(), Hours.of(p.seconds()), p.entries()), Collectors.toList())));
        List<TeamAnalytics> result = new ArrayList<>();
        for (AdminReports.TeamTime t : admin.teams(w)) {
            result.add(new TeamAnalytics(t.teamId(), t.teamName(), t.memberCount(), t.today(), Hours.of(t.today()), t.week(), Hours.of(t.week()),
                    t.month(), Hours.of(t.month()), t.activeMembersToday(), t.runningTimers(), top.getOrDefault(t.teamId(), List.of())));
        }
        return result;
    }

    @GetMapping("/api/reports/admin/users/{userId}")
    UserDetail user(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable long userId, @RequestParam(required = false) String tz) {
        requireAdmin(me);
        ZoneId zone = DateRanges.zone(tz, me);
        AdminReports.UserFacts facts = admin.user(userId).orElseThrow(() -> ApiException.notFound("User not found"));
        AdminReports.Windows w = windows(zone);
        TimeReports.Dashboard d = reports.dashboard(userId, w.today(), w.week(), w.month());
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Breakdown month = reports.breakdown(new ReportRange(zone, today.withDayOfMonth(1), today), Scope.user(userId), EnumSet.of(PROJECT, DAY));
        long activeDays = month.byDay().stream().filter(day -> day.seconds() > 0).count();
        BigDecimal average = Hours.of(d.month()).divide(BigDecimal.valueOf(Math.max(activeDays, 1)), 2, RoundingMode.HALF_UP);
        List<String> teams = facts.teams().isEmpty() ? List.of() : List.of(facts.teams().split("\n"));
        return new UserDetail(facts.id(), facts.name(), facts.email(), facts.role(), teams, d.today(), Hours.of(d.today()), d.week(),
                Hours.of(d.week()), d.month(), Hours.of(d.month()), facts.totalEntries(), activeDays, average, facts.timerRunning(),
                month.byProject().stream().map(ProjectSummary::of).toList(), facts.lastActivity());
    }

    @GetMapping("/api/reports/admin/users")
    List<UserSummary> users(@AuthenticationPrincipal AuthenticatedUser me, @RequestParam(required = false) String tz,
                            @RequestParam(defaultValue = "week") String period) {
        requireAdmin(me);
        AdminReports.Windows w = windows(DateRanges.zone(tz, me));
        Instant from = switch (period) {
            case "today" -> w.today();
            case "week" -> w.week();
            case "month" -> w.month();
            default -> throw ApiException.invalid("period: must be today, week or month");
        };
        return admin.usersSince(from).stream().map(AdminReportController::summary).toList();
    }

    @GetMapping("/api/admin/time-entries")
    EntryList timeEntries(@AuthenticationPrincipal AuthenticatedUser me, @RequestParam(required = false) String tz,
                          @RequestParam(name = "start_date") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startDate,
                          @RequestParam(name = "end_date") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endDate,
                          @RequestParam(name = "user_id", required = false) Long userId,
                          @RequestParam(name = "team_id", required = false) Long teamId,
                          @RequestParam(name = "project_id", required = false) Long projectId,
                          @RequestParam(defaultValue = "1") @Min(1) int page,
                          @RequestParam(name = "page_size", defaultValue = "100") @Min(1) @Max(500) int pageSize) {
        requireAdmin(me);
        ReportRange range = ReportRange.of(ranges.required(startDate, endDate, tz, me));
        requireExisting("users", userId, "User not found");
        requireExisting("teams", teamId, "Team not found");
        requireExisting("projects", projectId, "Project not found");
        AdminReports.EntryTotals totals = admin.entryTotals(range, userId, teamId, projectId);
        return new EntryList(admin.entries(range, userId, teamId, projectId, pageSize, (long) (page - 1) * pageSize), totals.total(), totals.totalSeconds());
    }

    @GetMapping("/api/admin/workers-report")
    WorkersReport workers(@AuthenticationPrincipal AuthenticatedUser me, @RequestParam(required = false) String tz,
                          @RequestParam(name = "start_date", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startDate,
                          @RequestParam(name = "end_date", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endDate,
                          @RequestParam(name = "team_id", required = false) Long teamId) {
        requireAdmin(me);
        ReportRange range = ReportRange.of(ranges.orThisMonth(startDate, endDate, tz, me));
        requireExisting("teams", teamId, "Team not found");
        BigDecimal days = BigDecimal.valueOf(range.days().size());
        long total = 0;
        List<WorkerRow> rows = new ArrayList<>();
        for (AdminReports.Worker w : admin.workers(range, teamId)) {
            total += w.seconds();
            rows.add(new WorkerRow(w.userId(), w.userName(), w.email(), w.seconds(), Hours.of(w.seconds()), w.entries(), w.projectsWorked(),
                    Hours.of(w.seconds()).divide(days, 2, RoundingMode.HALF_UP), w.lastActivity()));
        }
        return new WorkersReport(rows, rows.size(), total, Hours.of(total), range.first(), range.last());
    }

    private void requireExisting(String table, Long id, String message) {
        if (id != null && !reports.exists(table, id)) {
            throw ApiException.notFound(message);
        }
    }
}
