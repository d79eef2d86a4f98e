import type { ReactNode } from 'react';

export interface Column<T> {
  header: string;
  cell: (row: T, index: number) => ReactNode;
  /** Numbers are right-aligned. */
  numeric?: boolean;
}

/** A plain table of rows; wide tables scroll sideways inside their card, never the page. */
export function Table<T>({
  columns,
  rows,
  rowKey,
  testId,
  rowTestId,
  className = '',
}: {
  columns: Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string | number;
  testId?: string;
  rowTestId?: (row: T) => string;
  className?: string;
}) {
  return (
    <div className={`overflow-x-auto ${className}`}>
      <table className="w-full text-sm" data-testid={testId}>
        <thead>
          <tr className="text-left text-xs text-slate-500 dark:text-slate-400">
            {columns.map((c) => (
              <th key={c.header} className={`py-1 pr-2 font-medium ${c.numeric ? 'text-right' : ''}`}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={rowKey(row)} className="border-t border-slate-100 dark:border-slate-800" data-testid={rowTestId?.(row)}>
              {columns.map((c) => (
                <td key={c.header} className={`py-1 pr-2 ${c.numeric ? 'text-right' : ''}`}>
                  {c.cell(row, i)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
