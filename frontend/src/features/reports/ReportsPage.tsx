import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api/client.ts';
import { isAdmin, type ProjectSummary, type ReportDashboard, type TaskSummary, type WeeklyReport } from '../../shared/api/types.ts';
import { useSession } from '../../shared/auth/session.ts';
import { formatDay, formatDuration } from '../../shared/lib/format.ts';
import { formatHours } from '../../shared/lib/money.ts';
import { Card, PageHeader, QueryView } from '../../shared/ui/kit.tsx';
import { ChartSlot, ExportButtons, LazyBarChart, LazyPieChart, RangePicker, Stat, useDayRange } from './shared.tsx';

function useReport<T>(path: string, params: Record<string, unknown>) {
  return useQuery({ queryKey: ['reports', path, params], queryFn: async () => (await api.get<T>(path, { params })).data });
}

/**
 * Reports (docs/reports.md): the caller's own time (dashboard, week, tasks), everybody's time on
 * the projects of the caller's teams (admins: all projects), and downloads of the caller's entries.
 */
export default function ReportsPage() {
  const me = useSession((s) => s.user)!;
  const admin = isAdmin(me.role);
  const picker = useDayRange('this-week');
  const { zone, range } = picker;
  const rangeParams = { start_date: range.start, end_date: range.end, tz: zone };
  const dashboard = useReport<ReportDashboard>('/api/reports/dashboard', { tz: zone });
  const weekly = useReport<WeeklyReport>('/api/reports/weekly', { start_date: range.start, tz: zone });
  const projects = useReport<ProjectSummary[]>('/api/reports/by-project', rangeParams);
  const tasks = useReport<TaskSummary[]>('/api/reports/by-task', rangeParams);
  const exportParams = { ...rangeParams, user_id: me.id };

  return (
    <>
      <PageHeader title="Reports" subtitle={`Days and times in ${zone}`} />
      <section aria-labelledby="my-time" className="mb-4">
        <h2 id="my-time" className="mb-2 text-lg font-semibold">
          My time
        </h2>
        <QueryView query={dashboard} isEmpty={() => false} empty={null}>
          {(d) => (
            <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4" data-testid="my-dashboard">
              <Stat label="Today" value={formatHours(d.today_hours)} hint={formatDuration(d.today_seconds)} />
              <Stat label="This week" value={formatHours(d.week_hours)} hint={formatDuration(d.week_seconds)} />
              <Stat label="This month" value={formatHours(d.month_hours)} hint={formatDuration(d.month_seconds)} />
              <Stat label="Timer" value={d.running_timer ? 'Running' : 'Stopped'} hint={`${d.active_projects} active projects · ${d.pending_tasks} open tasks`} />
            </div>
          )}
        </QueryView>
      </section>

      <Card className="mb-4">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <RangePicker state={picker} />
          <ExportButtons
            label="Export my entries:"
            formats={[
              { label: 'CSV', path: '/api/export/csv', params: exportParams, fallback: `time_entries_${range.start}_${range.end}.csv` },
              { label: 'Excel', path: '/api/export/excel', params: exportParams, fallback: `time_entries_${range.start}_${range.end}.xlsx` },
              { label: 'PDF', path: '/api/export/pdf', params: exportParams, fallback: `time_report_${range.start}_${range.end}.pdf` },
            ]}
          />
        </div>
      </Card>

      <div className="grid gap-4 lg:grid-cols-2">
        <Card title="My time, day by day">
          <QueryView query={weekly} isEmpty={() => false} empty={null}>
            {(w) => (
              <>
                <p className="mb-2 text-sm text-slate-600 dark:text-slate-400" data-testid="weekly-total">
                  Week of {formatDay(w.week_start)} – {formatDay(w.week_end)}: <strong>{formatHours(w.total_hours)}</strong>
                </p>
                <ChartSlot>
                  <LazyBarChart title="My hours per day" bars={w.daily_breakdown.map((d) => ({ label: formatDay(d.date), hours: d.total_hours }))} />
                </ChartSlot>
                <table className="mt-2 w-full text-sm" data-testid="weekly-table">
                  <thead>
                    <tr className="text-left text-xs text-slate-500 dark:text-slate-400">
                      <th className="py-1">Day</th>
                      <th className="py-1 text-right">Hours</th>
                      <th className="py-1 text-right">Entries</th>
                    </tr>
                  </thead>
                  <tbody>
                    {w.daily_breakdown.map((d) => (
                      <tr key={d.date} className="border-t border-slate-100 dark:border-slate-800" data-testid={`day-${d.date}`}>
                        <td className="py-1">{formatDay(d.date)}</td>
                        <td className="py-1 text-right">{formatHours(d.total_hours)}</td>
                        <td className="py-1 text-right">{d.entry_count}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            )}
          </QueryView>
        </Card>

        <Card title={admin ? 'Everyone, by project' : 'Team, by project'}>
          <p className="mb-2 text-xs text-slate-500 dark:text-slate-400">
            {admin ? "Everybody's time on every project" : "Everybody's time on your teams' projects, not only yours"} · {picker.range.start} to {picker.range.end}
          </p>
          <QueryView query={projects} isEmpty={(d) => d.length === 0} empty="No time on any project in this range">
            {(rows) => {
              const total = rows.reduce((sum, r) => sum + r.total_seconds, 0);
              return (
                <>
                  <ChartSlot>
                    <LazyPieChart title="Hours by project" slices={rows.map((r) => ({ label: r.project_name, hours: r.total_hours }))} />
                  </ChartSlot>
                  <table className="mt-2 w-full text-sm" data-testid="project-table">
                    <thead>
                      <tr className="text-left text-xs text-slate-500 dark:text-slate-400">
                        <th className="py-1">Project</th>
                        <th className="py-1 text-right">Hours</th>
                        <th className="py-1 text-right">Entries</th>
                        <th className="py-1 text-right">Share</th>
                      </tr>
                    </thead>
                    <tbody>
                      {rows.map((r) => (
                        <tr key={r.project_id} className="border-t border-slate-100 dark:border-slate-800" data-testid="project-row">
                          <td className="py-1">{r.project_name}</td>
                          <td className="py-1 text-right">{formatHours(r.total_hours)}</td>
                          <td className="py-1 text-right">{r.entry_count}</td>
                          <td className="py-1 text-right">{total ? Math.round((r.total_seconds / total) * 100) : 0}%</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </>
              );
            }}
          </QueryView>
        </Card>

        <Card title="My time, by task" className="lg:col-span-2">
          <p className="mb-2 text-xs text-slate-500 dark:text-slate-400">Only your entries that have a task · {picker.range.start} to {picker.range.end}</p>
          <QueryView query={tasks} isEmpty={(d) => d.length === 0} empty="None of your entries in this range has a task">
            {(rows) => (
              <table className="w-full text-sm" data-testid="task-table">
                <thead>
                  <tr className="text-left text-xs text-slate-500 dark:text-slate-400">
                    <th className="py-1">Task</th>
                    <th className="py-1">Project</th>
                    <th className="py-1">Status</th>
                    <th className="py-1 text-right">Hours</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.task_id} className="border-t border-slate-100 dark:border-slate-800">
                      <td className="py-1">{r.task_name}</td>
                      <td className="py-1">{r.project_name}</td>
                      <td className="py-1">{r.status}</td>
                      <td className="py-1 text-right">{formatHours(r.total_hours)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </QueryView>
        </Card>
      </div>
    </>
  );
}
