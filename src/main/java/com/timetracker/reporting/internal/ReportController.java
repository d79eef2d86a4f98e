package com.timetracker.reporting.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumSet;
import java.util.List;

import com.timetracker.exports.DateRanges;
import com.timetracker.identity.AuthenticatedUser;
import com.timetracker.platform.ApiException;
import com.timetracker.projects.ProjectCatalog;
import com.timetracker.projects.ProjectPolicy;
import com.timetracker.reporting.ReportPolicy;
import com.timetracker.teams.TeamMemberships;
import com.timetracker.teams.TeamRole;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static com.timetracker.reporting.internal.Breakdown.Dimension.DAY;
import static com.timetracker.reporting.internal.Breakdown.Dimension.PROJECT;
import static com.timetracker.reporting.internal.Breakdown.Dimension.TASK;
import static com.timetracker.reporting.internal.Breakdown.Dimension.USER;

/** V1's {@code /api/reports} figures (reference §3.9), in the caller's zone or {@code tz}; scopes in docs/reports.md. */
@RestController
@RequestMapping("/api/reports")
class ReportController {

    record Dashboard(long todaySeconds, BigDecimal todayHours, long weekSeconds, BigDecimal weekHours, long monthSeconds,
                     BigDecimal monthHours, long activeProjects, long pendingTasks, boolean runningTimer) {
    }

    record DailySummary(LocalDate date, long totalSeconds, BigDecimal totalHours, long entryCount) {
        static DailySummary of(Breakdown.Day day) {
            return new DailySummary(day.date(), day.seconds(), Hours.of(day.seconds()), day.entries());
        }
    }

    record Weekly(LocalDate weekStart, LocalDate weekEnd, long totalSeconds, BigDecimal totalHours, List<DailySummary> dailyBreakdown) {
    }

    record ProjectSummary(long projectId, String projectName, long totalSeconds, BigDecimal totalHours, long entryCount,
                          BigDecimal billableAmount, BigDecimal budgetHours, BigDecimal budgetUsedPercent) {
        static ProjectSummary of(Breakdown.Group g) {
            return new ProjectSummary(g.id(), g.name(), g.seconds(), Hours.of(g.seconds()), g.entries(), null, null, null);
        }
    }

    record TaskSummary(long taskId, String taskName, String projectName, long totalSeconds, BigDecimal totalHours, String status) {
    }

    record UserSummary(long userId, String userName, long totalSeconds, BigDecimal totalHours, long entryCount) {
        static UserSummary of(Breakdown.Group g) {
            return new UserSummary(g.id(), g.name(), g.seconds(), Hours.of(g.seconds()), g.entries());
        }
    }

    record TimeReport(LocalDate startDate, LocalDate endDate, long totalSeconds, BigDecimal totalHours, long totalEntries,
                      List<ProjectSummary> byProject, List<UserSummary> byUser, List<DailySummary> byDay) {
    }

    private final TimeReports reports;
    private final DateRanges ranges;
    private final Clock clock;
    private final TeamMemberships memberships;
    private final ProjectCatalog projects;

    ReportController(TimeReports reports, DateRanges ranges, Clock clock, TeamMemberships memberships, ProjectCatalog projects) {
        this.reports = reports;
        this.ranges = ranges;
        this.clock = clock;
        this.memberships = memberships;
        this.projects = projects;
    }

    /** The caller's own time: today, this week (from Monday), this month, each until now. */
    @GetMapping("/dashboard")
    Dashboard dashboard(@AuthenticationPrincipal AuthenticatedUser me, @RequestParam(required = false) String tz) {
        ZoneId zone = DateRanges.zone(tz, me);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        TimeReports.Dashboard d = reports.dashboard(me.id(), today.atStartOfDay(zone).toInstant(),
                weekStart(today).atStartOfDay(zone).toInstant(), today.withDayOfMonth(1).atStartOfDay(zone).toInstant());
        return new Dashboard(d.today(), Hours.of(d.today()), d.week(), Hours.of(d.week()), d.month(), Hours.of(d.month()),
                d.activeProjects(), d.pendingTasks(), d.runningTimer());
    }

