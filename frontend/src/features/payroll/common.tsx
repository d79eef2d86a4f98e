import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api/client.ts';
import type { PayRate, PeriodStatus, RateType } from '../../shared/api/types.ts';
import { formatMoney } from '../../shared/lib/money.ts';
import { LinkTabs } from '../../shared/ui/LinkTabs.tsx';

export const RATE_TYPES: { id: RateType; label: string; unit: string }[] = [
  { id: 'hourly', label: 'Hourly', unit: '/h' },
  { id: 'daily', label: 'Daily', unit: '/day' },
  { id: 'monthly', label: 'Monthly', unit: '/month' },
  { id: 'project_based', label: 'Project fee', unit: ' fee' },
];
export const PERIOD_TYPES = [
  { id: 'weekly', label: 'Weekly' },
  { id: 'bi_weekly', label: 'Bi-weekly' },
  { id: 'semi_monthly', label: 'Semi-monthly' },
  { id: 'monthly', label: 'Monthly' },
];

export const rateTypeLabel = (type: string | null | undefined) => RATE_TYPES.find((t) => t.id === type)?.label ?? type ?? '—';
export const rateUnit = (type: string | null | undefined) => RATE_TYPES.find((t) => t.id === type)?.unit ?? '';
export const hasOvertime = (type: string | null | undefined) => type === 'hourly' || type === null || type === undefined;

export const STATUS_STYLE: Record<PeriodStatus, string> = {
  draft: 'bg-slate-200 text-slate-800',
  processing: 'bg-amber-100 text-amber-900',
  approved: 'bg-sky-100 text-sky-900',
  paid: 'bg-emerald-100 text-emerald-900',
  void: 'bg-red-100 text-red-900',
};

export function StatusPill({ status }: { status: string }) {
  const style = STATUS_STYLE[status as PeriodStatus] ?? 'bg-slate-200 text-slate-800';
  return <span className={`rounded-full px-2 py-0.5 text-xs font-medium capitalize ${style}`} data-testid="period-status">{status}</span>;
}

/** Every pay rate (active and not): the currency of an entry is the currency of the rate it was paid by. */
export function useAllRates() {
  return useQuery({
    queryKey: ['pay-rates', 'all'],
    queryFn: () => fetchWindows<PayRate>('/api/pay-rates', { active_only: false }),
  });
}

/** Every item of a payroll list (`skip`/`limit` windows of at most 500), up to 20 windows. */
export async function fetchWindows<T>(path: string, params: Record<string, unknown>): Promise<T[]> {
  const items: T[] = [];
  for (let window = 0; window < 20; window++) {
    const { data } = await api.get<{ items: T[]; total: number }>(path, { params: { ...params, skip: items.length, limit: 500 } });
    items.push(...data.items);
    if (data.items.length === 0 || items.length >= data.total) break;
  }
  return items;
}

/**
 * The currency of an entry: that of the rate that paid it; for a manual entry given its own rates
 * (no `pay_rate_id`), that of the person's newest rate; USD when neither is known.
 */
export function useCurrencyOf() {
  const rates = useAllRates();
  const byId = new Map((rates.data ?? []).map((r) => [r.id, r.currency]));
  const byUser = new Map<number, { from: string; currency: string }>();
  for (const r of rates.data ?? []) {
    const known = byUser.get(r.user_id);
    if (!known || r.effective_from >= known.from) byUser.set(r.user_id, { from: r.effective_from, currency: r.currency });
  }
  return (payRateId: number | null | undefined, userId?: number) =>
    (payRateId != null ? byId.get(payRateId) : undefined) ?? (userId != null ? byUser.get(userId)?.currency : undefined) ?? 'USD';
}

const PAYROLL_PAGES = [
  { to: '/payroll/rates', label: 'Pay rates' },
  { to: '/payroll/periods', label: 'Periods' },
  { to: '/payroll/reports', label: 'Payroll reports' },
];

export function PayrollTabs() {
  return <LinkTabs label="Payroll" links={PAYROLL_PAGES} />;
}

/** One currency for the periods' totals when every rate uses it; otherwise the amount without a symbol. */
export function usePayrollCurrency(): string | null {
  const rates = useAllRates();
  const currencies = new Set((rates.data ?? []).map((r) => r.currency));
  return currencies.size <= 1 ? ([...currencies][0] ?? 'USD') : null;
}

export function formatTotal(amount: string, currency: string | null): string {
  return currency ? formatMoney(amount, currency) : `${Number(amount).toFixed(2)} (mixed currencies)`;
}
