import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../shared/api/client.ts';
import { messageOf } from '../../shared/api/errors.ts';
import { useUserOptions } from '../../shared/api/queries.ts';
import type { Adjustment, PayrollEntry, PeriodDetail } from '../../shared/api/types.ts';
import { formatHours, formatMoney } from '../../shared/lib/money.ts';
import { Button, Card, ConfirmDialog, Field, FormActions, FormError, Modal, PageHeader, QueryView, SelectField, TextArea } from '../../shared/ui/kit.tsx';
import { toast } from '../../shared/ui/toasts.ts';
import { formatTotal, hasOvertime, PayrollTabs, rateTypeLabel, StatusPill, useCurrencyOf, usePayrollCurrency } from './common.tsx';
import { PeriodForm } from './PeriodForm.tsx';
import { ACTIONS, actionsFor, ADJUSTMENT_TYPES, adjustmentInput, hoursSetPay, isEditable, parseAmount, parseHours, signedAdjustment, type Action, type AdjustmentType } from './workflow.ts';

/** Every change here alters entries, adjustments and totals: the period, its list and the entries' adjustments are read again. */
function useRefreshPayroll() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: ['payroll'] });
}

const personOf = (entry: PayrollEntry) => entry.user_name ?? `user #${entry.user_id}`;

