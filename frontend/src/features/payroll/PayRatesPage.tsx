import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../../shared/api/client.ts';
import { messageOf } from '../../shared/api/errors.ts';
import { useUserOptions, useZone } from '../../shared/api/queries.ts';
import type { PayRate, RateHistory, RateType } from '../../shared/api/types.ts';
import { dayKey, formatDateTime } from '../../shared/lib/format.ts';
import { CURRENCIES, formatMoney } from '../../shared/lib/money.ts';
import { Table } from '../../shared/ui/Table.tsx';
import { Button, Card, ConfirmDialog, Field, FormActions, FormError, Modal, PageHeader, QueryView, SelectField } from '../../shared/ui/kit.tsx';
import { toast } from '../../shared/ui/toasts.ts';
import { PayrollTabs, RATE_TYPES, hasOvertime, rateTypeLabel, rateUnit, useAllRates } from './common.tsx';


function RateForm({ rate, onClose }: { rate?: PayRate; onClose: () => void }) {
  const zone = useZone();
  const users = useUserOptions();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({
    user_id: rate?.user_id ?? 0,
    rate_type: (rate?.rate_type ?? 'hourly') as RateType,
    base_rate: rate?.base_rate ?? '',
    currency: rate?.currency ?? 'USD',
    overtime_multiplier: rate?.overtime_multiplier ?? '1.5',
    effective_from: rate?.effective_from ?? dayKey(Date.now(), zone),
    effective_to: rate?.effective_to ?? '',
    change_reason: '',
  });
  const [touched, setTouched] = useState(false);
  const base = Number(form.base_rate);
  const multiplier = Number(form.overtime_multiplier);
  const errors = {
    user: !rate && !form.user_id ? 'Choose a person' : null,
    base: form.base_rate === '' || !Number.isFinite(base) || base < 0 || !/^\d+(\.\d{1,2})?$/.test(String(form.base_rate)) ? 'Enter an amount of 0 or more with at most 2 decimals' : null,
    multiplier: hasOvertime(form.rate_type) && (!Number.isFinite(multiplier) || multiplier < 1 || multiplier > 10) ? 'Between 1 and 10' : null,
    to: form.effective_to && form.effective_to < form.effective_from ? 'Cannot end before it starts' : null,
  };
  const save = useMutation({
    mutationFn: async () => {
      const body = {
        rate_type: form.rate_type,
        base_rate: base,
        currency: form.currency,
        overtime_multiplier: hasOvertime(form.rate_type) ? multiplier : 1,
        effective_from: form.effective_from,
        effective_to: form.effective_to || null,
      };
      if (rate) await api.put(`/api/pay-rates/${rate.id}`, { ...body, change_reason: form.change_reason.trim() || null });
      else await api.post('/api/pay-rates', { ...body, user_id: form.user_id });
    },
    onSuccess: () => {
      toast.success(rate ? 'Pay rate updated' : 'Pay rate created');
      void queryClient.invalidateQueries({ queryKey: ['pay-rates'] });
      onClose();
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (!Object.values(errors).some(Boolean)) save.mutate();
  }
  const show = (error: string | null) => (touched ? error : null);
  return (
    <Modal title={rate ? `Edit pay rate of ${rate.user_name ?? `user #${rate.user_id}`}` : 'New pay rate'} onClose={onClose}>
      <form noValidate onSubmit={submit} className="flex flex-col gap-3" data-testid="rate-form">
        <FormError error={save.error} />
        {!rate ? (
          <SelectField label="Person" required value={form.user_id || ''} onChange={(e) => setForm({ ...form, user_id: Number(e.target.value) })}>
            <option value="">Choose…</option>
            {users.data?.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name} ({u.email})
              </option>
            ))}
          </SelectField>
        ) : null}
        {show(errors.user) ? <p role="alert" className="text-xs text-red-600">{errors.user}</p> : null}
        <SelectField label="Rate type" value={form.rate_type} onChange={(e) => setForm({ ...form, rate_type: e.target.value as RateType })}>
          {RATE_TYPES.map((t) => (
            <option key={t.id} value={t.id}>
              {t.label}
            </option>
          ))}
        </SelectField>
        <div className="grid grid-cols-2 gap-2">
          <Field label="Base rate" required inputMode="decimal" value={form.base_rate} onChange={(e) => setForm({ ...form, base_rate: e.target.value })} error={show(errors.base)} />
          <SelectField label="Currency" value={form.currency} onChange={(e) => setForm({ ...form, currency: e.target.value })}>
            {[...new Set([form.currency, ...CURRENCIES])].map((c) => (
              <option key={c}>{c}</option>
            ))}
          </SelectField>
        </div>
        {hasOvertime(form.rate_type) ? (
          <Field label="Overtime multiplier" inputMode="decimal" value={form.overtime_multiplier} onChange={(e) => setForm({ ...form, overtime_multiplier: e.target.value })} error={show(errors.multiplier)} />
        ) : (
          <p className="text-xs text-slate-500 dark:text-slate-400">No overtime for {rateTypeLabel(form.rate_type).toLowerCase()} rates.</p>
        )}
        <div className="grid grid-cols-2 gap-2">
          <Field label="Effective from" type="date" required value={form.effective_from} onChange={(e) => setForm({ ...form, effective_from: e.target.value })} />
          <Field label="Effective to" type="date" value={form.effective_to} onChange={(e) => setForm({ ...form, effective_to: e.target.value })} error={show(errors.to)} hint="Empty: open-ended" />
        </div>
        {rate ? <Field label="Reason for the change" value={form.change_reason} onChange={(e) => setForm({ ...form, change_reason: e.target.value })} /> : null}
        <FormActions onCancel={onClose} busy={save.isPending} submitLabel={rate ? 'Save changes' : 'Create pay rate'} />
      </form>
    </Modal>
  );
}

