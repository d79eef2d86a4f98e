import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api } from '../../shared/api/client.ts';
import { useProjectOptions, useZone } from '../../shared/api/queries.ts';
import type { ReportTemplate, TemplateId } from '../../shared/api/types.ts';
import { addDays, dayKey, formatDay } from '../../shared/lib/format.ts';
import { formatHours } from '../../shared/lib/money.ts';
import { Table } from '../../shared/ui/Table.tsx';
import { Button, Card, Empty, ErrorState, Field, Loading, Options, PageHeader, QueryView, SelectField } from '../../shared/ui/kit.tsx';
import { ReportsTabs, Stat, useTemplates } from './shared.tsx';

/** What the generators answer (ReportTemplates): `{report_type, period, data, generated_at}`; hours are numbers. */
type Hours = number | string;
interface Day {
  date: string;
  hours: Hours;
  entries?: number;
}
export type Generated =
  | { report_type: 'weekly_summary'; period: { start: string; end: string }; data: { user_id: number; daily_hours: Day[]; total_hours: Hours } }
  | {
      report_type: 'monthly_summary';
      period: { year: number; month: number; start: string; end: string };
      data: { user_id: number; by_project: { project_id: number; project: string; hours: Hours }[]; total_hours: Hours };
    }
  | {
      report_type: 'project_breakdown';
      period: { start: string; end: string };
      data: { project_id: number; project_name: string; by_user: { user_id: number; user_name: string; hours: Hours; entries: number }[]; total_hours: Hours; total_entries: number };
    }
  | {
      report_type: 'productivity_analysis';
      period: { start: string; end: string; days: number };
      data: { user_id: number; total_hours: Hours; days_worked: number; avg_hours_per_day: Hours; total_entries: number; daily_breakdown: Day[] };
    };

interface Inputs {
  week_offset: string;
  month: string;
  project_id: string;
  start_date: string;
  end_date: string;
  days: string;
}

const whole = (value: string, min: number, max: number) => /^\d+$/.test(value) && Number(value) >= min && Number(value) <= max;

/** The generator's request for a template, or the problems of the inputs. */
export function generateRequest(id: TemplateId, inputs: Inputs, tz: string): { path: string; params: Record<string, unknown> } | { errors: Partial<Record<keyof Inputs, string>> } {
  switch (id) {
    case 'weekly_summary':
      return whole(inputs.week_offset, 0, 52)
        ? { path: '/api/reports/generate/weekly', params: { week_offset: Number(inputs.week_offset), tz } }
        : { errors: { week_offset: 'A whole number from 0 to 52' } };
    case 'monthly_summary': {
      const match = /^(\d{4})-(\d{2})$/.exec(inputs.month);
      return match ? { path: '/api/reports/generate/monthly', params: { year: Number(match[1]), month: Number(match[2]), tz } } : { errors: { month: 'Choose a month' } };
    }
    case 'project_breakdown': {
      const errors: Partial<Record<keyof Inputs, string>> = {};
      if (!inputs.project_id) errors.project_id = 'Choose a project';
      if (!inputs.start_date || !inputs.end_date) errors.end_date = 'Choose both days';
      else if (inputs.end_date < inputs.start_date) errors.end_date = 'The last day is before the first';
      if (Object.keys(errors).length > 0) return { errors };
      return { path: `/api/reports/generate/project/${inputs.project_id}`, params: { start_date: inputs.start_date, end_date: inputs.end_date, tz } };
    }
    case 'productivity_analysis':
      return whole(inputs.days, 1, 365)
        ? { path: '/api/reports/generate/productivity', params: { days: Number(inputs.days), tz } }
        : { errors: { days: 'A whole number from 1 to 365' } };
  }
}

const period = (p: { start: string; end: string }) => `${formatDay(p.start)} – ${formatDay(p.end)}`;