/** A new adjustment of `entry`, or a change to `adjustment` (type, amount, description). */
function AdjustmentForm({ entry, adjustment, currency, onClose }: { entry: PayrollEntry; adjustment?: Adjustment; currency: string; onClose: () => void }) {
  const refresh = useRefreshPayroll();
  const [form, setForm] = useState(() => {
    const type = (adjustment?.adjustment_type ?? 'bonus') as AdjustmentType;
    return { type, amount: adjustment ? adjustmentInput(type, adjustment.amount) : '', description: adjustment?.description ?? '' };
  });
  const [touched, setTouched] = useState(false);
  const sign = ADJUSTMENT_TYPES.find((t) => t.id === form.type)!.sign;
  const signed = signedAdjustment(form.type, form.amount);
  const errors = {
    amount: 'error' in signed ? signed.error : null,
    description: !form.description.trim() ? 'Say what it is for' : null,
  };
  const save = useMutation({
    mutationFn: async (amount: number) => {
      const body = { adjustment_type: form.type, amount, description: form.description.trim() };
      if (adjustment) await api.put(`/api/payroll/adjustments/${adjustment.id}`, body);
      else await api.post('/api/payroll/adjustments', { payroll_entry_id: entry.id, ...body });
    },
    onSuccess: () => {
      toast.success(adjustment ? 'Adjustment changed' : 'Adjustment added');
      refresh();
      onClose();
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if ('amount' in signed && !errors.description) save.mutate(signed.amount);
  }
  return (
    <Modal title={`${adjustment ? 'Change an adjustment of' : 'Adjust the pay of'} ${personOf(entry)}`} onClose={onClose}>
      <form noValidate onSubmit={submit} className="flex flex-col gap-3" data-testid="adjustment-form">
        <FormError error={save.error} />
        <SelectField label="Type" value={form.type} onChange={(e) => setForm({ ...form, type: e.target.value as AdjustmentType })}>
          {ADJUSTMENT_TYPES.map((t) => (
            <option key={t.id} value={t.id}>
              {t.label}
            </option>
          ))}
        </SelectField>
        <Field label={`Amount (${currency})`} required inputMode="decimal" value={form.amount} onChange={(e) => setForm({ ...form, amount: e.target.value })} error={touched ? errors.amount : null} hint={sign === 0 ? 'Negative lowers the pay' : sign < 0 ? 'Entered as a positive number; it lowers the pay' : undefined} />
        <Field label="Description" required maxLength={500} value={form.description} onChange={(e) => setForm({ ...form, description: e.target.value })} error={touched ? errors.description : null} />
        <FormActions onCancel={onClose} busy={save.isPending} submitLabel={adjustment ? 'Save adjustment' : 'Add adjustment'} />
      </form>
    </Modal>
  );
}

/**
 * An entry's hours and notes (`PUT /api/payroll/entries/{id}`). Hours are offered only where they set
 * the pay (hourly and manual entries) and sent only when changed, since new hours replace the
 * calculated rate lines with hours × the entry's rates.
 */
function EntryForm({ entry, currency, onClose }: { entry: PayrollEntry; currency: string; onClose: () => void }) {
  const refresh = useRefreshPayroll();
  const withHours = hoursSetPay(entry.rate_type);
  const [form, setForm] = useState({ regular: Number(entry.regular_hours).toFixed(2), overtime: Number(entry.overtime_hours).toFixed(2), notes: entry.notes ?? '' });
  const [touched, setTouched] = useState(false);
  const regular = parseHours(form.regular);
  const overtime = parseHours(form.overtime);
  const errors = {
    regular: withHours && regular === null ? 'Enter hours of 0 or more with at most 2 decimals' : null,
    overtime: withHours && overtime === null ? 'Enter hours of 0 or more with at most 2 decimals' : null,
  };
  const save = useMutation({
    mutationFn: () => {
      const body: { regular_hours?: number; overtime_hours?: number; notes: string } = { notes: form.notes };
      if (withHours && (regular !== Number(entry.regular_hours) || overtime !== Number(entry.overtime_hours))) {
        body.regular_hours = regular!;
        body.overtime_hours = overtime!;
      }
      return api.put(`/api/payroll/entries/${entry.id}`, body);
    },
    onSuccess: () => {
      toast.success('Entry changed');
      refresh();
      onClose();
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (!errors.regular && !errors.overtime) save.mutate();
  }
  const money = (amount: string) => formatMoney(amount, currency);
  return (
    <Modal title={`Edit the entry of ${personOf(entry)}`} onClose={onClose}>
      <form noValidate onSubmit={submit} className="flex flex-col gap-3" data-testid="entry-form">
        <FormError error={save.error} />
        {withHours ? (
          <>
            <p className="text-xs text-slate-600 dark:text-slate-400">
              New hours set the gross to hours × {money(entry.regular_rate)} + overtime × {money(entry.overtime_rate)}. Processing the period again recalculates them from the time worked.
            </p>
            <div className="grid grid-cols-2 gap-2">
              <Field label="Regular hours" required inputMode="decimal" value={form.regular} onChange={(e) => setForm({ ...form, regular: e.target.value })} error={touched ? errors.regular : null} />
              <Field label="Overtime hours" required inputMode="decimal" value={form.overtime} onChange={(e) => setForm({ ...form, overtime: e.target.value })} error={touched ? errors.overtime : null} />
            </div>
          </>
        ) : (
          <p className="text-sm" data-testid="hours-not-offered">
            The pay of a {rateTypeLabel(entry.rate_type).toLowerCase()} entry does not follow its hours, so they cannot be changed here. Add an adjustment to change the pay.
          </p>
        )}
        <TextArea label="Notes" maxLength={5000} value={form.notes} onChange={(e) => setForm({ ...form, notes: e.target.value })} />
        <FormActions onCancel={onClose} busy={save.isPending} submitLabel="Save entry" />
      </form>
    </Modal>
  );
}

/**
 * An entry added by hand (`POST /api/payroll/entries`) for a person without one in the period.
 * Without rates the server takes the person's hourly rate on the period's last day.
 */
function ManualEntryForm({ period, onClose }: { period: PeriodDetail; onClose: () => void }) {
  const refresh = useRefreshPayroll();
  const users = useUserOptions();
  const currencyOf = useCurrencyOf();
  const taken = new Set(period.entries.map((e) => e.user_id));
  const choices = (users.data ?? []).filter((u) => !taken.has(u.id));
  const [form, setForm] = useState({ user_id: '', regular: '', overtime: '0', regular_rate: '', overtime_rate: '', notes: '' });
  const [touched, setTouched] = useState(false);
  const regular = parseHours(form.regular);
  const overtime = parseHours(form.overtime);
  const regularRate = form.regular_rate.trim() ? parseAmount(form.regular_rate) : undefined;
  const overtimeRate = form.overtime_rate.trim() ? parseAmount(form.overtime_rate) : undefined;
  const badRate = (rate: number | null | undefined) => rate === null || (rate !== undefined && rate < 0);
  const errors = {
    user: !form.user_id ? 'Choose a person' : null,
    regular: regular === null ? 'Enter hours of 0 or more with at most 2 decimals' : null,
    overtime: overtime === null ? 'Enter hours of 0 or more with at most 2 decimals' : null,
    regular_rate: badRate(regularRate) ? 'Enter an amount of 0 or more with at most 2 decimals' : null,
    overtime_rate: badRate(overtimeRate) ? 'Enter an amount of 0 or more with at most 2 decimals' : regularRate === undefined && overtimeRate !== undefined ? 'Give the regular rate too' : null,
  };
  const currency = form.user_id ? currencyOf(null, Number(form.user_id)) : 'USD';
  const add = useMutation({
    mutationFn: () =>
      api.post('/api/payroll/entries', {
        payroll_period_id: period.id,
        user_id: Number(form.user_id),
        regular_hours: regular,
        overtime_hours: overtime,
        regular_rate: regularRate,
        overtime_rate: overtimeRate,
        notes: form.notes.trim() || undefined,
      }),
    onSuccess: () => {
      toast.success('Entry added');
      refresh();
      onClose();
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (!Object.values(errors).some(Boolean)) add.mutate();
  }
  const shown = (error: string | null) => (touched ? error : null);
  return (
    <Modal title={`Add an entry to ${period.name}`} onClose={onClose}>
      <form noValidate onSubmit={submit} className="flex flex-col gap-3" data-testid="manual-entry-form">
        <FormError error={add.error} />
        <SelectField label="Person" value={form.user_id} onChange={(e) => setForm({ ...form, user_id: e.target.value })}>
          <option value="">Choose a person without an entry</option>
          {choices.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name} ({u.email})
            </option>
          ))}
        </SelectField>
        {shown(errors.user) ? <p role="alert" className="text-xs text-red-600">{errors.user}</p> : null}
        <div className="grid grid-cols-2 gap-2">
          <Field label="Regular hours" required inputMode="decimal" value={form.regular} onChange={(e) => setForm({ ...form, regular: e.target.value })} error={shown(errors.regular)} />
          <Field label="Overtime hours" required inputMode="decimal" value={form.overtime} onChange={(e) => setForm({ ...form, overtime: e.target.value })} error={shown(errors.overtime)} />
          <Field label={`Regular rate (${currency}/h)`} inputMode="decimal" value={form.regular_rate} onChange={(e) => setForm({ ...form, regular_rate: e.target.value })} error={shown(errors.regular_rate)} />
          <Field label={`Overtime rate (${currency}/h)`} inputMode="decimal" value={form.overtime_rate} onChange={(e) => setForm({ ...form, overtime_rate: e.target.value })} error={shown(errors.overtime_rate)} />
        </div>
        <p className="text-xs text-slate-600 dark:text-slate-400">
          Leave both rates blank to use the person's hourly rate on the period's last day, overtime at its multiplier. With only a regular rate, overtime is paid at that rate.
        </p>
        <TextArea label="Notes" maxLength={5000} value={form.notes} onChange={(e) => setForm({ ...form, notes: e.target.value })} />
        <FormActions onCancel={onClose} busy={add.isPending} submitLabel="Add entry" />
      </form>
    </Modal>
  );
}

function EntryCard({ entry, open, currency }: { entry: PayrollEntry; open: boolean; currency: string }) {
  const refresh = useRefreshPayroll();
  const [editing, setEditing] = useState(false);
  const [adjusting, setAdjusting] = useState<Adjustment | 'new' | null>(null);
  const [removing, setRemoving] = useState<Adjustment | null>(null);
  // a period's entries come without their adjustments; each entry reads its own
  const listed = useQuery({
    queryKey: ['payroll', 'adjustments', entry.id],
    queryFn: async () => (await api.get<Adjustment[]>(`/api/payroll/entries/${entry.id}/adjustments`)).data,
    enabled: entry.adjustments === undefined,
  });
  const adjustments = entry.adjustments ?? listed.data ?? [];
  const lines = entry.rate_lines ?? [];
  const remove = useMutation({
    mutationFn: (id: number) => api.delete(`/api/payroll/adjustments/${id}`),
    onSuccess: () => {
      toast.success('Adjustment removed');
      refresh();
    },
    onError: (error) => toast.error(messageOf(error)),
    onSettled: () => setRemoving(null),
  });
  const money = (amount: string) => formatMoney(amount, currency);
  return (
    <li className="rounded-md border border-slate-200 p-3 text-sm dark:border-slate-800" data-testid="payroll-entry">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <p className="font-semibold">
          {entry.user_name ?? `User #${entry.user_id}`} <span className="font-normal text-slate-500 dark:text-slate-400">{entry.user_email}</span>
        </p>
        <p className="text-lg font-bold" data-testid="entry-net">
          {money(entry.net_amount)}
        </p>
      </div>
      <p data-testid="entry-hours">
        {entry.rate_type ? rateTypeLabel(entry.rate_type) : 'Manual'} · {formatHours(entry.regular_hours)} at {money(entry.regular_rate)}
        {hasOvertime(entry.rate_type) ? ` · overtime ${formatHours(entry.overtime_hours)} at ${money(entry.overtime_rate)}` : ''}
      </p>
      <p data-testid="entry-amounts">
        Gross {money(entry.gross_amount)} · adjustments {money(entry.adjustments_amount)} · net {money(entry.net_amount)} · <span className="capitalize">{entry.status}</span>
      </p>
      {entry.notes ? <p className="text-slate-600 dark:text-slate-400" data-testid="entry-notes">{entry.notes}</p> : null}
      {lines.length > 1 ? (
        <ul className="mt-1 text-xs text-slate-600 dark:text-slate-400">
          {lines.map((l) => (
            <li key={l.pay_rate_id}>
              {rateTypeLabel(l.rate_type)} {money(l.base_rate)}: {formatHours(l.regular_hours)} + {formatHours(l.overtime_hours)} overtime = {money(l.amount)}
            </li>
          ))}
        </ul>
      ) : null}
      {adjustments.length ? (
        <ul className="mt-2 border-t border-slate-100 pt-1 dark:border-slate-800" aria-label="Adjustments">
          {adjustments.map((a) => (
            <li key={a.id} className="flex items-center justify-between gap-2" data-testid="adjustment">
              <span>
                <span className="capitalize">{a.adjustment_type}</span> {money(a.amount)} · {a.description}
              </span>
              {open ? (
                <span className="flex gap-1">
                  <Button tone="ghost" onClick={() => setAdjusting(a)} aria-label={`Edit adjustment ${a.description}`}>
                    Edit
                  </Button>
                  <Button tone="ghost" onClick={() => setRemoving(a)} aria-label={`Remove adjustment ${a.description}`}>
                    Remove
                  </Button>
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {open ? (
        <div className="mt-2 flex flex-wrap gap-2">
          <Button tone="secondary" onClick={() => setEditing(true)}>
            Edit entry
          </Button>
          <Button tone="secondary" onClick={() => setAdjusting('new')}>
            Add adjustment
          </Button>
        </div>
      ) : null}
      {editing ? <EntryForm entry={entry} currency={currency} onClose={() => setEditing(false)} /> : null}
      {adjusting ? <AdjustmentForm entry={entry} adjustment={adjusting === 'new' ? undefined : adjusting} currency={currency} onClose={() => setAdjusting(null)} /> : null}
      {removing ? (
        <ConfirmDialog
          title="Remove adjustment"
          message={`Remove the ${removing.adjustment_type} of ${money(removing.amount)} (${removing.description}) from the pay of ${personOf(entry)}?`}
          confirmLabel="Remove"
          busy={remove.isPending}
          onConfirm={() => remove.mutate(removing.id)}
          onCancel={() => setRemoving(null)}
        />
      ) : null}
    </li>
  );
}

/** One payroll period: its entries, the workflow actions (each confirmed), edits of the period, entries and adjustments. */
export default function PeriodDetailPage() {
  const { periodId } = useParams();
  const navigate = useNavigate();
  const refresh = useRefreshPayroll();
  const currencyOf = useCurrencyOf();
  const anyCurrency = usePayrollCurrency();
  const [confirming, setConfirming] = useState<Action | null>(null);
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const detail = useQuery({
    queryKey: ['payroll', 'period', periodId],
    queryFn: async () => (await api.get<PeriodDetail>(`/api/payroll/periods/${encodeURIComponent(periodId ?? '')}`)).data,
  });
  const act = useMutation({
    mutationFn: async (action: Action) => {
      if (action === 'delete') await api.delete(`/api/payroll/periods/${periodId}`);
      else await api.post(`/api/payroll/periods/${periodId}/${action}`);
    },
    onSuccess: (_, action) => {
      toast.success(ACTIONS[action].done);
      setConfirming(null);
      refresh();
      if (action === 'delete') void navigate('/payroll/periods');
    },
    onError: (error) => {
      setConfirming(null);
      toast.error(messageOf(error));
    },
  });
  return (
    <>
      <PayrollTabs />
      <Link to="/payroll/periods" className="text-sm text-indigo-700 underline dark:text-indigo-300">
        ← All periods
      </Link>
      <QueryView query={detail} isEmpty={() => false} empty={null}>
        {(p) => {
          const open = isEditable(p.status);
          // the total is in the currency of this period's entries, when they share one
          const currencies = new Set(p.entries.map((e) => currencyOf(e.pay_rate_id, e.user_id)));
          const periodCurrency = p.entries.length === 0 ? anyCurrency : currencies.size === 1 ? [...currencies][0]! : null;
          return (
            <>
              <PageHeader
                title={p.name}
                subtitle={`${p.start_date} – ${p.end_date} · ${p.entries_count} entries`}
                action={
                  <div className="flex flex-wrap items-center gap-2">
                    <StatusPill status={p.status} />
                    {open ? (
                      <Button tone="secondary" onClick={() => setEditing(true)} data-testid="period-edit">
                        Edit period
                      </Button>
                    ) : null}
                    {actionsFor(p.status).map((a) => (
                      <Button key={a} tone={a === 'void' || a === 'delete' ? 'danger' : a === 'process' ? 'primary' : 'secondary'} onClick={() => setConfirming(a)} data-testid={`period-${a}`}>
                        {ACTIONS[a].label}
                      </Button>
                    ))}
                  </div>
                }
              />
              <Card
                title={`Total: ${formatTotal(p.total_amount, periodCurrency)}`}
                action={
                  open ? (
                    <Button tone="secondary" onClick={() => setAdding(true)} data-testid="entry-add">
                      Add entry
                    </Button>
                  ) : null
                }
              >
                {p.entries.length === 0 ? (
                  <p className="py-4 text-center text-sm text-slate-500 dark:text-slate-400">{open ? 'No entries yet. Process the period to calculate them, or add one by hand.' : 'This period has no entries.'}</p>
                ) : (
                  <ul className="flex flex-col gap-2" data-testid="payroll-entries">
                    {p.entries.map((e) => (
                      <EntryCard key={e.id} entry={e} open={open} currency={currencyOf(e.pay_rate_id, e.user_id)} />
                    ))}
                  </ul>
                )}
              </Card>
              {editing ? <PeriodForm period={p} onClose={() => setEditing(false)} /> : null}
              {adding ? <ManualEntryForm period={p} onClose={() => setAdding(false)} /> : null}
              {confirming ? (
                <ConfirmDialog
                  title={`${ACTIONS[confirming].label}: ${p.name}`}
                  message={ACTIONS[confirming].confirm}
                  confirmLabel={ACTIONS[confirming].label}
                  busy={act.isPending}
                  onConfirm={() => act.mutate(confirming)}
                  onCancel={() => setConfirming(null)}
                />
              ) : null}
            </>
          );
        }}
      </QueryView>
    </>
  );
}
