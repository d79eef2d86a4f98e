import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api } from '../../shared/api/client.ts';
import type { TeamDetail, TeamReport } from '../../shared/api/types.ts';
import { formatDay } from '../../shared/lib/format.ts';
import { formatHours } from '../../shared/lib/money.ts';
import { Table } from '../../shared/ui/Table.tsx';
import { Card, PageHeader, QueryView } from '../../shared/ui/kit.tsx';
import { ChartSlot, LazyBarChart, RangePicker, Stat, useDayRange, useReport } from './shared.tsx';

/**
 * Everybody's time on one team's projects (docs/reports.md, GET /api/reports/team): team owners,
 * team admins and global admins. The server answers a member with 403 and a non-member with 404.
 */
export default function TeamReportPage() {
  const { teamId } = useParams();
  const picker = useDayRange('this-week');
  const { zone, range } = picker;
  const team = useQuery({ queryKey: ['teams', 'detail', Number(teamId)], queryFn: async () => (await api.get<TeamDetail>(`/api/teams/${encodeURIComponent(teamId ?? '')}`)).data });
  const report = useReport<TeamReport>('/api/reports/team', { team_id: teamId, start_date: range.start, end_date: range.end, tz: zone });
  return (
    <>
      <Link to="/teams" className="text-sm text-indigo-700 underline dark:text-indigo-300">
        ← Back to teams
      </Link>
      <PageHeader title={team.data ? `Team report: ${team.data.name}` : 'Team report'} subtitle={`Everybody's time on the team's projects · days in ${zone}`} />
      <div className="mb-4">
        <RangePicker state={picker} />
      </div>
      <QueryView query={report} isEmpty={() => false} empty={null}>
        {(r) => (
          <>
            <div className="mb-4 grid gap-3 sm:grid-cols-3">
              <Stat label="Total" value={formatHours(r.total_hours)} testId="team-total" />
              <Stat label="Entries" value={r.total_entries} />
              <Stat label="People" value={r.by_user.length} />
            </div>
            <div className="grid gap-4 lg:grid-cols-2">
              <Card title="By person">
                {r.by_user.length === 0 ? (
                  <p className="py-4 text-center text-sm text-slate-500 dark:text-slate-400">No time in this range</p>
                ) : (
                  <Table
                    testId="team-by-user"
                    rows={r.by_user}
                    rowKey={(u) => u.user_id}
                    columns={[
                      { header: 'Person', cell: (u) => u.user_name },
                      { header: 'Hours', numeric: true, cell: (u) => formatHours(u.total_hours) },
                      { header: 'Entries', numeric: true, cell: (u) => u.entry_count },
                    ]}
                  />
                )}
              </Card>
              <Card title="By project">
                {r.by_project.length === 0 ? (
                  <p className="py-4 text-center text-sm text-slate-500 dark:text-slate-400">No time in this range</p>
                ) : (
                  <Table
                    testId="team-by-project"
                    rows={r.by_project}
                    rowKey={(p) => p.project_id}
                    columns={[
                      { header: 'Project', cell: (p) => p.project_name },
                      { header: 'Hours', numeric: true, cell: (p) => formatHours(p.total_hours) },
                      { header: 'Entries', numeric: true, cell: (p) => p.entry_count },
                    ]}
                  />
                )}
              </Card>
            </div>
            <Card title="By day" className="mt-4">
              <ChartSlot>
                <LazyBarChart title="Team hours per day" bars={r.by_day.map((d) => ({ label: formatDay(d.date), hours: d.total_hours }))} />
              </ChartSlot>
              <Table
                className="mt-2"
                testId="team-by-day"
                rows={r.by_day}
                rowKey={(d) => d.date}
                columns={[
                  { header: 'Day', cell: (d) => formatDay(d.date) },
                  { header: 'Hours', numeric: true, cell: (d) => formatHours(d.total_hours) },
                  { header: 'Entries', numeric: true, cell: (d) => d.entry_count },
                ]}
              />
            </Card>
          </>
        )}
      </QueryView>
    </>
  );
}
