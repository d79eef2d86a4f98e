import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { api } from '../../shared/api/client.ts';
import { messageOf } from '../../shared/api/errors.ts';
import { useProjectOptions, useUserOptions, useZone } from '../../shared/api/queries.ts';
import { isAdmin, type ReportTemplate, type ScheduledReport, type ScheduleRun } from '../../shared/api/types.ts';
import { useSession } from '../../shared/auth/session.ts';
import { formatDateTime, timeZones } from '../../shared/lib/format.ts';
import { Table } from '../../shared/ui/Table.tsx';
import { Button, Card, ConfirmDialog, Field, FormActions, FormError, Modal, Options, PageHeader, QueryView, SelectField } from '../../shared/ui/kit.tsx';
import { toast } from '../../shared/ui/toasts.ts';
import {
  FREQUENCIES,
  TEMPLATE_PARAMS,
  emptyScheduleForm,
  scheduleBody,
  scheduleToForm,
  serverFieldErrors,
  validateSchedule,
  withTemplate,
  type FieldErrors,
  type ScheduleField,
  type ScheduleForm,
} from './schedules.ts';
import { ReportsTabs, useTemplates } from './shared.tsx';

const KEY = 'scheduled-reports';

/** The form of a new schedule, or of a change to one; a refusal keeps everything typed and says which field it is about. */
export function ScheduleDialog({ schedule, templates, onClose }: { schedule?: ScheduledReport; templates: ReportTemplate[]; onClose: () => void }) {
  const zone = useZone();
  const queryClient = useQueryClient();
  const zonesId = useId();
  const [form, setForm] = useState<ScheduleForm>(() => (schedule ? scheduleToForm(schedule) : emptyScheduleForm(zone)));
  const [touched, setTouched] = useState(false);
  const [refused, setRefused] = useState<FieldErrors>({});
  const spec = form.template_id ? TEMPLATE_PARAMS[form.template_id] : {};
  const projects = useProjectOptions();
  const errors = validateSchedule(form);
  const save = useMutation({
    mutationFn: async () => {
      const body = scheduleBody(form, Boolean(schedule));
      return schedule
        ? (await api.patch<ScheduledReport>(`/api/reports/scheduled/${schedule.id}`, body)).data
        : (await api.post<ScheduledReport>('/api/reports/scheduled', body)).data;
    },
    onSuccess: (saved) => {
      toast.success(schedule ? `Saved “${saved.name}”` : `Scheduled “${saved.name}”`);
      void queryClient.invalidateQueries({ queryKey: [KEY] });
      onClose();
    },
    onError: (error) => setRefused(serverFieldErrors(error)),
  });
  const set = (field: ScheduleField, value: string) => {
    setForm((f) => ({ ...f, [field]: value }));
    setRefused(({ [field]: _, ...rest }) => rest);
  };
  const show = (field: ScheduleField) => refused[field] ?? (touched ? errors[field] : undefined);
  function submit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    setRefused({});
    if (Object.keys(errors).length === 0) save.mutate();
  }
  const unplaced = save.isError && Object.keys(refused).length === 0;
  return (
    <Modal title={schedule ? `Edit “${schedule.name}”` : 'New scheduled report'} onClose={onClose}>
      <form noValidate onSubmit={submit} className="flex flex-col gap-3" data-testid="schedule-form">
        {unplaced ? <FormError error={save.error} /> : null}
        <Field label="Name" required value={form.name} onChange={(e) => set('name', e.target.value)} error={show('name')} />
        <SelectField
          label="Report"
          required
          disabled={Boolean(schedule)}
          value={form.template_id}
          onChange={(e) => {
            setForm((f) => withTemplate(f, templates.find((t) => t.id === e.target.value)));
            setRefused(({ template_id: _, ...rest }) => rest);
          }}
          error={show('template_id')}
          hint={schedule ? 'The report of a schedule cannot change; create a new one instead.' : templates.find((t) => t.id === form.template_id)?.description}
        >
          <option value="">Choose…</option>
          <Options items={templates} />
        </SelectField>
        {spec.week_offset ? (
          <Field
            label="Weeks back"
            type="number"
            min={0}
            max={52}
            value={form.week_offset}
            onChange={(e) => set('week_offset', e.target.value)}
            error={show('week_offset')}
            hint="0 = the week the report is sent in, 1 = the week before"
          />
        ) : null}
        {spec.month_offset ? (
          <Field
            label="Months back"
            type="number"
            min={0}
            max={24}
            value={form.month_offset}
            onChange={(e) => set('month_offset', e.target.value)}
            error={show('month_offset')}
            hint="0 = the month the report is sent in, 1 = the month before (what a monthly report sent on the 1st usually wants)"
          />
        ) : null}
        {spec.project_id ? (
          <SelectField label="Project" required value={form.project_id} onChange={(e) => set('project_id', e.target.value)} error={show('project_id')}>
            <option value="">Choose…</option>
            <Options items={projects.data} />
          </SelectField>
        ) : null}
        {spec.days ? (
          <Field label="Days covered" type="number" min={spec.days[0]} max={spec.days[1]} value={form.days} onChange={(e) => set('days', e.target.value)} error={show('days')} hint="The last N days up to the day it is sent" />
        ) : null}
        <SelectField label="Frequency" value={form.frequency} onChange={(e) => set('frequency', e.target.value)} error={show('frequency')}>
          {FREQUENCIES.map((f) => (
            <option key={f.id} value={f.id}>
              {f.label}
            </option>
          ))}
        </SelectField>
        <Field
          label="Recipients"
          required
          value={form.recipients}
          onChange={(e) => set('recipients', e.target.value)}
          error={show('recipients')}
          hint="Up to 20 email addresses, separated by commas"
        />
        <Field
          label="Time zone"
          required
          list={zonesId}
          value={form.timezone}
          onChange={(e) => set('timezone', e.target.value)}
          error={show('timezone')}
          hint="Sent at 08:00 of this zone; its days are the report's days"
        />
        <datalist id={zonesId}>
          {timeZones().map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
        <SelectField label="Attachment" value={form.attachment} onChange={(e) => set('attachment', e.target.value)} error={show('attachment')}>
          <option value="csv">CSV</option>
          <option value="xlsx">Excel (XLSX)</option>
        </SelectField>
        <FormActions onCancel={onClose} busy={save.isPending} submitLabel={schedule ? 'Save changes' : 'Create schedule'} />
      </form>
    </Modal>
  );
}

