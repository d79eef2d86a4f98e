import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { api } from '../../shared/api/client.ts';
import { downloadFile, type ExportProgress } from '../../shared/api/download.ts';
import { messageOf } from '../../shared/api/errors.ts';
import { useZone } from '../../shared/api/queries.ts';
import type { ReportTemplate } from '../../shared/api/types.ts';
import { dayKey, presetRange, type RangePreset } from '../../shared/lib/format.ts';
import { LinkTabs } from '../../shared/ui/LinkTabs.tsx';
import { Button, Field, Loading } from '../../shared/ui/kit.tsx';
import { toast } from '../../shared/ui/toasts.ts';

/** The charts arrive in their own chunk after the figures; a table next to each says the same in text. */
export const LazyBarChart = lazy(() => import('./ReportCharts.tsx').then((m) => ({ default: m.HoursBarChart })));
export const LazyPieChart = lazy(() => import('./ReportCharts.tsx').then((m) => ({ default: m.HoursPieChart })));

export function ChartSlot({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Loading label="Loading chart…" />}>{children}</Suspense>;
}

export function Stat({ label, value, hint, testId }: { label: string; value: ReactNode; hint?: ReactNode; testId?: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900" data-testid={testId}>
      <p className="text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">{label}</p>
      <p className="mt-1 text-2xl font-bold">{value}</p>
      {hint ? <p className="text-xs text-slate-500 dark:text-slate-400">{hint}</p> : null}
    </div>
  );
}

/** A GET report, cached per path and parameters. */
export function useReport<T>(path: string, params: Record<string, unknown>) {
  return useQuery({ queryKey: ['reports', path, params], queryFn: async () => (await api.get<T>(path, { params })).data });
}

export interface DayRange {
  start: string;
  end: string;
}

const PRESETS: { id: RangePreset; label: string }[] = [
  { id: 'this-week', label: 'This week' },
  { id: 'last-week', label: 'Last week' },
  { id: 'this-month', label: 'This month' },
  { id: 'last-month', label: 'Last month' },
];

/** A range of calendar days of the user's zone: a preset, or two dates. */
export function useDayRange(initial: RangePreset = 'this-week') {
  const zone = useZone();
  const [range, setRange] = useState<DayRange>(() => presetRange(initial, dayKey(Date.now(), zone)));
  const [preset, setPreset] = useState<RangePreset | 'custom'>(initial);
  const choose = (next: RangePreset) => {
    setPreset(next);
    setRange(presetRange(next, dayKey(Date.now(), zone)));
  };
  return { zone, range, preset, choose, setCustom: (next: DayRange) => { setPreset('custom'); setRange(next); } };
}

export function RangePicker({ state }: { state: ReturnType<typeof useDayRange> }) {
  const { range, preset, choose, setCustom } = state;
  return (
    <div className="flex flex-wrap items-end gap-2" data-testid="range-picker">
      <div role="group" aria-label="Date range" className="flex flex-wrap gap-1">
        {PRESETS.map((p) => (
          <Button key={p.id} tone={preset === p.id ? 'primary' : 'secondary'} aria-pressed={preset === p.id} onClick={() => choose(p.id)}>
            {p.label}
          </Button>
        ))}
      </div>
      <div className="w-40">
        <Field label="From" type="date" value={range.start} max={range.end} onChange={(e) => e.target.value && setCustom({ ...range, start: e.target.value })} />
      </div>
      <div className="w-40">
        <Field label="To" type="date" value={range.end} min={range.start} onChange={(e) => e.target.value && setCustom({ ...range, end: e.target.value })} />
      </div>
    </div>
  );
}

export interface ExportFormatChoice {
  label: string;
  path: string;
  params: Record<string, unknown>;
  fallback: string;
  /** The endpoint reports progress (`/api/export/*`, `/api/reports/export`): large files show a progress bar. */
  progress?: boolean;
}

/** Buttons that download a file in each format; the file keeps the server's name. */
export function ExportButtons({ formats, label }: { formats: ExportFormatChoice[]; label: string }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  async function run(format: ExportFormatChoice) {
    setBusy(format.label);
    try {
      const name = await downloadFile(format.path, format.params, format.fallback, format.progress ? setProgress : undefined);
      toast.success(`Downloaded ${name}`);
    } catch (error) {
      toast.error(`Export failed: ${messageOf(error)}`);
    } finally {
      setBusy(null);
      setProgress(null);
    }
  }
  return (
    <div className="flex flex-col gap-2">
      <div role="group" aria-label={label} className="flex flex-wrap items-center gap-1">
        <span className="mr-1 text-sm text-slate-600 dark:text-slate-400">{label}</span>
        {formats.map((f) => (
          <Button key={f.label} tone="secondary" busy={busy === f.label} disabled={busy !== null} onClick={() => void run(f)} data-testid={`export-${f.label.toLowerCase()}`}>
            {f.label}
          </Button>
        ))}
      </div>
      {busy && progress ? <ExportProgressBar progress={progress} /> : null}
    </div>
  );
}

/** Rows written of rows total while a large export streams, then "finishing" while the file completes. */
export function ExportProgressBar({ progress }: { progress: ExportProgress }) {
  const count = (n: number) => n.toLocaleString('en-US');
  const writing = progress.rows_written < progress.rows_total;
  return (
    <div className="w-full max-w-sm" data-testid="export-progress">
      <div
        role="progressbar"
        aria-label="Export progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={progress.percent}
        className="h-2 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700"
      >
        <div className="h-full bg-indigo-600 transition-[width]" style={{ width: `${progress.percent}%` }} />
      </div>
      <p className="mt-1 text-xs text-slate-600 dark:text-slate-400" aria-live="polite">
        {writing
          ? `Exporting ${count(progress.rows_written)} of ${count(progress.rows_total)} rows (${progress.percent} %)`
          : `All ${count(progress.rows_total)} rows written; finishing the file…`}
      </p>
    </div>
  );
}

const REPORT_PAGES = [
  { to: '/reports', label: 'Overview', end: true },
  { to: '/reports/templates', label: 'Templates' },
  { to: '/reports/scheduled', label: 'Scheduled reports' },
];

/** The report pages everyone has: the figures, the templates, and the schedules that mail them. */
export function ReportsTabs() {
  return <LinkTabs label="Reports" links={REPORT_PAGES} />;
}

/** The four report templates (GET /api/reports/templates); they never change while the app runs. */
export function useTemplates() {
  return useQuery({
    queryKey: ['reports', 'templates'],
    queryFn: async () => (await api.get<ReportTemplate[]>('/api/reports/templates')).data,
    staleTime: Infinity,
  });
}
