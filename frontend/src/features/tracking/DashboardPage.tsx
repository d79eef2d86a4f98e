import { useZone } from '../../shared/api/queries.ts';
import { useSession } from '../../shared/auth/session.ts';
import { dayKey, formatDuration, formatTime } from '../../shared/lib/format.ts';
import { Card, PageHeader, QueryView } from '../../shared/ui/kit.tsx';
import { ActiveTimersCard } from './ActiveTimersCard.tsx';
import { useEntries } from './entries.ts';
import { TimerWidget } from './TimerWidget.tsx';

function mondayOf(day: string): string {
  const date = new Date(`${day}T12:00:00Z`);
  const back = (date.getUTCDay() + 6) % 7;
  date.setUTCDate(date.getUTCDate() - back);
  return date.toISOString().slice(0, 10);
}

function Total({ label, userId, from, to }: { label: string; userId: number; from: string; to: string }) {
  const totals = useEntries({ user_id: userId, start_date: from, end_date: to, page_size: 1 });
  return (
    <Card>
      <p className="text-sm text-slate-500 dark:text-slate-400">{label}</p>
      <p className="text-2xl font-semibold" data-testid={`total-${label}`}>
        {totals.data ? formatDuration(totals.data.total_seconds) : '…'}
      </p>
    </Card>
  );
}

export default function DashboardPage() {
  const user = useSession((s) => s.user)!;
  const zone = useZone();
  const today = dayKey(Date.now(), zone);
  const recent = useEntries({ user_id: user.id, page_size: 5 });
  return (
    <>
      <PageHeader title="Dashboard" subtitle={`Hello, ${user.name}. Times are shown in ${zone}.`} />
      <div className="flex flex-col gap-4">
        <TimerWidget />
        <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
          <Total label="My time today" userId={user.id} from={today} to={today} />
          <Total label="My time this week" userId={user.id} from={mondayOf(today)} to={today} />
        </div>
        <div className="grid gap-4 lg:grid-cols-2">
          <ActiveTimersCard />
          <Card title="My recent entries">
            <QueryView query={recent} isEmpty={(d) => !d.items.length} empty="No time entries yet">
              {(d) => (
                <ul className="divide-y divide-slate-100 dark:divide-slate-800">
                  {d.items.map((e) => (
                    <li key={e.id} className="flex items-center justify-between gap-2 py-2 text-sm">
                      <span className="min-w-0 truncate">
                        {e.project_name} — {e.description || 'No description'}
                      </span>
                      <span className="shrink-0 text-slate-500 dark:text-slate-400">
                        {formatTime(e.start_time, zone)} · {e.is_running ? 'running' : formatDuration(e.duration_seconds)}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </QueryView>
          </Card>
        </div>
      </div>
    </>
  );
}
