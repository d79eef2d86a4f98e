import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../shared/api/client.ts';
import { useZone } from '../../shared/api/queries.ts';
import type { Payables, PayrollPeriod, PeriodStatus } from '../../shared/api/types.ts';
import { dayKey, formatDateTime } from '../../shared/lib/format.ts';
import { formatHours } from '../../shared/lib/money.ts';
import { Table } from '../../shared/ui/Table.tsx';
import { Button, Card, Field, PageHeader, QueryView, SelectField } from '../../shared/ui/kit.tsx';
import { ExportButtons, Stat } from '../reports/shared.tsx';
import { fetchWindows, formatTotal, PayrollTabs, PERIOD_TYPES, rateTypeLabel, usePayrollCurrency } from './common.tsx';

const EMPTY = { period_id: '', status: '', period_type: '', start_date: '', end_date: '' };

/** Payables (admins): entries of the periods that match the filters, totals, and the downloads. */
export default function PayrollReportsPage() {
  const zone = useZone();
  const currency = usePayrollCurrency();
  const [filters, setFilters] = useState(EMPTY);
  const params = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== '')) as Record<string, string>;
  const periods = useQuery({ queryKey: ['payroll', 'periods', ''], queryFn: () => fetchWindows<PayrollPeriod>('/api/payroll/periods', {}) });
  const payables = useQuery({ queryKey: ['payroll', 'payables', params], queryFn: async () => (await api.get<Payables>('/api/payroll/reports/payables', { params })).data });
  const money = (amount: string) => formatTotal(amount, currency);
  const today = dayKey(Date.now(), zone);
  return (
    <>
      <PageHeader
        title="Payroll reports"
        subtitle="Payables of the periods you choose"
        action={
          <ExportButtons
            label="Export:"
            formats={(['csv', 'xlsx', 'pdf'] as const).map((f) => ({
              label: f === 'xlsx' ? 'Excel' : f.toUpperCase(),
              path: `/api/payroll/reports/payables/export/${f}`,
              params,
              fallback: `payroll_report_${today}.${f}`,
            }))}
          />
        }
      />
      <PayrollTabs />
      <Card className="mb-4">
        <div className="grid gap-2 sm:grid-cols-3 lg:grid-cols-6">
          <SelectField label="Period" value={filters.period_id} onChange={(e) => setFilters({ ...filters, period_id: e.target.value })}>
            <option value="">All periods</option>
            {periods.data?.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </SelectField>
          <SelectField label="Status" value={filters.status} onChange={(e) => setFilters({ ...filters, status: e.target.value })}>
            <option value="">Any but void</option>
            {(['draft', 'processing', 'approved', 'paid', 'void'] as PeriodStatus[]).map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </SelectField>
          <SelectField label="Period type" value={filters.period_type} onChange={(e) => setFilters({ ...filters, period_type: e.target.value })}>
            <option value="">Any</option>
            {PERIOD_TYPES.map((t) => (
              <option key={t.id} value={t.id}>
                {t.label}
              </option>
            ))}
          </SelectField>
          <Field label="From" type="date" value={filters.start_date} onChange={(e) => setFilters({ ...filters, start_date: e.target.value })} />
          <Field label="To" type="date" value={filters.end_date} onChange={(e) => setFilters({ ...filters, end_date: e.target.value })} />
          <div className="flex items-end">
            <Button tone="secondary" onClick={() => setFilters(EMPTY)}>
              Clear filters
            </Button>
          </div>
        </div>
      </Card>
      <QueryView query={payables} isEmpty={() => false} empty={null}>
        {(d) => (
          <>
            <div className="mb-4 grid gap-3 sm:grid-cols-3 lg:grid-cols-6" data-testid="payables-summary">
              <Stat label="People" value={d.summary.total_employees} />
              <Stat label="Regular hours" value={formatHours(d.summary.total_regular_hours)} />
              <Stat label="Overtime hours" value={formatHours(d.summary.total_overtime_hours)} />
              <Stat label="Gross" value={money(d.summary.total_gross_amount)} />
              <Stat label="Adjustments" value={money(d.summary.total_adjustments)} />
              <Stat label="Net" value={money(d.summary.total_net_amount)} />
            </div>
            <Card title={`${d.summary.period_name} · ${d.report_period}`}>
              <p className="mb-2 text-xs text-slate-500 dark:text-slate-400">Generated {formatDateTime(d.report_generated_at, zone)}</p>
              {d.entries.length === 0 ? (
                <p className="py-4 text-center text-sm text-slate-500 dark:text-slate-400">No entries match these filters</p>
              ) : (
                <Table
                  testId="payables-table"
                  rows={d.entries}
                  rowKey={(e) => `${e.period_id}-${e.user_id}`}
                  columns={[
                    { header: 'Person', cell: (e) => e.user_name ?? `User #${e.user_id}` },
                    {
                      header: 'Period',
                      cell: (e) => (
                        <>
                          {e.period_name} <span className="text-xs capitalize text-slate-500 dark:text-slate-400">({e.period_status})</span>
                        </>
                      ),
                    },
                    { header: 'Rate', cell: (e) => rateTypeLabel(e.rate_type) },
                    { header: 'Hours', numeric: true, cell: (e) => `${formatHours(e.regular_hours)}${Number(e.overtime_hours) > 0 ? ` + ${formatHours(e.overtime_hours)} OT` : ''}` },
                    { header: 'Gross', numeric: true, cell: (e) => money(e.gross_amount) },
                    { header: 'Adjustments', numeric: true, cell: (e) => money(e.adjustments_total) },
                    { header: 'Net', numeric: true, cell: (e) => <strong>{money(e.net_amount)}</strong> },
                  ]}
                />
              )}
            </Card>
          </>
        )}
      </QueryView>
    </>
  );
}