/** The report, said as the server defines it: the caller's own time, or everybody's on a project. */
function Result({ report }: { report: Generated }) {
  switch (report.report_type) {
    case 'weekly_summary':
      return (
        <>
          <h3 className="font-semibold" data-testid="result-scope">
            Your own time, {period(report.period)}
          </h3>
          <p className="mb-2 text-sm" data-testid="result-total">
            Total: <strong>{formatHours(report.data.total_hours)}</strong>
          </p>
          {report.data.daily_hours.length === 0 ? <Empty>No time in this week</Empty> : <DayTable days={report.data.daily_hours} />}
        </>
      );
    case 'monthly_summary':
      return (
        <>
          <h3 className="font-semibold" data-testid="result-scope">
            Your own time by project, {period(report.period)}
          </h3>
          <p className="mb-2 text-sm" data-testid="result-total">
            Total: <strong>{formatHours(report.data.total_hours)}</strong>
          </p>
          {report.data.by_project.length === 0 ? (
            <Empty>No time in this month</Empty>
          ) : (
            <Table
              testId="result-table"
              rows={report.data.by_project}
              rowKey={(r) => r.project_id}
              rowTestId={() => 'result-row'}
              columns={[
                { header: 'Project', cell: (r) => r.project },
                { header: 'Hours', numeric: true, cell: (r) => formatHours(r.hours) },
              ]}
            />
          )}
        </>
      );
    case 'project_breakdown':
      return (
        <>
          <h3 className="font-semibold" data-testid="result-scope">
            Everybody's time on {report.data.project_name}, {period(report.period)}
          </h3>
          <p className="mb-2 text-sm" data-testid="result-total">
            Total: <strong>{formatHours(report.data.total_hours)}</strong> in {report.data.total_entries} entries
          </p>
          {report.data.by_user.length === 0 ? (
            <Empty>Nobody tracked time on this project in this range</Empty>
          ) : (
            <Table
              testId="result-table"
              rows={report.data.by_user}
              rowKey={(r) => r.user_id}
              rowTestId={() => 'result-row'}
              columns={[
                { header: 'Person', cell: (r) => r.user_name },
                { header: 'Hours', numeric: true, cell: (r) => formatHours(r.hours) },
                { header: 'Entries', numeric: true, cell: (r) => r.entries },
              ]}
            />
          )}
        </>
      );
    case 'productivity_analysis':
      return (
        <>
          <h3 className="mb-2 font-semibold" data-testid="result-scope">
            Your own time, last {report.period.days} days ({period(report.period)})
          </h3>
          <div className="mb-3 grid gap-3 sm:grid-cols-4">
            <Stat label="Total" value={formatHours(report.data.total_hours)} testId="result-total" />
            <Stat label="Days worked" value={report.data.days_worked} />
            <Stat label="Per worked day" value={formatHours(report.data.avg_hours_per_day)} />
            <Stat label="Entries" value={report.data.total_entries} />
          </div>
          {report.data.daily_breakdown.length === 0 ? <Empty>No time in these days</Empty> : <DayTable days={report.data.daily_breakdown} />}
        </>
      );
  }
}

function DayTable({ days }: { days: Day[] }) {
  const entries = days.some((d) => d.entries !== undefined);
  return (
    <Table
      testId="result-table"
      rows={days}
      rowKey={(d) => d.date}
      rowTestId={() => 'result-row'}
      columns={[
        { header: 'Day', cell: (d) => formatDay(d.date) },
        { header: 'Hours', numeric: true, cell: (d) => formatHours(d.hours) },
        ...(entries ? [{ header: 'Entries', numeric: true, cell: (d: Day) => d.entries }] : []),
      ]}
    />
  );
}

