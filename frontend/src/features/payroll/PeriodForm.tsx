import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../shared/api/client.ts';
import { useZone } from '../../shared/api/queries.ts';
import type { PayrollPeriod, RateType } from '../../shared/api/types.ts';
import { dayKey, presetRange } from '../../shared/lib/format.ts';
import { Field, FormActions, FormError, Modal, SelectField } from '../../shared/ui/kit.tsx';
import { toast } from '../../shared/ui/toasts.ts';
import { PERIOD_TYPES, RATE_TYPES, rateTypeLabel, useAllRates } from './common.tsx';

/**
 * A payroll period's name, type, dates, rate-type filter and people: a new period
 * (`POST /api/payroll/periods`, then its page opens) or changes to `period` (`PUT /api/payroll/periods/{id}`).
 */
export function PeriodForm({ period, onClose }: { period?: PayrollPeriod; onClose: () => void }) {
  const zone = useZone();
  const rates = useAllRates();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const month = presetRange('last-month', dayKey(Date.now(), zone));
  const [form, setForm] = useState(() => ({
    name: period?.name ?? '',
    period_type: period?.period_type ?? 'monthly',
    start_date: period?.start_date ?? month.start,
    end_date: period?.end_date ?? month.end,
    rate_type_filter: (period?.rate_type_filter ?? '') as RateType | '',
    everyone: !period?.selected_user_ids?.length,
    user_ids: period?.selected_user_ids ?? ([] as number[]),
  }));
  const [touched, setTouched] = useState(false);
  const candidates = [...new Map((rates.data ?? []).filter((r) => r.is_active && (!form.rate_type_filter || r.rate_type === form.rate_type_filter)).map((r) => [r.user_id, r])).values()];
  const errors = {
    name: !form.name.trim() ? 'Enter a name' : null,
    end: form.end_date < form.start_date ? 'The end cannot be before the start' : null,
    people: !form.everyone && form.user_ids.length === 0 ? 'Choose at least one person' : null,
  };
  const save = useMutation({
    mutationFn: async () => {
      const body = {
        name: form.name.trim(),
        period_type: form.period_type,
        start_date: form.start_date,
        end_date: form.end_date,
        // on a change, "all" removes a filter (a missing one would mean "unchanged")
        rate_type_filter: form.rate_type_filter || (period ? 'all' : null),
        user_ids: form.everyone ? [] : form.user_ids,
      };
      return period ? (await api.put<PayrollPeriod>(`/api/payroll/periods/${period.id}`, body)).data : (await api.post<PayrollPeriod>('/api/payroll/periods', body)).data;
    },
    onSuccess: (saved) => {
      toast.success(period ? 'Period changed' : 'Payroll period created');
      void queryClient.invalidateQueries({ queryKey: ['payroll'] });
      onClose();
      if (!period) void navigate(`/payroll/periods/${saved.id}`);
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (!Object.values(errors).some(Boolean)) save.mutate();
  }
  const toggle = (id: number) => setForm({ ...form, user_ids: form.user_ids.includes(id) ? form.user_ids.filter((x) => x !== id) : [...form.user_ids, id] });
  return (
    <Modal title={period ? `Edit ${period.name}` : 'New payroll period'} onClose={onClose}>
      <form noValidate onSubmit={submit} className="flex flex-col gap-3" data-testid="period-form">
        <FormError error={save.error} />
        {period?.status === 'processing' ? (
          <p className="text-xs text-slate-600 dark:text-slate-400">Changing the dates, the rate types or the people returns the period to draft; process it again afterwards.</p>
        ) : null}
        <Field label="Name" required maxLength={255} value={form.name} placeholder="e.g. March 2026" onChange={(e) => setForm({ ...form, name: e.target.value })} error={touched ? errors.name : null} />
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
          <option value="">
            All rate types
          </option>
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
        <FormActions onCancel={onClose} busy={save.isPending} submitLabel={period ? 'Save changes' : 'Create period'} />
      </form>
    </Modal>
  );
}
