import { describe, expect, it } from 'vitest';
import { addDays, formatDay, mondayOf, presetRange } from './format.ts';
import { formatHours, formatMoney } from './money.ts';

describe('report ranges (calendar days of the user zone)', () => {
  it('start weeks on Monday, also from a Sunday', () => {
    expect(mondayOf('2026-03-04')).toBe('2026-03-02');
    expect(mondayOf('2026-03-08')).toBe('2026-03-02');
    expect(mondayOf('2026-03-02')).toBe('2026-03-02');
    expect(mondayOf('2026-01-01')).toBe('2025-12-29');
  });

  it('give the presets both days included', () => {
    expect(presetRange('this-week', '2026-03-04')).toEqual({ start: '2026-03-02', end: '2026-03-08' });
    expect(presetRange('last-week', '2026-03-04')).toEqual({ start: '2026-02-23', end: '2026-03-01' });
    expect(presetRange('this-month', '2026-03-04')).toEqual({ start: '2026-03-01', end: '2026-03-31' });
    expect(presetRange('last-month', '2026-03-04')).toEqual({ start: '2026-02-01', end: '2026-02-28' });
    expect(presetRange('last-month', '2024-03-31')).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(presetRange('this-month', '2026-12-15')).toEqual({ start: '2026-12-01', end: '2026-12-31' });
    expect(presetRange('last-month', '2026-01-10')).toEqual({ start: '2025-12-01', end: '2025-12-31' });
  });

  it('move days across month and year ends, whatever the DST rules', () => {
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(formatDay('2026-03-29')).toBe('Sun, Mar 29');
  });
});

describe('money and hours', () => {
  it('show amounts in the rate currency with two decimals', () => {
    expect(formatMoney('1870.00', 'USD')).toBe('$1,870.00');
    expect(formatMoney('391.37', 'EUR')).toBe('€391.37');
    expect(formatMoney('-50.25', 'GBP')).toBe('-£50.25');
    expect(formatMoney('2935.48', 'chf')).toBe('CHF\u00a02,935.48');
    expect(formatMoney('12.5', null)).toBe('$12.50');
    expect(formatMoney('not a number', 'USD')).toBe('$0.00');
  });

  it('show hours with two decimals', () => {
    expect(formatHours(3.75)).toBe('3.75 h');
    expect(formatHours('1.5')).toBe('1.50 h');
    expect(formatHours(null)).toBe('0.00 h');
  });
});
