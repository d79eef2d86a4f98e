import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../../shared/api/client.ts';
import { messageOf } from '../../shared/api/errors.ts';
import { useProjectOptions, useZone } from '../../shared/api/queries.ts';
import type { TimeEntry } from '../../shared/api/types.ts';
import { useSession } from '../../shared/auth/session.ts';
import { dayKey, formatDate, formatDuration, formatTime } from '../../shared/lib/format.ts';
import { Button, Card, ConfirmDialog, Field, Options, PageHeader, Pager, QueryView, SelectField } from '../../shared/ui/kit.tsx';
import { toast } from '../../shared/ui/toasts.ts';
import { EntryForm } from './EntryForm.tsx';
import { useEntries } from './entries.ts';
import { TimerWidget } from './TimerWidget.tsx';

export default function TimePage() {
  const user = useSession((s) => s.user)!;
  const zone = useZone();
  const [params, setParams] = useSearchParams();
  const [page, setPage] = useState(1);
  const [projectId, setProjectId] = useState<number | null>(null);
  const [range, setRange] = useState({ start: '', end: '' });
  const [editing, setEditing] = useState<TimeEntry | null>(null);
  const [deleting, setDeleting] = useState<TimeEntry | null>(null);
  const creating = params.get('new') === '1';
  const projects = useProjectOptions();
  const entries = useEntries({ user_id: user.id, project_id: projectId, start_date: range.start || undefined, end_date: range.end || undefined, page, page_size: 20 });
  const filtered = projectId !== null || range.start !== '' || range.end !== '';
  const queryClient = useQueryClient();

  const remove = useMutation({
    mutationFn: (entry: TimeEntry) => api.delete(`/api/time/${entry.id}`),
    onSuccess: () => {
      toast.success('Entry deleted');
      setDeleting(null);
      void queryClient.invalidateQueries({ queryKey: ['time-entries'] });
    },
    onError: (error) => toast.error(messageOf(error)),
  });

  const groups = new Map<string, TimeEntry[]>();
  for (const entry of entries.data?.items ?? []) {
    const key = dayKey(entry.start_time, zone);
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }

  return (
    <>
      <PageHeader
        title="Time Tracker"
        subtitle="Track your work and review your entries"
        action={
          <Button data-testid="add-entry" onClick={() => setParams({ new: '1' })}>
            Add manual entry
          </Button>
        }
      />
      <div className="flex flex-col gap-4">
        <TimerWidget />
        <Card>
          <div className="mb-3 flex flex-wrap items-end gap-2">
            <div className="w-full sm:w-56">
              <SelectField
                label="Filter by project"
                value={projectId ?? ''}
                onChange={(e) => {
                  setProjectId(e.target.value ? Number(e.target.value) : null);
                  setPage(1);
                }}
              >
                <option value="">All projects</option>
                <Options items={projects.data} />
              </SelectField>
            </div>
            {/* days of the user's zone, as the server reads start_date/end_date */}
            <div className="w-40">
              <Field label="From" type="date" value={range.start} max={range.end || undefined} onChange={(e) => { setRange({ ...range, start: e.target.value }); setPage(1); }} />
            </div>
            <div className="w-40">
              <Field label="To" type="date" value={range.end} min={range.start || undefined} onChange={(e) => { setRange({ ...range, end: e.target.value }); setPage(1); }} />
            </div>
            {filtered ? (
              <Button tone="ghost" onClick={() => { setProjectId(null); setRange({ start: '', end: '' }); setPage(1); }}>
                Clear filters
              </Button>
            ) : null}
          </div>
          <QueryView query={entries} isEmpty={(d) => !d.items.length} empty={filtered ? 'No entries match these filters' : 'No time entries yet'}>
            {(d) => (
              <div data-testid="entry-list" className="flex flex-col gap-4">
                <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="entries-total">
                  {d.total} {d.total === 1 ? 'entry' : 'entries'}{filtered ? ' matching' : ''}, {formatDuration(d.total_seconds)} in all
                </p>
                {[...groups].map(([day, items]) => (
                  <section key={day} aria-label={formatDate(items[0]!.start_time, zone)}>
                    <h2 className="mb-1 flex justify-between text-sm font-semibold">
                      <span>{formatDate(items[0]!.start_time, zone)}</span>
                      <span className="text-slate-500 dark:text-slate-400">Total: {formatDuration(items.reduce((sum, e) => sum + (e.duration_seconds ?? 0), 0))}</span>
                    </h2>
                    <ul className="divide-y divide-slate-100 rounded-md border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
                      {items.map((e) => (
                        <li key={e.id} data-testid="entry" className="flex flex-wrap items-center gap-2 p-2 text-sm">
                          <div className="min-w-0 flex-1">
                            <p className="truncate font-medium">{e.description || 'No description'}</p>
                            <p className="truncate text-xs text-slate-500 dark:text-slate-400">
                              {e.project_name}
                              {e.task_name ? ` • ${e.task_name}` : ''} · {formatTime(e.start_time, zone)}–{e.end_time ? formatTime(e.end_time, zone) : 'now'}
                            </p>
                          </div>
                          {e.is_running ? <span className="rounded-full bg-emerald-100 px-2 text-xs text-emerald-900">Running</span> : null}
                          <span className="w-16 text-right tabular-nums">{e.is_running ? '—' : formatDuration(e.duration_seconds)}</span>
                          {!e.is_running ? (
                            <>
                              <Button tone="ghost" aria-label={`Edit entry ${e.description ?? ''}`} onClick={() => setEditing(e)}>
                                Edit
                              </Button>
                              <Button tone="ghost" aria-label={`Delete entry ${e.description ?? ''}`} onClick={() => setDeleting(e)}>
                                Delete
                              </Button>
                            </>
                          ) : null}
                        </li>
                      ))}
                    </ul>
                  </section>
                ))}
                <Pager page={d.page} pages={d.pages} total={d.total} onPage={setPage} />
              </div>
            )}
          </QueryView>
        </Card>
      </div>
      {creating ? <EntryForm onClose={() => setParams({})} /> : null}
      {editing ? <EntryForm entry={editing} onClose={() => setEditing(null)} /> : null}
      {deleting ? (
        <ConfirmDialog
          title="Delete time entry"
          message={`Delete "${deleting.description || 'No description'}" (${formatDuration(deleting.duration_seconds)})? This cannot be undone.`}
          confirmLabel="Delete"
          busy={remove.isPending}
          onConfirm={() => remove.mutate(deleting)}
          onCancel={() => setDeleting(null)}
        />
      ) : null}
    </>
  );
}
