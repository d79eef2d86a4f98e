import { useState } from 'react';
import { useProjectOptions } from '../../shared/api/queries.ts';
import { isAdmin, type ProjectSummary, type ReportDashboard, type TaskSummary, type WeeklyReport } from '../../shared/api/types.ts';
import { useSession } from '../../shared/auth/session.ts';
import { formatDay, formatDuration } from '../../shared/lib/format.ts';
import { formatHours } from '../../shared/lib/money.ts';
import { Table } from '../../shared/ui/Table.tsx';
import { Card, Options, PageHeader, QueryView, SelectField } from '../../shared/ui/kit.tsx';
import { ChartSlot, ExportButtons, LazyBarChart, LazyPieChart, RangePicker, ReportsTabs, Stat, useDayRange, useReport } from './shared.tsx';

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
  const [projectId, setProjectId] = useState<number | null>(null);
  const projectOptions = useProjectOptions();
  const projectParams = projectId === null ? rangeParams : { ...rangeParams, project_id: projectId };
  const tasks = useReport<TaskSummary[]>('/api/reports/by-task', projectParams);
  const exportParams = { ...projectParams, user_id: me.id };

  return (
    <>
      <PageHeader title="Reports" subtitle={`Days and times in ${zone}`} />
      <ReportsTabs />
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
          <div className="w-full sm:w-56">
            <SelectField label="Project (my tasks and downloads)" value={projectId ?? ''} onChange={(e) => setProjectId(e.target.value ? Number(e.target.value) : null)}>
              <option value="">All projects</option>
              <Options items={projectOptions.data} />
            </SelectField>
          </div>
          <ExportButtons
            label="Export my entries:"
            formats={[
              { label: 'CSV', path: '/api/export/csv', params: exportParams, fallback: `time_entries_${range.start}_${range.end}.csv`, progress: true },
              { label: 'Excel', path: '/api/export/excel', params: exportParams, fallback: `time_entries_${range.start}_${range.end}.xlsx`, progress: true },
              { label: 'PDF', path: '/api/export/pdf', params: exportParams, fallback: `time_report_${range.start}_${range.end}.pdf`, progress: true },
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
                <Table
                  className="mt-2"
                  testId="weekly-table"
                  rows={w.daily_breakdown}
                  rowKey={(d) => d.date}
                  rowTestId={(d) => `day-${d.date}`}
                  columns={[
                    { header: 'Day', cell: (d) => formatDay(d.date) },
                    { header: 'Hours', numeric: true, cell: (d) => formatHours(d.total_hours) },
                    { header: 'Entries', numeric: true, cell: (d) => d.entry_count },
                  ]}
                />
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
                  <Table
                    className="mt-2"
                    testId="project-table"
                    rows={rows}
                    rowKey={(r) => r.project_id}
                    rowTestId={() => 'project-row'}
                    columns={[
                      { header: 'Project', cell: (r) => r.project_name },
                      { header: 'Hours', numeric: true, cell: (r) => formatHours(r.total_hours) },
                      { header: 'Entries', numeric: true, cell: (r) => r.entry_count },
                      { header: 'Share', numeric: true, cell: (r) => `${total ? Math.round((r.total_seconds / total) * 100) : 0}%` },
                    ]}
                  />
                </>
              );
            }}
          </QueryView>
        </Card>

        <Card title={projectId === null ? 'My time, by task' : `My time, by task on ${projectOptions.data?.find((p) => p.id === projectId)?.name ?? 'the project'}`} className="lg:col-span-2">
          <p className="mb-2 text-xs text-slate-500 dark:text-slate-400">Only your entries that have a task · {picker.range.start} to {picker.range.end}</p>
          <QueryView query={tasks} isEmpty={(d) => d.length === 0} empty="None of your entries in this range has a task">
            {(rows) => (
              <Table
                testId="task-table"
                rows={rows}
                rowKey={(r) => r.task_id}
                columns={[
                  { header: 'Task', cell: (r) => r.task_name },
                  { header: 'Project', cell: (r) => r.project_name },
                  { header: 'Status', cell: (r) => r.status },
                  { header: 'Hours', numeric: true, cell: (r) => formatHours(r.total_hours) },
                ]}
              />
            )}
          </QueryView>
        </Card>
      </div>
    </>
  );
}