function Runner({ template }: { template: ReportTemplate }) {
  const zone = useZone();
  const today = dayKey(Date.now(), zone);
  const projects = useProjectOptions();
  const [inputs, setInputs] = useState<Inputs>({
    week_offset: String(template.default_params.week_offset ?? 0),
    month: today.slice(0, 7),
    project_id: '',
    start_date: addDays(today, -29),
    end_date: today,
    days: String(template.default_params.days ?? 30),
  });
  const [errors, setErrors] = useState<Partial<Record<keyof Inputs, string>>>({});
  const run = useMutation({
    mutationFn: async (request: { path: string; params: Record<string, unknown> }) => (await api.post<Generated>(request.path, null, { params: request.params })).data,
  });
  const set = (field: keyof Inputs, value: string) => setInputs((i) => ({ ...i, [field]: value }));
  function submit(e: FormEvent) {
    e.preventDefault();
    const request = generateRequest(template.id, inputs, zone);
    if ('errors' in request) {
      setErrors(request.errors);
      return;
    }
    setErrors({});
    run.mutate(request);
  }
  return (
    <Card title={template.name} className="mt-4">
      <form noValidate onSubmit={submit} className="flex flex-wrap items-end gap-3" data-testid="template-form">
        {template.id === 'weekly_summary' ? (
          <div className="w-48">
            <Field label="Weeks back" type="number" min={0} max={52} value={inputs.week_offset} onChange={(e) => set('week_offset', e.target.value)} error={errors.week_offset} hint="0 = this week" />
          </div>
        ) : null}
        {template.id === 'monthly_summary' ? (
          <div className="w-48">
            <Field label="Month" type="month" value={inputs.month} onChange={(e) => set('month', e.target.value)} error={errors.month} />
          </div>
        ) : null}
        {template.id === 'project_breakdown' ? (
          <>
            <div className="w-56">
              <SelectField label="Project" value={inputs.project_id} onChange={(e) => set('project_id', e.target.value)} error={errors.project_id}>
                <option value="">Choose…</option>
                <Options items={projects.data} />
              </SelectField>
            </div>
            <div className="w-40">
              <Field label="From" type="date" value={inputs.start_date} onChange={(e) => set('start_date', e.target.value)} />
            </div>
            <div className="w-40">
              <Field label="To" type="date" value={inputs.end_date} onChange={(e) => set('end_date', e.target.value)} error={errors.end_date} />
            </div>
          </>
        ) : null}
        {template.id === 'productivity_analysis' ? (
          <div className="w-48">
            <Field label="Days" type="number" min={1} max={365} value={inputs.days} onChange={(e) => set('days', e.target.value)} error={errors.days} hint="The last N days up to today" />
          </div>
        ) : null}
        <Button type="submit" busy={run.isPending}>
          Run report
        </Button>
      </form>
      <div className="mt-4" aria-live="polite">
        {run.isPending ? (
          <Loading label="Running the report…" />
        ) : run.isError ? (
          <ErrorState error={run.error} retry={() => run.variables && run.mutate(run.variables)} />
        ) : run.data ? (
          <div data-testid="template-result">
            <Result report={run.data} />
          </div>
        ) : null}
      </div>
      <p className="mt-3 text-xs text-slate-500 dark:text-slate-400">
        Days are calendar days of {zone}. To get this report as a CSV or Excel file by email, <Link to="/reports/scheduled" className="text-indigo-700 underline dark:text-indigo-300">schedule it</Link>.
      </p>
    </Card>
  );
}

/** Report templates (docs/reports.md §Templates): each one run on demand, in the user's zone. */
export default function TemplatesPage() {
  const templates = useTemplates();
  const [chosen, setChosen] = useState<TemplateId | null>(null);
  const template = templates.data?.find((t) => t.id === chosen);
  return (
    <>
      <PageHeader title="Report templates" subtitle="Ready-made reports: run one now, or schedule it to be mailed" />
      <ReportsTabs />
      <QueryView query={templates} isEmpty={(d) => d.length === 0} empty="No templates">
        {(rows) => (
          <ul className="grid gap-3 sm:grid-cols-2" data-testid="template-list">
            {rows.map((t) => (
              <li key={t.id} className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900">
                <h2 className="font-semibold">{t.name}</h2>
                <p className="flex-1 text-sm text-slate-600 dark:text-slate-400">{t.description}</p>
                <div>
                  <Button tone={chosen === t.id ? 'primary' : 'secondary'} aria-pressed={chosen === t.id} onClick={() => setChosen(t.id)} aria-label={`Choose ${t.name}`}>
                    Choose
                  </Button>
                </div>
              </li>
            ))}
          </ul>
        )}
      </QueryView>
      {template ? <Runner key={template.id} template={template} /> : null}
    </>
  );
}
