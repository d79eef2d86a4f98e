import { describe, expect, it } from 'vitest';
import { actionsFor } from './PeriodDetailPage.tsx';

describe('the payroll workflow offers only the moves the server allows (docs/payroll.md)', () => {
  it('per status', () => {
    expect(actionsFor('draft')).toEqual(['process', 'void', 'delete']);
    expect(actionsFor('processing')).toEqual(['process', 'approve', 'void', 'delete']);
    expect(actionsFor('approved')).toEqual(['mark-paid', 'void']);
    expect(actionsFor('paid')).toEqual([]);
    expect(actionsFor('void')).toEqual(['delete']);
  });
});
