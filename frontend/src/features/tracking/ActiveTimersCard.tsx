import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api/client.ts';
import type { ActiveTimer } from '../../shared/api/types.ts';
import { initials } from '../../shared/lib/format.ts';
import { Card, QueryView } from '../../shared/ui/kit.tsx';
import { useRealtimeStatus } from './realtime.ts';
import { Elapsed } from './TimerWidget.tsx';

/** "Who's working now": pushed by the socket, polled every 5 s while it is down. */
export function ActiveTimersCard() {
  const connected = useRealtimeStatus((s) => s.connected);
  const timers = useQuery({
    queryKey: ['active-timers'],
    queryFn: async () => (await api.get<ActiveTimer[]>('/api/time/active')).data,
    refetchInterval: connected ? false : 5000,
  });
  return (
    <Card
      title="Who's working now"
      action={
        <span className="flex items-center gap-1 text-xs" data-testid="live-status">
          <span aria-hidden="true" className={`size-2 rounded-full ${connected ? 'bg-emerald-500' : 'bg-slate-400'}`} />
          {connected ? 'Live' : 'Updating every 5 s'}
        </span>
      }
    >
      <QueryView query={timers} isEmpty={(d) => !d.length} empty="No one is tracking time right now">
        {(d) => (
          <ul data-testid="active-timers" className="flex flex-col gap-2">
            {d.map((t) => (
              <li key={t.user_id} className="flex items-center gap-3">
                <span aria-hidden="true" className="grid size-8 shrink-0 place-items-center rounded-full bg-indigo-100 text-xs font-semibold text-indigo-900">
                  {initials(t.user_name)}
                </span>
                <div className="min-w-0 flex-1">
                  <p className="truncate text-sm font-medium">{t.user_name}</p>
                  <p className="truncate text-xs text-slate-500 dark:text-slate-400">
                    {[t.project_name, t.task_name].filter(Boolean).join(' • ') || t.description || 'Working…'}
                  </p>
                </div>
                <span className="rounded-full bg-emerald-100 px-2 py-0.5 font-mono text-xs text-emerald-900">
                  <Elapsed since={t.start_time} />
                </span>
              </li>
            ))}
          </ul>
        )}
      </QueryView>
      {timers.data?.length ? (
        <p className="mt-3 text-xs text-slate-500 dark:text-slate-400">
          {timers.data.length} {timers.data.length === 1 ? 'person' : 'people'} tracking time
        </p>
      ) : null}
    </Card>
  );
}
