import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api/client.ts';
import type { PayRate, PayrollLine } from '../../shared/api/types.ts';
import { useSession } from '../../shared/auth/session.ts';
import { formatHours } from '../../shared/lib/money.ts';
import { Card, PageHeader, QueryView } from '../../shared/ui/kit.tsx';
import { formatTotal, hasOvertime, rateTypeLabel, StatusPill } from './common.tsx';

/**
 * The signed-in person's pay (GET /api/payroll/reports/my-payroll): approved and paid periods for
 * everyone but admins. Amounts are in the currency of the person's own rates.
 */
export default function MyPayrollPage() {
  const me = useSession((s) => s.user)!;
  const lines = useQuery({ queryKey: ['payroll', 'mine'], queryFn: async () => (await api.get<PayrollLine[]>('/api/payroll/reports/my-payroll')).data });
  const rates = useQuery({
    queryKey: ['pay-rates', 'mine', me.id],
    queryFn: async () => (await api.get<PayRate[]>(`/api/pay-rates/user/${me.id}`, { params: { include_inactive: true } })).data,
    retry: false,
  });
  const currencies = new Set((rates.data ?? []).map((r) => r.currency));
  // one currency when all the person's rates share it; otherwise amounts are shown without a symbol
  const currency = currencies.size <= 1 ? ([...currencies][0] ?? 'USD') : null;
  const money = (amount: string) => formatTotal(amount, currency);
  return (
    <>
      <PageHeader title="My payroll" subtitle="Your pay of approved and paid periods" />
      <QueryView query={lines} isEmpty={(d) => d.length === 0} empty="No approved or paid payroll for you yet">
        {(rows) => (
          <ul className="flex flex-col gap-3" data-testid="my-payroll">
            {rows.map((l) => (
              <li key={l.period_id}>
                <Card title={`${l.period_name} · ${l.start_date} – ${l.end_date}`} action={<StatusPill status={l.period_status} />}>
                  <p className="text-sm">
                    {rateTypeLabel(l.rate_type)} · {formatHours(l.regular_hours)} at {money(l.regular_rate)}
                    {hasOvertime(l.rate_type) && Number(l.overtime_hours) > 0 ? ` · overtime ${formatHours(l.overtime_hours)} at ${money(l.overtime_rate)}` : ''}
                  </p>
                  <p className="text-sm">
                    Gross {money(l.gross_amount)} · adjustments {money(l.adjustments_total)} · <strong>net {money(l.net_amount)}</strong>
                  </p>
                  {l.adjustments.length ? (
                    <ul className="mt-1 text-xs text-slate-600 dark:text-slate-400">
                      {l.adjustments.map((a) => (
                        <li key={a.id}>
                          <span className="capitalize">{a.adjustment_type}</span> {money(a.amount)} · {a.description}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </Card>
              </li>
            ))}
          </ul>
        )}
      </QueryView>
    </>
  );
}
