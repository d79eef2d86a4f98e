import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../../shared/api/client.ts';
import { useZone } from '../../shared/api/queries.ts';
import type { PayrollPeriod, PeriodStatus, RateType } from '../../shared/api/types.ts';
import { dayKey, presetRange } from '../../shared/lib/format.ts';
import { Button, Card, Field, FormActions, FormError, Modal, PageHeader, QueryView, SelectField } from '../../shared/ui/kit.tsx';
import { toast } from '../../shared/ui/toasts.ts';
import { fetchWindows, formatTotal, PayrollTabs, PERIOD_TYPES, RATE_TYPES, rateTypeLabel, StatusPill, useAllRates, usePayrollCurrency } from './common.tsx';

const STATUSES: PeriodStatus[] = ['draft', 'processing', 'approved', 'paid', 'void'];

function PeriodForm({ onClose }: { onClose: () => void }) {
  const zone = useZone();
  const rates = useAllRates();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const month = presetRange('last-month', dayKey(Date.now(), zone));
  const [form, setForm] = useState({ name: '', period_type: 'monthly', start_date: month.start, end_date: month.end, rate_type_filter: '' as RateType | '', everyone: true, user_ids: [] as number[] });
  const [touched, setTouched] = useState(false);
  const candidates = [...new Map((rates.data ?? []).filter((r) => r.is_active && (!form.rate_type_filter || r.rate_type === form.rate_type_filter)).map((r) => [r.user_id, r])).values()];
  const errors = {
    name: !form.name.trim() ? 'Enter a name' : null,
    end: form.end_date < form.start_date ? 'The end cannot be before the start' : null,
    people: !form.everyone && form.user_ids.length === 0 ? 'Choose at least one person' : null,
  };
  const create = useMutation({
    mutationFn: async () =>
      (
        await api.post<PayrollPeriod>('/api/payroll/periods', {
          name: form.name.trim(),
          period_type: form.period_type,
          start_date: form.start_date,
          end_date: form.end_date,
          rate_type_filter: form.rate_type_filter || null,
          user_ids: form.everyone ? [] : form.user_ids,
        })
      ).data,
    onSuccess: (period) => {
      toast.success('Payroll period created');
      void queryClient.invalidateQueries({ queryKey: ['payroll'] });
      onClose();
      void navigate(`/payroll/periods/${period.id}`);
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (!Object.values(errors).some(Boolean)) create.mutate();
  }
  const toggle = (id: number) => setForm({ ...form, user_ids: form.user_ids.includes(id) ? form.user_ids.filter((x) => x !== id) : [...form.user_ids, id] });
  return (
    <Modal title="New payroll period" onClose={onClose}>
      <form noValidate onSubmit={submit} className="flex flex-col gap-3" data-testid="period-form">
        <FormError error={create.error} />
        <Field label="Name" required value={form.name} placeholder="e.g. March 2026" onChange={(e) => setForm({ ...form, name: e.target.value })} error={touched ? errors.name : null} />
        <SelectField label="Period type" value={form.period_type} onChange={(e) => setForm({ ...form, period_type: e.target.value })}>
          {PERIOD_TYPES.map((t) => (
            <option key={t.id} value={t.id}>
              {t.label}
            </option>
          ))}
        </SelectField>
        <div className="grid grid-cols-2 gap-2">
          <Field label="First day" type="date" required value={form.start_date} onChange={(e) => setForm({ ...form, start_date: e.target.value })} />
          <Field label="Last day" type="date" required value={form.end_date} onChange={(e) => setForm({ ...form, end_date: e.target.value })} error={touched ? errors.end : null} />
        </div>
        <SelectField label="Rate types" value={form.rate_type_filter} onChange={(e) => setForm({ ...form, rate_type_filter: e.target.value as RateType | '', user_ids: [] })}>
          <option value="">All rate types</option>
          {RATE_TYPES.map((t) => (
            <option key={t.id} value={t.id}>
              {t.label} only
            </option>
          ))}
        </SelectField>
        <fieldset className="flex flex-col gap-1 text-sm">
          <legend className="font-medium">People</legend>
          <label className="flex items-center gap-2">
            <input type="radio" checked={form.everyone} onChange={() => setForm({ ...form, everyone: true })} /> Everyone with a matching rate ({candidates.length})
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" checked={!form.everyone} onChange={() => setForm({ ...form, everyone: false })} /> Only these people:
          </label>
          {!form.everyone ? (
            <ul className="max-h-40 overflow-y-auto pl-6">
              {candidates.map((r) => (
                <li key={r.user_id}>
                  <label className="flex items-center gap-2">
                    <input type="checkbox" checked={form.user_ids.includes(r.user_id)} onChange={() => toggle(r.user_id)} /> {r.user_name ?? `User #${r.user_id}`} ({rateTypeLabel(r.rate_type)})
                  </label>
                </li>
              ))}
            </ul>
          ) : null}
          {touched && errors.people ? <p role="alert" className="text-xs text-red-600">{errors.people}</p> : null}
        </fieldset>
        <FormActions onCancel={onClose} busy={create.isPending} submitLabel="Create period" />
      </form>
    </Modal>
  );
}

/** Payroll periods (admins): filter by status, create; the detail page runs the workflow. */
export default function PeriodsPage() {
  const [status, setStatus] = useState<PeriodStatus | ''>('');
  const [creating, setCreating] = useState(false);
  const currency = usePayrollCurrency();
  const periods = useQuery({
    queryKey: ['payroll', 'periods', status],
    queryFn: () => fetchWindows<PayrollPeriod>('/api/payroll/periods', { status: status || undefined }),
  });
  return (
    <>
      <PageHeader title="Payroll periods" subtitle="Calculate, approve and pay each period" action={<Button onClick={() => setCreating(true)}>New period</Button>} />
      <PayrollTabs />
      <Card>
        <div role="group" aria-label="Status" className="mb-3 flex flex-wrap gap-1">
          {(['', ...STATUSES] as const).map((s) => (
            <Button key={s || 'all'} tone={status === s ? 'primary' : 'secondary'} aria-pressed={status === s} onClick={() => setStatus(s)} className="capitalize">
              {s || 'All'}
            </Button>
          ))}
        </div>
        <QueryView query={periods} isEmpty={(d) => d.length === 0} empty={status ? `No ${status} periods` : 'No payroll periods yet. Create the first one.'}>
          {(rows) => (
            <ul className="grid gap-3 md:grid-cols-2 xl:grid-cols-3" data-testid="period-list">
              {rows.map((p) => (
                <li key={p.id} className="flex flex-col gap-1 rounded-md border border-slate-200 p-3 dark:border-slate-800" data-testid="period">
                  <div className="flex items-center justify-between gap-2">
                    <h2 className="truncate font-semibold">{p.name}</h2>
                    <StatusPill status={p.status} />
                  </div>
                  <p className="text-sm">
                    {p.start_date} – {p.end_date} · {PERIOD_TYPES.find((t) => t.id === p.period_type)?.label ?? p.period_type}
                    {p.rate_type_filter ? ` · ${rateTypeLabel(p.rate_type_filter)} only` : ''}
                  </p>
                  <p className="text-sm">
                    {p.entries_count} entries · <strong>{formatTotal(p.total_amount, currency)}</strong>
                  </p>
                  <Link className="text-sm text-indigo-700 underline dark:text-indigo-300" to={`/payroll/periods/${p.id}`}>
                    Open {p.name}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </QueryView>
      </Card>
      {creating ? <PeriodForm onClose={() => setCreating(false)} /> : null}
    </>
  );
}