function Schedules({ everyone, templates, onEdit }: { everyone: boolean; templates: ReportTemplate[]; onEdit: (s: ScheduledReport) => void }) {
  const zone = useZone();
  const me = useSession((s) => s.user)!;
  const queryClient = useQueryClient();
  const [deleting, setDeleting] = useState<ScheduledReport | null>(null);
  const users = useUserOptions(everyone);
  const owner = (s: ScheduledReport) => (s.user_id === me.id ? 'You' : (users.data?.find((u) => u.id === s.user_id)?.name ?? `User #${s.user_id}`));
  const list = useQuery({
    queryKey: [KEY, everyone ? 'all' : 'mine'],
    queryFn: async () => (await api.get<ScheduledReport[]>(everyone ? '/api/reports/scheduled/all' : '/api/reports/scheduled')).data,
  });
  const toggle = useMutation({
    mutationFn: async (s: ScheduledReport) => (await api.patch<ScheduledReport>(`/api/reports/scheduled/${s.id}`, { enabled: !s.enabled })).data,
    onSuccess: (s) => {
      toast.success(s.enabled ? `Resumed “${s.name}”` : `Paused “${s.name}”`);
      void queryClient.invalidateQueries({ queryKey: [KEY] });
    },
    onError: (error) => toast.error(messageOf(error)),
  });
  const remove = useMutation({
    mutationFn: (s: ScheduledReport) => api.delete(`/api/reports/scheduled/${s.id}`),
    onSuccess: (_, s) => {
      toast.success(`Deleted “${s.name}”`);
      setDeleting(null);
      void queryClient.invalidateQueries({ queryKey: [KEY] });
    },
    onError: (error) => toast.error(messageOf(error)),
  });
  const templateName = (id: string) => templates.find((t) => t.id === id)?.name ?? id;
  return (
    <Card title={everyone ? "Everyone's schedules" : 'My schedules'}>
      <QueryView query={list} isEmpty={(d) => d.length === 0} empty={everyone ? 'Nobody has scheduled a report yet' : 'You have not scheduled a report yet'}>
        {(rows) => (
          <Table
            testId="schedule-table"
            rows={rows}
            rowKey={(s) => s.id}
            rowTestId={() => 'schedule-row'}
            columns={[
              { header: 'Name', cell: (s) => <span className="font-medium">{s.name}</span> },
              ...(everyone ? [{ header: 'Owner', cell: owner }] : []),
              { header: 'Report', cell: (s) => templateName(s.template_id) },
              { header: 'When', cell: (s) => `${FREQUENCIES.find((f) => f.id === s.frequency)?.label ?? s.frequency} (${s.timezone})` },
              { header: 'Recipients', cell: (s) => s.recipients.join(', ') },
              { header: 'File', cell: (s) => s.attachment.toUpperCase() },
              { header: 'Next run', cell: (s) => (s.enabled ? formatDateTime(s.next_run, zone) : '—') },
              { header: 'Last sent', cell: (s) => (s.last_sent ? formatDateTime(s.last_sent, zone) : 'Never') },
              { header: 'Status', cell: (s) => <span data-testid="schedule-status">{s.enabled ? 'Active' : 'Paused'}</span> },
              {
                header: 'Actions',
                cell: (s) => (
                  <div className="flex gap-1">
                    <Button tone="secondary" onClick={() => onEdit(s)}>
                      Edit
                    </Button>
                    <Button tone="secondary" busy={toggle.isPending && toggle.variables?.id === s.id} onClick={() => toggle.mutate(s)}>
                      {s.enabled ? 'Pause' : 'Resume'}
                    </Button>
                    <Button tone="ghost" onClick={() => setDeleting(s)}>
                      Delete
                    </Button>
                  </div>
                ),
              },
            ]}
          />
        )}
      </QueryView>
      {deleting ? (
        <ConfirmDialog
          title="Delete scheduled report?"
          message={
            <>
              “{deleting.name}” will no longer be sent, and its run history is deleted with it. This cannot be undone.
            </>
          }
          confirmLabel="Delete"
          busy={remove.isPending}
          onConfirm={() => remove.mutate(deleting)}
          onCancel={() => setDeleting(null)}
        />
      ) : null}
    </Card>
  );
}

