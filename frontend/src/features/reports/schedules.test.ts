import { AxiosError, AxiosHeaders, type AxiosResponse } from 'axios';
import { describe, expect, it } from 'vitest';
import { emptyScheduleForm, parseRecipients, scheduleBody, scheduleToForm, serverFieldErrors, validateSchedule, withTemplate, type ScheduleForm } from './schedules.ts';

const filled = (over: Partial<ScheduleForm> = {}): ScheduleForm => ({
  ...emptyScheduleForm('Europe/Berlin'),
  name: ' Weekly hours ',
  template_id: 'weekly_summary',
  recipients: 'boss@example.com, hr@example.org',
  ...over,
});

function refusal(status: number, body: unknown) {
  const config = { headers: new AxiosHeaders() };
  const response = { data: body, status, statusText: '', headers: {}, config } as AxiosResponse;
  return new AxiosError('refused', 'ERR_BAD_REQUEST', config, null, response);
}

describe('the scheduled report form checks what the server checks (ScheduledReports)', () => {
  it('a filled form has no problems', () => {
    expect(validateSchedule(filled())).toEqual({});
  });

  it('name, report, recipients and zone are required', () => {
    expect(validateSchedule({ ...emptyScheduleForm(''), name: '   ' })).toEqual({
      name: 'Enter a name',
      template_id: 'Choose a report',
      recipients: 'Enter between 1 and 20 email addresses',
      timezone: 'Enter a time zone, e.g. Europe/Berlin',
    });
  });

  it('recipients: 1 to 20 addresses, each one an address the server accepts', () => {
    expect(parseRecipients(' a@example.com,b@example.com;\nc@example.com  ')).toEqual(['a@example.com', 'b@example.com', 'c@example.com']);
    expect(validateSchedule(filled({ recipients: 'boss@example.com, not-an-address' })).recipients).toBe("'not-an-address' is not an email address");
    expect(validateSchedule(filled({ recipients: 'a{b}@example.com' })).recipients).toBe("'a{b}@example.com' is not an email address");
    const twenty = Array.from({ length: 20 }, (_, i) => `p${i}@example.com`);
    expect(validateSchedule(filled({ recipients: twenty.join(',') })).recipients).toBeUndefined();
    expect(validateSchedule(filled({ recipients: [...twenty, 'q@example.com'].join(',') })).recipients).toBe('Enter between 1 and 20 email addresses');
  });

  it('a name of at most 200 characters', () => {
    expect(validateSchedule(filled({ name: 'x'.repeat(200) })).name).toBeUndefined();
    expect(validateSchedule(filled({ name: 'x'.repeat(201) })).name).toBe('At most 200 characters');
  });

  it('an unknown time zone is refused', () => {
    expect(validateSchedule(filled({ timezone: 'Mars/Olympus' })).timezone).toBe("Unknown time zone 'Mars/Olympus'");
    expect(validateSchedule(filled({ timezone: 'UTC' })).timezone).toBeUndefined();
  });

  it("each report's parameters in the generators' ranges", () => {
    expect(validateSchedule(filled({ week_offset: '53' })).week_offset).toBe('A whole number from 0 to 52');
    expect(validateSchedule(filled({ week_offset: '1.5' })).week_offset).toBe('A whole number from 0 to 52');
    expect(validateSchedule(filled({ template_id: 'productivity_analysis', days: '0' })).days).toBe('A whole number from 1 to 365');
    expect(validateSchedule(filled({ template_id: 'productivity_analysis', days: '366' })).days).toBe('A whole number from 1 to 365');
    expect(validateSchedule(filled({ template_id: 'project_breakdown', days: '366' }))).toEqual({ project_id: 'Choose a project' });
    // a parameter the report does not take is not checked
    expect(validateSchedule(filled({ template_id: 'monthly_summary', week_offset: 'x', days: 'y' }))).toEqual({});
    expect(validateSchedule(filled({ template_id: 'monthly_summary', month_offset: '25' }))).toEqual({ month_offset: 'A whole number from 0 to 24' });
  });
});

describe('the request body', () => {
  it('a new schedule sends every field, trimmed, with only its report’s parameters', () => {
    expect(scheduleBody(filled({ week_offset: '1', days: '12', attachment: 'xlsx', frequency: 'monthly' }), false)).toEqual({
      name: 'Weekly hours',
      template_id: 'weekly_summary',
      frequency: 'monthly',
      recipients: ['boss@example.com', 'hr@example.org'],
      timezone: 'Europe/Berlin',
      attachment: 'xlsx',
      params: { week_offset: 1 },
    });
    expect(scheduleBody(filled({ template_id: 'project_breakdown', project_id: '7', days: '14' }), false).params).toEqual({ project_id: 7, days: 14 });
    expect(scheduleBody(filled({ template_id: 'monthly_summary', month_offset: '1' }), false).params).toEqual({ month_offset: 1 });
  });

  it('a change does not send the report, which cannot change', () => {
    expect(scheduleBody(filled(), true)).not.toHaveProperty('template_id');
  });

  it('an existing schedule fills the form, and choosing a report takes its defaults', () => {
    const form = scheduleToForm({
      id: 'ab12cd34', name: 'Project', template_id: 'project_breakdown', frequency: 'daily', recipients: ['a@example.com', 'b@example.com'],
      user_id: 7, enabled: true, last_sent: null, next_run: '2026-03-03T07:00:00Z', params: { project_id: 9, days: 7 },
      created_at: '2026-03-01T00:00:00Z', timezone: 'Europe/Berlin', attachment: 'xlsx',
    });
    expect(form).toMatchObject({ recipients: 'a@example.com, b@example.com', project_id: '9', days: '7', week_offset: '0', attachment: 'xlsx' });
    const weekly = withTemplate(form, { id: 'weekly_summary', name: 'Weekly Summary', description: '', type: 'time', default_params: { week_offset: 0 } });
    expect(weekly).toMatchObject({ template_id: 'weekly_summary', week_offset: '0', days: '7' });
  });
});

describe('a server refusal names its field', () => {
  it('from the "field: message" of the service checks', () => {
    expect(serverFieldErrors(refusal(422, { message: "recipients: 'x@' is not an email address", detail: "recipients: 'x@' is not an email address" }))).toEqual({
      recipients: "'x@' is not an email address",
    });
    expect(serverFieldErrors(refusal(422, { message: "tz: unknown time zone 'Nowhere'" }))).toEqual({ timezone: "unknown time zone 'Nowhere'" });
    expect(serverFieldErrors(refusal(422, { message: "format: must be one of csv, xlsx, got 'pdf'" }))).toEqual({ attachment: "must be one of csv, xlsx, got 'pdf'" });
    expect(serverFieldErrors(refusal(422, { message: 'params.project_id: the project breakdown needs a project' }))).toEqual({ project_id: 'the project breakdown needs a project' });
  });

  it('from detail[].field, and from the messages that name none', () => {
    expect(serverFieldErrors(refusal(422, { message: 'recipients: Input should be a valid array', detail: [{ field: 'recipients', msg: 'Input should be a valid array' }] }))).toEqual({
      recipients: 'Input should be a valid array',
    });
    expect(serverFieldErrors(refusal(400, { message: 'Invalid frequency' }))).toEqual({ frequency: 'Invalid frequency' });
    expect(serverFieldErrors(refusal(404, { message: 'Project not found' }))).toEqual({ project_id: 'Project not found' });
    expect(serverFieldErrors(refusal(403, { message: 'Cannot generate reports for other users' }))).toEqual({});
    expect(serverFieldErrors(new Error('offline'))).toEqual({});
  });
});
