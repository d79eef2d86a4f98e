import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../shared/api/client.ts';
import { messageOf } from '../../shared/api/errors.ts';
import { useZone } from '../../shared/api/queries.ts';
import type { SessionView } from '../../shared/api/types.ts';
import { formatDateTime } from '../../shared/lib/format.ts';
import { Button, Card, ConfirmDialog, PageHeader, QueryView } from '../../shared/ui/kit.tsx';
import { toast } from '../../shared/ui/toasts.ts';

/** The caller's signed-in sessions (devices), each revocable. */
export default function SessionsPage() {
  const zone = useZone();
  const queryClient = useQueryClient();
  const [ending, setEnding] = useState<SessionView | 'others' | null>(null);
  const sessions = useQuery({ queryKey: ['sessions'], queryFn: async () => (await api.get<{ sessions: SessionView[]; count: number }>('/api/sessions')).data });
  const end = useMutation({
    mutationFn: async () => {
      if (ending === 'others') await api.delete('/api/sessions');
      else if (ending) await api.delete(`/api/sessions/${ending.session_id}`);
    },
    onSuccess: () => {
      toast.success(ending === 'others' ? 'All other sessions signed out' : 'Session signed out');
      setEnding(null);
      void queryClient.invalidateQueries({ queryKey: ['sessions'] });
    },
    onError: (error) => {
      setEnding(null);
      toast.error(messageOf(error));
    },
  });
  const others = sessions.data?.sessions.filter((s) => !s.is_current) ?? [];
  return (
    <>
      <PageHeader
        title="My sessions"
        subtitle="Where your account is signed in"
        action={others.length ? <Button tone="danger" onClick={() => setEnding('others')}>Sign out all other sessions</Button> : null}
      />
      <Card>
        <QueryView query={sessions} isEmpty={(d) => !d.sessions.length} empty="No sessions">
          {(d) => (
            <ul className="divide-y divide-slate-100 dark:divide-slate-800" data-testid="sessions">
              {d.sessions.map((s) => (
                <li key={s.session_id} className="flex flex-wrap items-center gap-2 py-2 text-sm">
                  <div className="min-w-0 flex-1">
                    <p className="truncate font-medium">
                      {s.user_agent || 'Unknown device'} {s.is_current ? <span className="ml-1 rounded-full bg-emerald-100 px-2 text-xs text-emerald-900">This device</span> : null}
                    </p>
                    <p className="text-xs text-slate-500 dark:text-slate-400">
                      {s.ip_address ?? 'unknown address'} · signed in {formatDateTime(s.created_at, zone)} · last used {formatDateTime(s.last_activity, zone)}
                    </p>
                  </div>
                  {!s.is_current ? (
                    <Button tone="ghost" onClick={() => setEnding(s)}>
                      Sign out
                    </Button>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </QueryView>
      </Card>
      {ending ? (
        <ConfirmDialog
          title="Sign out"
          message={ending === 'others' ? 'Sign out every other device?' : 'Sign out this device?'}
          confirmLabel="Sign out"
          busy={end.isPending}
          onConfirm={() => end.mutate()}
          onCancel={() => setEnding(null)}
        />
      ) : null}
    </>
  );
}