const HISTORY_LIMITS = [20, 50, 100];

function History({ everyone }: { everyone: boolean }) {
  const zone = useZone();
  const [limit, setLimit] = useState(HISTORY_LIMITS[0]!);
  const runs = useQuery({
    queryKey: [KEY, 'history', limit],
    queryFn: async () => (await api.get<ScheduleRun[]>('/api/reports/scheduled/history', { params: { limit } })).data,
  });
  const more = HISTORY_LIMITS.find((l) => l > limit);
  return (
    <Card title="Run history" className="mt-4">
      <p className="mb-2 text-xs text-slate-500 dark:text-slate-400">
        {everyone ? "Everybody's runs" : 'Runs of your schedules'}, latest first · times in {zone}. “Sent” means handed to the mail outbox, which retries delivery.
      </p>
      <QueryView query={runs} isEmpty={(d) => d.length === 0} empty="No report has run yet">
        {(rows) => (
          <>
            <Table
              testId="history-table"
              rows={rows}
              rowKey={(r) => r.id}
              rowTestId={() => 'history-row'}
              columns={[
                { header: 'Report', cell: (r) => r.report_name },
                { header: 'Due', cell: (r) => formatDateTime(r.due_at, zone) },
                { header: 'Ran', cell: (r) => formatDateTime(r.ran_at, zone) },
                {
                  header: 'Result',
                  cell: (r) => (
                    <span className={r.status === 'sent' ? 'text-emerald-700 dark:text-emerald-400' : 'font-medium text-red-700 dark:text-red-400'}>
                      {r.status === 'sent' ? 'Sent' : 'Failed'}
                    </span>
                  ),
                },
                { header: 'Recipients', cell: (r) => r.recipients.join(', ') },
                { header: 'Error', cell: (r) => r.error ?? '' },
              ]}
            />
            {more && rows.length >= limit ? (
              <Button tone="secondary" className="mt-2" onClick={() => setLimit(more)}>
                Show up to {more} runs
              </Button>
            ) : null}
          </>
        )}
      </QueryView>
    </Card>
  );
}

/** Scheduled reports (docs/reports.md §Scheduled reports): the caller's (admins: everybody's), their form, and the runs. */
export default function ScheduledReportsPage() {
  const me = useSession((s) => s.user)!;
  const admin = isAdmin(me.role);
  const [everyone, setEveryone] = useState(false);
  const [editing, setEditing] = useState<ScheduledReport | 'new' | null>(null);
  const templates = useTemplates();
  return (
    <>
      <PageHeader
        title="Scheduled reports"
        subtitle="Reports mailed to a list of addresses daily, weekly or monthly at 08:00 of each schedule's time zone"
        action={
          <Button onClick={() => setEditing('new')} disabled={!templates.data}>
            New scheduled report
          </Button>
        }
      />
      <ReportsTabs />
      {admin ? (
        <label className="mb-3 flex items-center gap-2 text-sm">
          <input type="checkbox" checked={everyone} onChange={(e) => setEveryone(e.target.checked)} />
          Show everyone's schedules
        </label>
      ) : null}
      <Schedules everyone={admin && everyone} templates={templates.data ?? []} onEdit={setEditing} />
      <History everyone={admin} />
      {editing && templates.data ? (
        <ScheduleDialog schedule={editing === 'new' ? undefined : editing} templates={templates.data} onClose={() => setEditing(null)} />
      ) : null}
    </>
  );
}
