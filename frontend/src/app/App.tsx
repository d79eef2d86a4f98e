import { ApiStatus } from './ApiStatus.tsx';

export function App() {
  return (
    <div className="min-h-dvh bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <main className="mx-auto flex max-w-xl flex-col gap-6 px-4 py-12 sm:px-6 sm:py-20">
        <header>
          <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">TimeTracker</h1>
          <p className="mt-2 text-slate-600 dark:text-slate-400">
            The web app is being rebuilt; the API is live.
          </p>
        </header>

        <section
          aria-label="API status"
          className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900"
        >
          <ApiStatus />
        </section>

        <p>
          <a
            href="/api/docs"
            className="font-medium text-indigo-700 underline underline-offset-4 hover:text-indigo-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:text-indigo-300 dark:hover:text-indigo-100"
          >
            API documentation
          </a>
        </p>
      </main>
    </div>
  );
}
