import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../shared/api/client.ts';
import { useZone } from '../../shared/api/queries.ts';
import type { AdminDashboard, TeamAnalytics, UserSummary } from '../../shared/api/types.ts';
import { formatDuration } from '../../shared/lib/format.ts';
import { formatHours } from '../../shared/lib/money.ts';
import { Button, Card, PageHeader, QueryView } from '../../shared/ui/kit.tsx';
import { Table } from '../../shared/ui/Table.tsx';
import { ChartSlot, LazyBarChart, LazyPieChart, Stat } from './shared.tsx';

type Tab = 'overview' | 'teams' | 'people';
type Period = 'today' | 'week' | 'month';

function useAdminReport<T>(path: string, params: Record<string, unknown>) {
  return useQuery({
    queryKey: ['reports', 'admin', path, params],
    queryFn: async () => (await api.get<T>(path, { params })).data,
    refetchInterval: 30_000,
  });
}

function Overview({ zone }: { zone: string }) {
  const dashboard = useAdminReport<AdminDashboard>('/api/reports/admin/dashboard', { tz: zone });
  return (
    <QueryView query={dashboard} isEmpty={() => false} empty={null}>
      {(d) => (
        <>
          <div className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-4" data-testid="admin-dashboard">
            <Stat label="Everyone today" value={formatHours(d.total_today_hours)} hint={formatDuration(d.total_today_seconds)} />
            <Stat label="Everyone this week" value={formatHours(d.total_week_hours)} hint={formatDuration(d.total_week_seconds)} />
            <Stat label="Everyone this month" value={formatHours(d.total_month_hours)} hint={formatDuration(d.total_month_seconds)} />
            <Stat label="Tracking now" value={d.running_timers} hint={`${d.active_users_today} people today · ${d.active_projects} active projects`} />
          </div>
          <Card title="Today, per person">
            {d.by_user.length === 0 ? (
              <p className="py-4 text-center text-sm text-slate-500 dark:text-slate-400">No one has tracked time today</p>
            ) : (
              <div className="grid gap-4 lg:grid-cols-2">
                <ChartSlot>
                  <LazyBarChart title="Hours today per person" bars={d.by_user.slice(0, 10).map((u) => ({ label: u.user_name, hours: u.total_hours }))} />
                </ChartSlot>
                <ChartSlot>
                  <LazyPieChart title="Share of today's time" slices={d.by_user.slice(0, 8).map((u) => ({ label: u.user_name, hours: u.total_hours }))} />
                </ChartSlot>
              </div>
            )}
          </Card>
        </>
      )}
    </QueryView>
  );
}

function Teams({ zone }: { zone: string }) {
  const teams = useAdminReport<TeamAnalytics[]>('/api/reports/admin/teams', { tz: zone });
  return (
    <QueryView query={teams} isEmpty={(d) => d.length === 0} empty="No team has members yet">
      {(rows) => (
        <>
          <Card title="This week, per team (time on each team's projects)" className="mb-4">
            <ChartSlot>
              <LazyBarChart title="Hours this week per team" bars={rows.map((t) => ({ label: t.team_name, hours: t.total_week_hours }))} />
            </ChartSlot>
          </Card>
          <ul className="grid gap-3 md:grid-cols-2 xl:grid-cols-3">
            {rows.map((t) => (
              <li key={t.team_id} data-testid="team-analytics">
                <Card title={t.team_name}>
                  <p className="text-sm">
                    {t.member_count} members · {t.active_members_today} active today · {t.running_timers} tracking now
                  </p>
                  <dl className="mt-2 grid grid-cols-3 gap-2 text-sm">
                    <div>
                      <dt className="text-xs text-slate-500 dark:text-slate-400">Today</dt>
                      <dd>{formatHours(t.total_today_hours)}</dd>
                    </div>
                    <div>
                      <dt className="text-xs text-slate-500 dark:text-slate-400">This week</dt>
                      <dd>{formatHours(t.total_week_hours)}</dd>
                    </div>
                    <div>
                      <dt className="text-xs text-slate-500 dark:text-slate-400">This month</dt>
                      <dd>{formatHours(t.total_month_hours)}</dd>
                    </div>
                  </dl>
                  <p className="mt-2 text-xs font-medium text-slate-500 dark:text-slate-400">Top this week</p>
                  <ol className="list-decimal pl-5 text-sm">
                    {t.top_performers.length === 0 ? <li className="list-none">No time this week</li> : null}
                    {t.top_performers.map((u) => (
                      <li key={u.user_id}>
                        {u.user_name} · {formatHours(u.total_hours)}
                      </li>
                    ))}
                  </ol>
                </Card>
              </li>
            ))}
          </ul>
        </>
      )}
    </QueryView>
  );
}

function People({ zone }: { zone: string }) {
  const [period, setPeriod] = useState<Period>('week');
  const users = useAdminReport<UserSummary[]>('/api/reports/admin/users', { tz: zone, period });
  return (
    <Card>
      {/* the period buttons stay whatever the answer (V1 hid them when a period had no data) */}
      <div role="group" aria-label="Period" className="mb-3 flex gap-1">
        {(['today', 'week', 'month'] as const).map((p) => (
          <Button key={p} tone={period === p ? 'primary' : 'secondary'} aria-pressed={period === p} onClick={() => setPeriod(p)}>
            {p === 'today' ? 'Today' : p === 'week' ? 'This week' : 'This month'}
          </Button>
        ))}
      </div>
      <QueryView query={users} isEmpty={(d) => d.length === 0} empty="No one tracked time in this period">
        {(rows) => (
          <>
            <ChartSlot>
              <LazyBarChart title="Hours per person" bars={rows.slice(0, 15).map((u) => ({ label: u.user_name, hours: u.total_hours }))} />
            </ChartSlot>
            <Table
              className="mt-2"
              testId="people-table"
              rows={rows}
              rowKey={(u) => u.user_id}
              columns={[
                { header: '#', cell: (_, i) => i + 1 },
                {
                  header: 'Person',
                  cell: (u) => (
                    <Link className="text-indigo-700 underline dark:text-indigo-300" to={`/admin/user/${u.user_id}`}>
                      {u.user_name}
                    </Link>
                  ),
                },
                { header: 'Hours', numeric: true, cell: (u) => formatHours(u.total_hours) },
                { header: 'Entries', numeric: true, cell: (u) => u.entry_count },
                { header: 'Hours per entry', numeric: true, cell: (u) => (u.entry_count ? (u.total_hours / u.entry_count).toFixed(2) : '0.00') },
              ]}
            />
          </>
        )}
      </QueryView>
    </Card>
  );
}

/** Analytics over everyone (admins): /api/reports/admin/dashboard, /teams and /users. */
export default function AdminReportsPage() {
  const zone = useZone();
  const [tab, setTab] = useState<Tab>('overview');
  return (
    <>
      <PageHeader title="Analytics" subtitle={`Everyone's time · days in ${zone} · refreshed every 30 s`} />
      <div role="tablist" aria-label="Analytics" className="mb-4 flex gap-1">
        {(
          [
            ['overview', 'Overview'],
            ['teams', 'Teams'],
            ['people', 'People'],
          ] as const
        ).map(([id, label]) => (
          <Button key={id} role="tab" aria-selected={tab === id} tone={tab === id ? 'primary' : 'secondary'} onClick={() => setTab(id)}>
            {label}
          </Button>
        ))}
      </div>
      {tab === 'overview' ? <Overview zone={zone} /> : tab === 'teams' ? <Teams zone={zone} /> : <People zone={zone} />}
    </>
  );
}