    /** The caller's own time per day of one week (Monday to Sunday). */
    @GetMapping("/weekly")
    Weekly weekly(@AuthenticationPrincipal AuthenticatedUser me, @RequestParam(required = false) String tz,
                  @RequestParam(name = "start_date", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startDate,
                  @RequestParam(name = "week_offset", defaultValue = "0") @Min(-52) @Max(52) int weekOffset) {
        ZoneId zone = DateRanges.zone(tz, me);
        LocalDate monday = startDate != null ? weekStart(startDate) : weekStart(LocalDate.now(clock.withZone(zone))).minusWeeks(Math.abs(weekOffset));
        ReportRange week = new ReportRange(zone, monday, monday.plusDays(6));
        Breakdown b = reports.breakdown(week, Scope.user(me.id()), EnumSet.of(DAY));
        return new Weekly(week.first(), week.last(), b.totalSeconds(), Hours.of(b.totalSeconds()), b.byDay().stream().map(DailySummary::of).toList());
    }

    /** Everybody's time on the projects of the caller's teams (admins: all projects). */
    @GetMapping("/by-project")
    List<ProjectSummary> byProject(@AuthenticationPrincipal AuthenticatedUser me, @RequestParam(required = false) String tz,
                                   @RequestParam(name = "start_date", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startDate,
                                   @RequestParam(name = "end_date", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endDate) {
        ReportRange range = ReportRange.of(ranges.orThisMonth(startDate, endDate, tz, me));
        Scope scope = ReportPolicy.canSeeEveryonesFigures(me.role()) ? Scope.everyone() : Scope.teamsOf(me.id());
        return reports.breakdown(range, scope, EnumSet.of(PROJECT)).byProject().stream().map(ProjectSummary::of).toList();
    }

    /** The caller's own time per task (entries without a task are left out), optionally on one project. */
    @GetMapping("/by-task")
    List<TaskSummary> byTask(@AuthenticationPrincipal AuthenticatedUser me, @RequestParam(required = false) String tz,
                             @RequestParam(name = "project_id", required = false) Long projectId,
                             @RequestParam(name = "start_date", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startDate,
                             @RequestParam(name = "end_date", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endDate) {
        ReportRange range = ReportRange.of(ranges.orThisMonth(startDate, endDate, tz, me));
        Scope scope = Scope.user(me.id());
        if (projectId != null) {
            visibleProject(me, projectId);
            scope = Scope.userOnProject(me.id(), projectId);
        }
        return reports.breakdown(range, scope, EnumSet.of(TASK)).byTask().stream()
                .map(t -> new TaskSummary(t.id(), t.name(), t.projectName(), t.seconds(), Hours.of(t.seconds()), t.status())).toList();
    }

    /** Everybody's time on the team's projects; for the team's owners and admins, and global admins. */
    @GetMapping("/team")
    TimeReport team(@AuthenticationPrincipal AuthenticatedUser me, @RequestParam(required = false) String tz,
                    @RequestParam(name = "team_id") long teamId,
                    @RequestParam(name = "start_date", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startDate,
                    @RequestParam(name = "end_date", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endDate) {
        ReportRange range = ReportRange.of(ranges.orThisMonth(startDate, endDate, tz, me));
        TeamRole role = memberships.roleOf(me.id(), teamId).orElse(null);
        if (!ReportPolicy.canSeeTeamReport(me.role(), role)) {
            if (role == null) {
                throw ApiException.notFound("Team not found");
            }
            throw ApiException.forbidden("Team admin access required");
        }
        if (!reports.exists("teams", teamId)) {
            throw ApiException.notFound("Team not found");
        }
        Breakdown b = reports.breakdown(range, Scope.team(teamId), EnumSet.of(PROJECT, USER, DAY));
        return new TimeReport(range.first(), range.last(), b.totalSeconds(), Hours.of(b.totalSeconds()), b.totalEntries(),
                b.byProject().stream().map(ProjectSummary::of).toList(), b.byUser().stream().map(UserSummary::of).toList(),
                b.byDay().stream().map(DailySummary::of).toList());
    }

    /** The project, when the caller may see it; 404 as for a missing one otherwise (docs/permissions.md). */
    ProjectCatalog.Project visibleProject(AuthenticatedUser me, long projectId) {
        return projects.project(projectId)
                .filter(p -> ProjectPolicy.canSee(me.role(), memberships.roleOf(me.id(), p.teamId()).orElse(null)))
                .orElseThrow(() -> ApiException.notFound("Project not found"));
    }

    static LocalDate weekStart(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
