import { useRouteError } from 'react-router';
import { Button } from '../shared/ui/kit.tsx';

/** A page that failed to render or load (e.g. a chunk removed by a new deployment) never blanks the app. */
export function RouteError() {
  const error = useRouteError();
  const chunkMissing = error instanceof Error && /dynamically imported module|Importing a module script failed/i.test(error.message);
  return (
    <div role="alert" className="mx-auto flex max-w-md flex-col items-center gap-3 p-8 text-center">
      <h1 className="text-xl font-semibold">{chunkMissing ? 'A new version is available' : 'Something went wrong'}</h1>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {chunkMissing ? 'Reload to get the latest version of the app.' : 'This page failed to show. Reloading usually helps; your data is safe.'}
      </p>
      <Button onClick={() => window.location.reload()}>Reload</Button>
    </div>
  );
}
