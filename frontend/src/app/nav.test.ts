import { describe, expect, it } from 'vitest';
import { inSection, NAV } from './Layout.tsx';

const payroll = NAV.find((item) => item.label === 'Payroll')!;

describe('the main navigation', () => {
  it('marks "Payroll" current on every payroll page, not only on the pay rates', () => {
    for (const path of ['/payroll/rates', '/payroll/periods', '/payroll/periods/12', '/payroll/reports', '/payroll']) {
      expect(inSection(payroll, path)).toBe(true);
    }
  });

  it('leaves "Payroll" alone on other pages, including My payroll', () => {
    for (const path of ['/my-payroll', '/payrolls', '/reports', '/admin/reports', '/dashboard']) {
      expect(inSection(payroll, path)).toBe(false);
    }
  });

  it('gives no other item a section, so they stay current on their own path only', () => {
    expect(NAV.filter((item) => item.section).map((item) => item.label)).toEqual(['Payroll']);
  });
});
