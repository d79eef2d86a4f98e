import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { messageOf } from '../../shared/api/errors.ts';
import { useProjectOptions, useTaskOptions } from '../../shared/api/queries.ts';
import { useSession } from '../../shared/auth/session.ts';
import { elapsedSince, formatClock, formatDuration } from '../../shared/lib/format.ts';
import { Button, Options } from '../../shared/ui/kit.tsx';
import { toast } from '../../shared/ui/toasts.ts';
import { useRunningEntry, useTimer, useTimerDraft } from './timer.ts';

/** Ticks once a second from the entry's start, so it never drifts and survives reloads and sleep. */
export function Elapsed({ since }: { since: string }) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return <>{formatClock(elapsedSince(since, now))}</>;
}

const input =
  'w-full rounded-md border border-white/40 bg-white/95 px-3 py-2 text-sm text-slate-900 disabled:opacity-70 dark:bg-slate-900 dark:text-slate-100';

export function TimerWidget() {
  const user = useSession((s) => s.user)!;
  const entry = useRunningEntry(user.id);
  const pending = useTimer((s) => s.pending);
  const draft = useTimerDraft();
  const projects = useProjectOptions();
  const tasks = useTaskOptions(draft.project_id);
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const running = entry !== null;

  async function start() {
    if (!draft.project_id) {
      setProblem('Please select a project before starting the timer');
      return;
    }
    setProblem(null);
    try {
      await useTimer.getState().start(user.id, { ...draft, project_id: draft.project_id });
      void queryClient.invalidateQueries({ queryKey: ['time-entries'] });
    } catch (error) {
      setProblem(messageOf(error, 'The timer could not start. Please try again.'));
    }
  }

  async function stop() {
    setProblem(null);
    try {
      const stopped = await useTimer.getState().stop(user.id);
      if (stopped) toast.success(`Timer stopped — ${formatDuration(stopped.duration_seconds)} logged to ${stopped.project_name}`);
      void queryClient.invalidateQueries({ queryKey: ['time-entries'] });
    } catch (error) {
      setProblem(messageOf(error, 'The timer could not stop. Please try again.'));
    }
  }

  return (
    <section aria-label="Timer" data-testid="timer" className="rounded-lg bg-gradient-to-r from-indigo-600 to-blue-600 p-4 text-white shadow">
      <div className="flex flex-col gap-3 lg:flex-row lg:items-center">
        <div className="flex items-center gap-3">
          <span aria-hidden="true" className={`size-3 rounded-full ${running ? 'animate-pulse bg-emerald-300' : 'bg-white/40'}`} />
          <span data-testid="timer-elapsed" className="font-mono text-3xl tabular-nums" aria-live="off">
            {entry ? <Elapsed since={entry.start_time} /> : '00:00:00'}
          </span>
        </div>
        <label className="sr-only" htmlFor="timer-description">
          Description
        </label>
        <input
          id="timer-description"
          className={`${input} lg:flex-1`}
          placeholder="What are you working on?"
          disabled={running}
          value={running ? (entry.description ?? '') : draft.description}
          onChange={(e) => draft.update({ description: e.target.value })}
        />
        <label className="sr-only" htmlFor="timer-project">
          Project
        </label>
        <select
          id="timer-project"
          data-testid="timer-project"
          className={`${input} lg:w-48`}
          disabled={running}
          value={running ? entry.project_id : (draft.project_id ?? '')}
          onChange={(e) => {
            const id = e.target.value ? Number(e.target.value) : null;
            const project = projects.data?.find((p) => p.id === id);
            draft.update({ project_id: id, project_name: project?.name ?? '', task_id: null, task_name: null });
          }}
        >
          <option value="">{projects.isLoading ? 'Loading projects…' : 'Select project *'}</option>
          {running && !projects.data?.some((p) => p.id === entry.project_id) ? <option value={entry.project_id}>{entry.project_name}</option> : null}
          <Options items={projects.data} />
        </select>
        {draft.project_id || (running && entry.task_id) ? (
          <>
            <label className="sr-only" htmlFor="timer-task">
              Task
            </label>
            <select
              id="timer-task"
              className={`${input} lg:w-40`}
              disabled={running}
              value={running ? (entry.task_id ?? '') : (draft.task_id ?? '')}
              onChange={(e) => {
                const id = e.target.value ? Number(e.target.value) : null;
                draft.update({ task_id: id, task_name: tasks.data?.find((t) => t.id === id)?.name ?? null });
              }}
            >
              <option value="">No task</option>
              {running && entry.task_id ? <option value={entry.task_id}>{entry.task_name}</option> : null}
              <Options items={tasks.data} />
            </select>
          </>
        ) : null}
        {running ? (
          <Button tone="danger" data-testid="timer-stop" busy={pending === 'stop'} onClick={() => void stop()}>
            ■ Stop
          </Button>
        ) : (
          <Button tone="secondary" data-testid="timer-start" busy={pending === 'start'} onClick={() => void start()}>
            ▶ Start
          </Button>
        )}
      </div>
      {problem ? (
        <p role="alert" className="mt-3 flex items-start justify-between gap-2 rounded-md bg-red-100 px-3 py-2 text-sm text-red-900">
          {problem}
          <button type="button" aria-label="Dismiss" onClick={() => setProblem(null)}>
            ×
          </button>
        </p>
      ) : null}
    </section>
  );
}
