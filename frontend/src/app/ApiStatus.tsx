import { useEffect, useState } from 'react';
import { fetchHealth, type Health } from '../shared/api/health.ts';

type HealthState =
  | { kind: 'loading' }
  | { kind: 'loaded'; health: Health }
  | { kind: 'unreachable' };

/** Live status of the backend, read once from /api/health when the page opens. */
export function ApiStatus() {
  const [state, setState] = useState<HealthState>({ kind: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    fetchHealth(controller.signal).then(
      (health) => setState({ kind: 'loaded', health }),
      () => {
        if (!controller.signal.aborted) setState({ kind: 'unreachable' });
      },
    );
    return () => controller.abort();
  }, []);

  return (
    <div role="status" aria-live="polite" className="flex items-start gap-3">
      <span aria-hidden="true" className={`mt-1.5 size-2.5 shrink-0 rounded-full ${dotColor(state)}`} />
      <div>
        <p className="font-medium">{statusLine(state)}</p>
        {state.kind === 'loaded' && state.health.status !== 'healthy' && (
          <ul className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            <li>Database: {state.health.checks.database}</li>
            <li>Redis: {state.health.checks.redis}</li>
          </ul>
        )}
      </div>
    </div>
  );
}

function statusLine(state: HealthState): string {
  switch (state.kind) {
    case 'loading':
      return 'Checking the API…';
    case 'unreachable':
      return 'API unreachable';
    case 'loaded':
      return state.health.status === 'healthy'
        ? `API: healthy (version ${state.health.version})`
        : 'API: degraded';
  }
}

function dotColor(state: HealthState): string {
  if (state.kind === 'loading') return 'animate-pulse bg-slate-400';
  if (state.kind === 'unreachable') return 'bg-red-500';
  return state.health.status === 'healthy' ? 'bg-emerald-500' : 'bg-amber-500';
}
