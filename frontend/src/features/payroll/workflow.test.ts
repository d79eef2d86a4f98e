import { describe, expect, it } from 'vitest';
import { actionsFor, adjustmentInput, hoursSetPay, isEditable, parseAmount, parseHours, signedAdjustment } from './workflow.ts';

describe('the payroll workflow offers only the moves the server allows (docs/payroll.md)', () => {
  it('per status', () => {
    expect(actionsFor('draft')).toEqual(['process', 'void', 'delete']);
    expect(actionsFor('processing')).toEqual(['process', 'approve', 'void', 'delete']);
    expect(actionsFor('approved')).toEqual(['mark-paid', 'void']);
    expect(actionsFor('paid')).toEqual([]);
    expect(actionsFor('void')).toEqual(['delete']);
  });

  it('offers edits of the period, its entries and adjustments only while draft or processing', () => {
    expect(isEditable('draft')).toBe(true);
    expect(isEditable('processing')).toBe(true);
    expect(isEditable('approved')).toBe(false);
    expect(isEditable('paid')).toBe(false);
    expect(isEditable('void')).toBe(false);
  });

  it('offers hours only where they set the pay: hourly and manual entries', () => {
    expect(hoursSetPay('hourly')).toBe(true);
    expect(hoursSetPay(null)).toBe(true);
    expect(hoursSetPay(undefined)).toBe(true);
    expect(hoursSetPay('daily')).toBe(false);
    expect(hoursSetPay('monthly')).toBe(false);
    expect(hoursSetPay('project_based')).toBe(false);
  });
});

describe('payroll input', () => {
  it('hours are 0 or more with at most 2 decimals', () => {
    expect(parseHours(' 12.5 ')).toBe(12.5);
    expect(parseHours('0')).toBe(0);
    expect(parseHours('7.25')).toBe(7.25);
    expect(parseHours('1.255')).toBeNull();
    expect(parseHours('-1')).toBeNull();
    expect(parseHours('')).toBeNull();
    expect(parseHours('1e3')).toBeNull();
    expect(parseHours('1234567')).toBeNull();
  });

  it('amounts have at most 2 decimals and may be negative', () => {
    expect(parseAmount('-12.50')).toBe(-12.5);
    expect(parseAmount('30')).toBe(30);
    expect(parseAmount('30.001')).toBeNull();
    expect(parseAmount('abc')).toBeNull();
  });

  it('deductions and taxes are typed positive and sent negative; other keeps its sign; 0 is refused', () => {
    expect(signedAdjustment('bonus', '10.50')).toEqual({ amount: 10.5 });
    expect(signedAdjustment('reimbursement', '3')).toEqual({ amount: 3 });
    expect(signedAdjustment('deduction', '50.25')).toEqual({ amount: -50.25 });
    expect(signedAdjustment('tax', '200')).toEqual({ amount: -200 });
    expect(signedAdjustment('other', '-0.15')).toEqual({ amount: -0.15 });
    expect(signedAdjustment('other', '0.15')).toEqual({ amount: 0.15 });
    expect(signedAdjustment('deduction', '-5')).toEqual({ error: 'Enter an amount above 0 with at most 2 decimals' });
    expect(signedAdjustment('bonus', '0')).toEqual({ error: 'Enter an amount above 0 with at most 2 decimals' });
    expect(signedAdjustment('bonus', '1.234')).toEqual({ error: 'Enter an amount above 0 with at most 2 decimals' });
    expect(signedAdjustment('other', '0.00')).toEqual({ error: 'Enter a non-zero amount with at most 2 decimals, e.g. -12.50' });
  });

  it('a stored adjustment is shown as it would be typed', () => {
    expect(adjustmentInput('deduction', '-50.25')).toBe('50.25');
    expect(adjustmentInput('bonus', '10.5')).toBe('10.50');
    expect(adjustmentInput('other', '-0.15')).toBe('-0.15');
  });
});