function HistoryDialog({ rate, onClose }: { rate: PayRate; onClose: () => void }) {
  const zone = useZone();
  const history = useQuery({ queryKey: ['pay-rates', 'history', rate.id], queryFn: async () => (await api.get<RateHistory[]>(`/api/pay-rates/${rate.id}/history`)).data });
  return (
    <Modal title={`Rate history – ${rate.user_name ?? `user #${rate.user_id}`}`} onClose={onClose}>
      <QueryView query={history} isEmpty={(d) => d.length === 0} empty="No changes since it was created">
        {(rows) => (
          <ul className="divide-y divide-slate-100 text-sm dark:divide-slate-800" data-testid="rate-history">
            {rows.map((h) => (
              <li key={h.id} className="py-2">
                <p className="font-medium capitalize">{h.change_type}</p>
                {h.changes ? (
                  <ul className="text-xs">
                    {Object.entries(h.changes as Record<string, { from?: unknown; to?: unknown }>).map(([field, change]) => (
                      <li key={field}>
                        {field}: {String(change?.from ?? '—')} → {String(change?.to ?? '—')}
                      </li>
                    ))}
                  </ul>
                ) : null}
                {h.change_reason ? <p className="text-xs">{h.change_reason}</p> : null}
                <p className="text-xs text-slate-500 dark:text-slate-400">
                  {formatDateTime(h.changed_at, zone)} · {h.changed_by_name ?? 'system'}
                </p>
              </li>
            ))}
          </ul>
        )}
      </QueryView>
    </Modal>
  );
}

/** Pay rates (admins): list, create, edit, deactivate, history. */
export default function PayRatesPage() {
  const [inactive, setInactive] = useState(false);
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<PayRate | 'new' | null>(null);
  const [historyOf, setHistoryOf] = useState<PayRate | null>(null);
  const [deactivating, setDeactivating] = useState<PayRate | null>(null);
  const queryClient = useQueryClient();
  const rates = useAllRates();
  const deactivate = useMutation({
    mutationFn: (rate: PayRate) => api.delete(`/api/pay-rates/${rate.id}`),
    onSuccess: () => {
      toast.success('Pay rate deactivated');
      setDeactivating(null);
      void queryClient.invalidateQueries({ queryKey: ['pay-rates'] });
    },
    onError: (error) => toast.error(messageOf(error)),
  });
  const needle = search.trim().toLowerCase();
  const visible = (rows: PayRate[]) =>
    rows.filter(
      (r) =>
        (inactive || r.is_active) &&
        (!needle || [r.user_name, r.user_email, r.rate_type].some((v) => v?.toLowerCase().includes(needle))),
    );
  return (
    <>
      <PageHeader title="Pay rates" subtitle="What each person is paid, and since when" action={<Button onClick={() => setEditing('new')}>New pay rate</Button>} />
      <PayrollTabs />
      <Card>
        <div className="mb-3 flex flex-wrap items-end gap-3">
          <div className="w-64">
            <Field label="Search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
          </div>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={inactive} onChange={(e) => setInactive(e.target.checked)} /> Show inactive rates
          </label>
        </div>
        <QueryView query={rates} isEmpty={(d) => visible(d).length === 0} empty="No pay rates match">
          {(all) => (
            <Table
              testId="rate-table"
              rows={visible(all)}
              rowKey={(r) => r.id}
              rowTestId={() => 'rate-row'}
              columns={[
                {
                  header: 'Person',
                  cell: (r) => (
                    <>
                      {r.user_name ?? `User #${r.user_id}`}
                      <span className="block text-xs text-slate-500 dark:text-slate-400">{r.user_email}</span>
                    </>
                  ),
                },
                { header: 'Type', cell: (r) => rateTypeLabel(r.rate_type) },
                { header: 'Rate', numeric: true, cell: (r) => `${formatMoney(r.base_rate, r.currency)}${rateUnit(r.rate_type)}` },
                { header: 'Overtime', numeric: true, cell: (r) => (hasOvertime(r.rate_type) ? `×${r.overtime_multiplier}` : 'n/a') },
                { header: 'In effect', cell: (r) => `${r.effective_from} – ${r.effective_to ?? 'open'}` },
                { header: 'Status', cell: (r) => (r.is_active ? 'Active' : 'Inactive') },
                {
                  header: 'Actions',
                  cell: (r) => (
                    <span className="whitespace-nowrap">
                      <Button tone="ghost" onClick={() => setHistoryOf(r)} aria-label={`History of rate ${r.id}`}>
                        History
                      </Button>
                      <Button tone="ghost" onClick={() => setEditing(r)} aria-label={`Edit rate ${r.id}`}>
                        Edit
                      </Button>
                      {r.is_active ? (
                        <Button tone="ghost" onClick={() => setDeactivating(r)} aria-label={`Deactivate rate ${r.id}`}>
                          Deactivate
                        </Button>
                      ) : null}
                    </span>
                  ),
                },
              ]}
            />
          )}
        </QueryView>
      </Card>
      {editing ? <RateForm rate={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} /> : null}
      {historyOf ? <HistoryDialog rate={historyOf} onClose={() => setHistoryOf(null)} /> : null}
      {deactivating ? (
        <ConfirmDialog
          title="Deactivate pay rate"
          message={`Deactivate the ${rateTypeLabel(deactivating.rate_type).toLowerCase()} rate of ${deactivating.user_name ?? 'this person'}? It ends today and pays nothing from then on; periods already paid keep their amounts.`}
          confirmLabel="Deactivate"
          busy={deactivate.isPending}
          onConfirm={() => deactivate.mutate(deactivating)}
          onCancel={() => setDeactivating(null)}
        />
      ) : null}
    </>
  );
}
