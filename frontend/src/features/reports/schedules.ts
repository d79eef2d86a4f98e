import { isAxiosError } from 'axios';
import type { ApiErrorBody } from '../../shared/api/errors.ts';
import { isTimeZone } from '../../shared/lib/format.ts';
import { EMAIL } from '../auth/AuthFrame.tsx';
import type { Attachment, Frequency, ReportTemplate, ScheduleChange, ScheduledReport, TemplateId } from '../../shared/api/types.ts';

/**
 * The scheduled-report form: its fields, the server's rules checked before sending
 * (ScheduledReports and ReportTemplates in the reporting module), the request body, and which
 * field a server refusal is about.
 */
export interface ScheduleForm {
  name: string;
  template_id: TemplateId | '';
  frequency: Frequency;
  /** Addresses separated by commas, semicolons, spaces or new lines. */
  recipients: string;
  timezone: string;
  attachment: Attachment;
  week_offset: string;
  month_offset: string;
  days: string;
  project_id: string;
}

export type ScheduleField = keyof ScheduleForm;
export type FieldErrors = Partial<Record<ScheduleField, string>>;

export const MAX_RECIPIENTS = 20;
export const MAX_NAME = 200;

export const FREQUENCIES: { id: Frequency; label: string }[] = [
  { id: 'daily', label: 'Daily, 08:00' },
  { id: 'weekly', label: 'Weekly, Mondays 08:00' },
  { id: 'monthly', label: 'Monthly, the 1st 08:00' },
];

/** The parameters each template takes in a schedule, and their ranges (ReportTemplates.generate). */
export const TEMPLATE_PARAMS: Record<TemplateId, { week_offset?: [number, number]; month_offset?: [number, number]; days?: [number, number]; project_id?: true }> = {
  weekly_summary: { week_offset: [0, 52] },
  monthly_summary: { month_offset: [0, 24] },
  project_breakdown: { project_id: true, days: [1, 366] },
  productivity_analysis: { days: [1, 365] },
};

export function emptyScheduleForm(zone: string): ScheduleForm {
  return { name: '', template_id: '', frequency: 'weekly', recipients: '', timezone: zone, attachment: 'csv', week_offset: '0', month_offset: '0', days: '30', project_id: '' };
}

/** The form of an existing schedule. */
export function scheduleToForm(s: ScheduledReport): ScheduleForm {
  const param = (name: string, fallback: string) => (s.params[name] === undefined ? fallback : String(s.params[name]));
  return {
    name: s.name,
    template_id: s.template_id,
    frequency: s.frequency,
    recipients: s.recipients.join(', '),
    timezone: s.timezone,
    attachment: s.attachment,
    week_offset: param('week_offset', '0'),
    month_offset: param('month_offset', '0'),
    days: param('days', '30'),
    project_id: param('project_id', ''),
  };
}

/** A template's default parameters fill the form when it is chosen. */
export function withTemplate(form: ScheduleForm, template: ReportTemplate | undefined): ScheduleForm {
  if (!template) return { ...form, template_id: '' };
  const d = template.default_params;
  return {
    ...form,
    template_id: template.id,
    week_offset: d.week_offset === undefined ? form.week_offset : String(d.week_offset),
    month_offset: d.month_offset === undefined ? form.month_offset : String(d.month_offset),
    days: d.days === undefined ? form.days : String(d.days),
  };
}

export function parseRecipients(text: string): string[] {
  return text.split(/[\s,;]+/).filter(Boolean);
}

