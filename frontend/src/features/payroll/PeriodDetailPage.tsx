import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../shared/api/client.ts';
import { messageOf } from '../../shared/api/errors.ts';
import type { Adjustment, PayrollEntry, PeriodDetail, PeriodStatus } from '../../shared/api/types.ts';
import { formatHours, formatMoney } from '../../shared/lib/money.ts';
import { Button, Card, ConfirmDialog, Field, FormActions, FormError, Modal, PageHeader, QueryView, SelectField } from '../../shared/ui/kit.tsx';
import { toast } from '../../shared/ui/toasts.ts';
import { formatTotal, hasOvertime, PayrollTabs, rateTypeLabel, StatusPill, useCurrencyOf, usePayrollCurrency } from './common.tsx';

type Action = 'process' | 'approve' | 'mark-paid' | 'void' | 'delete';

/** The workflow of docs/payroll.md: which actions each status allows, and what each one says. */
export const ACTIONS: Record<Action, { label: string; from: PeriodStatus[]; confirm: string; done: string }> = {
  process: { label: 'Process', from: ['draft', 'processing'], confirm: 'Calculate every entry of this period from the time worked and the pay rates? Adjustments are kept.', done: 'Period processed' },
  approve: { label: 'Approve', from: ['processing'], confirm: 'Approve this period? Its entries can no longer change afterwards.', done: 'Period approved' },
  'mark-paid': { label: 'Mark as paid', from: ['approved'], confirm: 'Mark every entry of this period as paid?', done: 'Period marked as paid' },
  void: { label: 'Void', from: ['draft', 'processing', 'approved'], confirm: 'Void this period? Nothing is paid from it, and it cannot be changed afterwards.', done: 'Period voided' },
  delete: { label: 'Delete', from: ['draft', 'processing', 'void'], confirm: 'Delete this period with its entries and adjustments?', done: 'Period deleted' },
};
export const actionsFor = (status: PeriodStatus) => (Object.keys(ACTIONS) as Action[]).filter((a) => ACTIONS[a].from.includes(status));

const ADJUSTMENT_TYPES = [
  { id: 'bonus', label: 'Bonus (+)', sign: 1 },
  { id: 'reimbursement', label: 'Reimbursement (+)', sign: 1 },
  { id: 'deduction', label: 'Deduction (−)', sign: -1 },
  { id: 'tax', label: 'Tax (−)', sign: -1 },
  { id: 'other', label: 'Other (±)', sign: 0 },
] as const;

