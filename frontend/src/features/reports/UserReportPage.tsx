import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api } from '../../shared/api/client.ts';
import { useZone } from '../../shared/api/queries.ts';
import type { UserDetail } from '../../shared/api/types.ts';
import { formatDateTime } from '../../shared/lib/format.ts';
import { formatHours } from '../../shared/lib/money.ts';
import { Table } from '../../shared/ui/Table.tsx';
import { Card, PageHeader, QueryView } from '../../shared/ui/kit.tsx';
import { ChartSlot, LazyBarChart, Stat } from './shared.tsx';

/** One person's figures (admins): GET /api/reports/admin/users/{id}. */
export default function UserReportPage() {
  const { userId } = useParams();
  const zone = useZone();
  const detail = useQuery({
    queryKey: ['reports', 'admin', 'user', userId, zone],
    queryFn: async () => (await api.get<UserDetail>(`/api/reports/admin/users/${encodeURIComponent(userId ?? '')}`, { params: { tz: zone } })).data,
  });
  return (
    <>
      <Link to="/admin/reports" className="text-sm text-indigo-700 underline dark:text-indigo-300">
        ← Back to analytics
      </Link>
      <QueryView query={detail} isEmpty={() => false} empty={null}>
        {(u) => (
          <>
            <PageHeader
              title={u.user_name}
              subtitle={`${u.user_email} · ${u.role} · ${u.teams.join(', ') || 'no team'} · ${u.current_timer_running ? 'tracking now' : 'not tracking'} · last activity ${u.last_activity ? formatDateTime(u.last_activity, zone) : 'never'}`}
            />
            <div className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
              <Stat label="Today" value={formatHours(u.today_hours)} />
              <Stat label="This week" value={formatHours(u.week_hours)} />
              <Stat label="This month" value={formatHours(u.month_hours)} />
              <Stat label="Per active day" value={formatHours(u.avg_hours_per_day)} hint={`${u.active_days_this_month} active days this month · ${u.total_entries} entries`} />
            </div>
            <Card title="This month, by project">
              {u.projects.length === 0 ? (
                <p className="py-4 text-center text-sm text-slate-500 dark:text-slate-400">No time this month</p>
              ) : (
                <>
                  <ChartSlot>
                    <LazyBarChart title="Hours this month per project" bars={u.projects.map((p) => ({ label: p.project_name, hours: p.total_hours }))} />
                  </ChartSlot>
                  <Table
                    className="mt-2"
                    rows={u.projects}
                    rowKey={(p) => p.project_id}
                    columns={[
                      { header: 'Project', cell: (p) => p.project_name },
                      { header: 'Hours', numeric: true, cell: (p) => formatHours(p.total_hours) },
                      { header: 'Entries', numeric: true, cell: (p) => p.entry_count },
                    ]}
                  />
                </>
              )}
            </Card>
          </>
        )}
      </QueryView>
    </>
  );
}