/** The app's address rule, and the characters the server refuses in a recipient besides (ScheduledReports.recipients). */
export function isRecipient(address: string): boolean {
  return EMAIL.test(address) && !/["{},<>]/.test(address);
}

function wholeIn(value: string, [min, max]: [number, number]): boolean {
  return /^\d+$/.test(value.trim()) && Number(value) >= min && Number(value) <= max;
}

/** The problems of the form, one sentence per field; empty when it can be sent. */
export function validateSchedule(form: ScheduleForm): FieldErrors {
  const errors: FieldErrors = {};
  if (!form.name.trim()) errors.name = 'Enter a name';
  else if (form.name.trim().length > MAX_NAME) errors.name = `At most ${MAX_NAME} characters`;
  if (!form.template_id) errors.template_id = 'Choose a report';
  const recipients = parseRecipients(form.recipients);
  const bad = recipients.find((r) => !isRecipient(r));
  if (recipients.length === 0 || recipients.length > MAX_RECIPIENTS) errors.recipients = `Enter between 1 and ${MAX_RECIPIENTS} email addresses`;
  else if (bad) errors.recipients = `'${bad}' is not an email address`;
  if (!form.timezone.trim()) errors.timezone = 'Enter a time zone, e.g. Europe/Berlin';
  else if (!isTimeZone(form.timezone.trim())) errors.timezone = `Unknown time zone '${form.timezone.trim()}'`;
  const params = form.template_id ? TEMPLATE_PARAMS[form.template_id] : {};
  if (params.week_offset && !wholeIn(form.week_offset, params.week_offset)) errors.week_offset = `A whole number from ${params.week_offset[0]} to ${params.week_offset[1]}`;
  if (params.month_offset && !wholeIn(form.month_offset, params.month_offset)) errors.month_offset = `A whole number from ${params.month_offset[0]} to ${params.month_offset[1]}`;
  if (params.days && !wholeIn(form.days, params.days)) errors.days = `A whole number from ${params.days[0]} to ${params.days[1]}`;
  if (params.project_id && !form.project_id) errors.project_id = 'Choose a project';
  return errors;
}

/** The request body: everything for a new schedule; a change sends every field but the template, which cannot change. */
export function scheduleBody(form: ScheduleForm, editing: boolean): ScheduleChange {
  const params: Record<string, number> = {};
  const spec = form.template_id ? TEMPLATE_PARAMS[form.template_id] : {};
  if (spec.week_offset) params.week_offset = Number(form.week_offset);
  if (spec.month_offset) params.month_offset = Number(form.month_offset);
  if (spec.project_id) params.project_id = Number(form.project_id);
  if (spec.days) params.days = Number(form.days);
  return {
    name: form.name.trim(),
    ...(editing ? {} : { template_id: form.template_id }),
    frequency: form.frequency,
    recipients: parseRecipients(form.recipients),
    timezone: form.timezone.trim(),
    attachment: form.attachment,
    params,
  };
}

/** The server's names of fields (and of the generators' parameters) in the form's terms. */
const FIELD_OF: Record<string, ScheduleField> = {
  name: 'name',
  template_id: 'template_id',
  frequency: 'frequency',
  recipients: 'recipients',
  timezone: 'timezone',
  tz: 'timezone',
  attachment: 'attachment',
  format: 'attachment',
  week_offset: 'week_offset',
  month_offset: 'month_offset',
  days: 'days',
  project_id: 'project_id',
};

/** Refusals that name no field in their text. */
const MESSAGE_FIELD: Record<string, ScheduleField> = {
  'Invalid frequency': 'frequency',
  'Invalid template ID': 'template_id',
  'Template not found': 'template_id',
  'Project not found': 'project_id',
};

function fieldNamed(name: string): ScheduleField | undefined {
  return FIELD_OF[name.replace(/^params\./, '').replace(/\[.*$/, '')];
}

/**
 * The fields a server refusal is about: `detail[].field` when the body could not be read, the
 * `field: message` form of the service's checks, or a known message. Empty when it names none.
 */
export function serverFieldErrors(error: unknown): FieldErrors {
  if (!isAxiosError(error) || !error.response) return {};
  const body = error.response.data as ApiErrorBody | undefined;
  const errors: FieldErrors = {};
  if (Array.isArray(body?.detail)) {
    for (const entry of body.detail as { field?: unknown; msg?: unknown }[]) {
      const field = typeof entry?.field === 'string' ? fieldNamed(entry.field) : undefined;
      if (field && !errors[field]) errors[field] = typeof entry.msg === 'string' ? entry.msg : 'Invalid value';
    }
    if (Object.keys(errors).length > 0) return errors;
  }
  const message = typeof body?.message === 'string' ? body.message : '';
  const known = MESSAGE_FIELD[message];
  if (known) return { [known]: message };
  const prefixed = /^([a-z_.[\]0-9]+): (.+)$/s.exec(message);
  const field = prefixed ? fieldNamed(prefixed[1]!) : undefined;
  if (field) return { [field]: prefixed![2]! };
  return {};
}