function AdjustmentForm({ entry, currency, onClose }: { entry: PayrollEntry; currency: string; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [form, setForm] = useState({ type: 'bonus' as (typeof ADJUSTMENT_TYPES)[number]['id'], amount: '', description: '' });
  const [touched, setTouched] = useState(false);
  const sign = ADJUSTMENT_TYPES.find((t) => t.id === form.type)!.sign;
  const value = Number(form.amount);
  const signed = sign === 0 ? value : sign * Math.abs(value);
  const errors = {
    amount: !/^-?\d+(\.\d{1,2})?$/.test(form.amount.trim()) || value === 0 || (sign !== 0 && value < 0) ? (sign === 0 ? 'Enter a non-zero amount, e.g. -12.50' : 'Enter an amount above 0 with at most 2 decimals') : null,
    description: !form.description.trim() ? 'Say what it is for' : null,
  };
  const add = useMutation({
    mutationFn: () => api.post('/api/payroll/adjustments', { payroll_entry_id: entry.id, adjustment_type: form.type, amount: signed, description: form.description.trim() }),
    onSuccess: () => {
      toast.success('Adjustment added');
      void queryClient.invalidateQueries({ queryKey: ['payroll'] });
      onClose();
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (!errors.amount && !errors.description) add.mutate();
  }
  return (
    <Modal title={`Adjust the pay of ${entry.user_name ?? `user #${entry.user_id}`}`} onClose={onClose}>
      <form noValidate onSubmit={submit} className="flex flex-col gap-3" data-testid="adjustment-form">
        <FormError error={add.error} />
        <SelectField label="Type" value={form.type} onChange={(e) => setForm({ ...form, type: e.target.value as typeof form.type })}>
          {ADJUSTMENT_TYPES.map((t) => (
            <option key={t.id} value={t.id}>
              {t.label}
            </option>
          ))}
        </SelectField>
        <Field label={`Amount (${currency})`} required inputMode="decimal" value={form.amount} onChange={(e) => setForm({ ...form, amount: e.target.value })} error={touched ? errors.amount : null} hint={sign === 0 ? 'Negative lowers the pay' : sign < 0 ? 'Entered as a positive number; it lowers the pay' : undefined} />
        <Field label="Description" required maxLength={500} value={form.description} onChange={(e) => setForm({ ...form, description: e.target.value })} error={touched ? errors.description : null} />
        <FormActions onCancel={onClose} busy={add.isPending} submitLabel="Add adjustment" />
      </form>
    </Modal>
  );
}

function EntryCard({ entry, open, currency }: { entry: PayrollEntry; open: boolean; currency: string }) {
  const queryClient = useQueryClient();
  const [adjusting, setAdjusting] = useState(false);
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
      void queryClient.invalidateQueries({ queryKey: ['payroll'] });
    },
    onError: (error) => toast.error(messageOf(error)),
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
      <p>
        {rateTypeLabel(entry.rate_type)} · {formatHours(entry.regular_hours)} at {money(entry.regular_rate)}
        {hasOvertime(entry.rate_type) ? ` · overtime ${formatHours(entry.overtime_hours)} at ${money(entry.overtime_rate)}` : ''}
      </p>
      <p data-testid="entry-amounts">
        Gross {money(entry.gross_amount)} · adjustments {money(entry.adjustments_amount)} · net {money(entry.net_amount)} · <span className="capitalize">{entry.status}</span>
      </p>
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
            <li key={a.id} className="flex items-center justify-between gap-2">
              <span>
                <span className="capitalize">{a.adjustment_type}</span> {money(a.amount)} · {a.description}
              </span>
              {open ? (
                <Button tone="ghost" busy={remove.isPending && remove.variables === a.id} onClick={() => remove.mutate(a.id)} aria-label={`Remove adjustment ${a.description}`}>
                  Remove
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {open ? (
        <Button tone="secondary" className="mt-2" onClick={() => setAdjusting(true)}>
          Add adjustment
        </Button>
      ) : null}
      {adjusting ? <AdjustmentForm entry={entry} currency={currency} onClose={() => setAdjusting(false)} /> : null}
    </li>
  );
}

/** One payroll period: its entries, the workflow actions (each confirmed), adjustments. */
export default function PeriodDetailPage() {
  const { periodId } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const currencyOf = useCurrencyOf();
  const anyCurrency = usePayrollCurrency();
  const [confirming, setConfirming] = useState<Action | null>(null);
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
      void queryClient.invalidateQueries({ queryKey: ['payroll'] });
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
          const open = p.status === 'draft' || p.status === 'processing';
          // the total is in the currency of this period's entries, when they share one
          const currencies = new Set(p.entries.map((e) => currencyOf(e.pay_rate_id)));
          const periodCurrency = p.entries.length === 0 ? anyCurrency : currencies.size === 1 ? [...currencies][0]! : null;
          return (
            <>
              <PageHeader
                title={p.name}
                subtitle={`${p.start_date} – ${p.end_date} · ${p.entries_count} entries`}
                action={
                  <div className="flex flex-wrap items-center gap-2">
                    <StatusPill status={p.status} />
                    {actionsFor(p.status).map((a) => (
                      <Button key={a} tone={a === 'void' || a === 'delete' ? 'danger' : a === 'process' ? 'primary' : 'secondary'} onClick={() => setConfirming(a)} data-testid={`period-${a}`}>
                        {ACTIONS[a].label}
                      </Button>
                    ))}
                  </div>
                }
              />
              <Card title={`Total: ${formatTotal(p.total_amount, periodCurrency)}`}>
                {p.entries.length === 0 ? (
                  <p className="py-4 text-center text-sm text-slate-500 dark:text-slate-400">{open ? 'No entries yet. Process the period to calculate them.' : 'This period has no entries.'}</p>
                ) : (
                  <ul className="flex flex-col gap-2" data-testid="payroll-entries">
                    {p.entries.map((e) => (
                      <EntryCard key={e.id} entry={e} open={open} currency={currencyOf(e.pay_rate_id)} />
                    ))}
                  </ul>
                )}
              </Card>
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
