import type { PeriodStatus } from '../../shared/api/types.ts';

/** The workflow of docs/payroll.md: which moves and which edits each period status allows. */
export type Action = 'process' | 'approve' | 'mark-paid' | 'void' | 'delete';

export const ACTIONS: Record<Action, { label: string; from: PeriodStatus[]; confirm: string; done: string }> = {
  process: { label: 'Process', from: ['draft', 'processing'], confirm: 'Calculate every entry of this period from the time worked and the pay rates? Adjustments are kept.', done: 'Period processed' },
  approve: { label: 'Approve', from: ['processing'], confirm: 'Approve this period? Its entries can no longer change afterwards.', done: 'Period approved' },
  'mark-paid': { label: 'Mark as paid', from: ['approved'], confirm: 'Mark every entry of this period as paid?', done: 'Period marked as paid' },
  void: { label: 'Void', from: ['draft', 'processing', 'approved'], confirm: 'Void this period? Nothing is paid from it, and it cannot be changed afterwards.', done: 'Period voided' },
  delete: { label: 'Delete', from: ['draft', 'processing', 'void'], confirm: 'Delete this period with its entries and adjustments?', done: 'Period deleted' },
};

export const actionsFor = (status: PeriodStatus) => (Object.keys(ACTIONS) as Action[]).filter((a) => ACTIONS[a].from.includes(status));

/**
 * Whether the period, its entries and their adjustments can be changed: only while draft or
 * processing (approved, paid and void periods are immutable; the server answers 409 otherwise).
 */
export const isEditable = (status: PeriodStatus) => status === 'draft' || status === 'processing';

/**
 * The hours of an entry set its pay only for hourly rates and manual entries (no rate type); the pay
 * of a daily, monthly or project-based entry is changed with an adjustment (the server answers 409).
 */
export const hoursSetPay = (rateType: string | null | undefined) => rateType == null || rateType === 'hourly';

/** Hours as the API takes them: 0 or more, at most 2 decimals; null when the text is not such a number. */
export function parseHours(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,6}(\.\d{1,2})?$/.test(trimmed)) return null;
  return Number(trimmed);
}

/** An amount of money as the API takes it (at most 2 decimals, optional sign); null when it is not one. */
export function parseAmount(text: string): number | null {
  const trimmed = text.trim();
  if (!/^-?\d{1,8}(\.\d{1,2})?$/.test(trimmed)) return null;
  return Number(trimmed);
}

export const ADJUSTMENT_TYPES = [
  { id: 'bonus', label: 'Bonus (+)', sign: 1 },
  { id: 'reimbursement', label: 'Reimbursement (+)', sign: 1 },
  { id: 'deduction', label: 'Deduction (−)', sign: -1 },
  { id: 'tax', label: 'Tax (−)', sign: -1 },
  { id: 'other', label: 'Other (±)', sign: 0 },
] as const;
export type AdjustmentType = (typeof ADJUSTMENT_TYPES)[number]['id'];

const signOf = (type: AdjustmentType) => ADJUSTMENT_TYPES.find((t) => t.id === type)?.sign ?? 0;

/**
 * The signed amount to send for what was typed: deductions and taxes are entered as positive numbers
 * and sent negative, bonuses and reimbursements positive, `other` as typed. An error when it is not
 * a non-zero amount with at most 2 decimals (or a negative one for a type with a sign).
 */
export function signedAdjustment(type: AdjustmentType, text: string): { amount: number } | { error: string } {
  const sign = signOf(type);
  const value = parseAmount(text);
  if (value === null || value === 0 || (sign !== 0 && value < 0)) {
    return { error: sign === 0 ? 'Enter a non-zero amount with at most 2 decimals, e.g. -12.50' : 'Enter an amount above 0 with at most 2 decimals' };
  }
  return { amount: sign === 0 ? value : sign * value };
}

/** What to show in the amount field when editing a stored adjustment: the typed form of its amount. */
export function adjustmentInput(type: AdjustmentType, amount: string): string {
  const value = Number(amount);
  return (signOf(type) === 0 ? value : Math.abs(value)).toFixed(2);
}
