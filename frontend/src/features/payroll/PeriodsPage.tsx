import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { PayrollPeriod, PeriodStatus } from '../../shared/api/types.ts';
import { Button, Card, PageHeader, QueryView } from '../../shared/ui/kit.tsx';
import { fetchWindows, formatTotal, PayrollTabs, PERIOD_TYPES, rateTypeLabel, StatusPill, usePayrollCurrency } from './common.tsx';
import { PeriodForm } from './PeriodForm.tsx';

const STATUSES: PeriodStatus[] = ['draft', 'processing', 'approved', 'paid', 'void'];

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
