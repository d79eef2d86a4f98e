import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { ME, fakeServer, type Reply } from '../../test/server.ts';
import { useSession } from '../../shared/auth/session.ts';
import { useToasts } from '../../shared/ui/toasts.ts';
import ScheduledReportsPage from './ScheduledReportsPage.tsx';

const TEMPLATES = [
  { id: 'weekly_summary', name: 'Weekly Summary', description: 'Hours per day of one week (Monday to Sunday)', type: 'time', default_params: { week_offset: 0 } },
  { id: 'monthly_summary', name: 'Monthly Summary', description: 'Hours per project in one calendar month', type: 'time', default_params: {} },
  { id: 'project_breakdown', name: 'Project Breakdown', description: 'Hours per person on one project over a date range', type: 'project', default_params: { days: 30 } },
  { id: 'productivity_analysis', name: 'Productivity Analysis', description: 'Days worked…', type: 'productivity', default_params: { days: 30 } },
];
const SCHEDULE = {
  id: 'ab12cd34', name: 'Team hours', template_id: 'weekly_summary', frequency: 'weekly', recipients: ['boss@example.com'], user_id: 7, enabled: true,
  last_sent: '2026-03-02T07:00:00Z', next_run: '2026-03-09T07:00:00Z', params: { week_offset: 1 }, created_at: '2026-03-01T10:00:00Z', timezone: 'Europe/Berlin', attachment: 'csv',
};
const RUNS = [
  { id: 2, report_id: 'ab12cd34', report_name: 'Team hours', due_at: '2026-03-09T07:00:00Z', status: 'failed', recipients: ['boss@example.com'], error: 'Project not found', ran_at: '2026-03-09T07:00:30Z' },
  { id: 1, report_id: 'ab12cd34', report_name: 'Team hours', due_at: '2026-03-02T07:00:00Z', status: 'sent', recipients: ['boss@example.com'], error: null, ran_at: '2026-03-02T07:00:12Z' },
];

function renderPage(replies: { create?: Reply[]; role?: string } = {}) {
  useSession.setState({ status: 'signed-in', user: { ...ME, role: replies.role ?? 'regular_user' } as never });
  const calls = fakeServer((call) => {
    const path = call.url.split('?')[0];
    if (path === '/api/reports/templates') return { status: 200, body: TEMPLATES };
    if (path === '/api/reports/scheduled' && call.method === 'GET') return { status: 200, body: [SCHEDULE] };
    if (path === '/api/reports/scheduled/all') return { status: 200, body: [SCHEDULE, { ...SCHEDULE, id: 'ffff0000', name: 'Someone else’s', user_id: 12 }] };
    if (path === '/api/reports/scheduled/history') return { status: 200, body: RUNS };
    if (path === '/api/reports/scheduled' && call.method === 'POST') return replies.create?.shift() ?? { status: 500 };
    if (path === '/api/reports/scheduled/ab12cd34' && call.method === 'PATCH') return { status: 200, body: { ...SCHEDULE, ...(call.body as object) } };
    if (path === '/api/reports/scheduled/ab12cd34' && call.method === 'DELETE') return { status: 200, body: { message: 'Scheduled report deleted' } };
    if (path === '/api/users') return { status: 200, body: { items: [{ ...ME, id: 12, name: 'Otto Owner' }], total: 1, page: 1, page_size: 100, pages: 1 } };
    if (path === '/api/projects') return { status: 200, body: { items: [], total: 0, page: 1, page_size: 100, pages: 1 } };
    return { status: 404 };
  });
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createMemoryRouter([{ path: '/reports/scheduled', element: <ScheduledReportsPage /> }], { initialEntries: ['/reports/scheduled'] });
  render(
    <QueryClientProvider client={client}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return calls;
}

const fill = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label, { exact: false }), { target: { value } });
const toasted = (text: string) => waitFor(() => expect(useToasts.getState().toasts.map((t) => t.text)).toContain(text));
async function openNew() {
  const button = await screen.findByRole('button', { name: 'New scheduled report' });
  await waitFor(() => expect(button).toBeEnabled());
  fireEvent.click(button);
}
const create = () => fireEvent.click(screen.getByRole('button', { name: 'Create schedule' }));

describe('the scheduled reports page (docs/reports.md §Scheduled reports)', () => {
  it('lists my schedules and the runs, sent or failed, in my time zone', async () => {
    renderPage();
    const row = await screen.findByTestId('schedule-row');
    expect(row).toHaveTextContent('Team hours');
    expect(row).toHaveTextContent('Weekly Summary');
    expect(row).toHaveTextContent('Weekly, Mondays 08:00 (Europe/Berlin)');
    // next run 07:00 UTC is 08:00 in Berlin, the user's zone
    expect(row).toHaveTextContent('Mar 9, 2026 08:00');
    expect(row).toHaveTextContent('Active');
    const runs = within(await screen.findByTestId('history-table')).getAllByTestId('history-row');
    expect(runs[0]).toHaveTextContent('Team hoursMar 9, 2026 08:00Mar 9, 2026 08:00Failedboss@example.com');
    expect(runs[0]).toHaveTextContent('Project not found');
    expect(runs[1]).toHaveTextContent('Sent');
    expect(screen.queryByLabelText("Show everyone's schedules")).not.toBeInTheDocument();
  });

  it('an admin can list everybody’s schedules', async () => {
    const calls = renderPage({ role: 'admin' });
    await screen.findByTestId('schedule-row');
    fireEvent.click(screen.getByLabelText("Show everyone's schedules"));
    expect(await screen.findByText('Someone else’s')).toBeInTheDocument();
    expect(await screen.findByText('Otto Owner')).toBeInTheDocument();
    expect(calls.some((c) => c.url === '/api/reports/scheduled/all')).toBe(true);
  });

  it('checks the form before sending: nothing is sent while a field is wrong', async () => {
    const calls = renderPage();
    await openNew();
    create();
    expect(await screen.findByText('Enter a name')).toBeInTheDocument();
    expect(screen.getByText('Choose a report')).toBeInTheDocument();
    expect(screen.getByText('Enter between 1 and 20 email addresses')).toBeInTheDocument();
    fill('Name', 'Monthly hours');
    fireEvent.change(screen.getByRole('combobox', { name: 'Report' }), { target: { value: 'productivity_analysis' } });
    fill('Days covered', '400');
    fill('Recipients', 'boss@example.com, nope');
    create();
    expect(await screen.findByText("'nope' is not an email address")).toBeInTheDocument();
    expect(screen.getByText('A whole number from 1 to 365')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    fill('Days covered', '14');
    fill('Recipients', 'boss@localhost');
    fireEvent.change(screen.getByLabelText('Frequency'), { target: { value: 'monthly' } });
    fireEvent.change(screen.getByLabelText('Attachment'), { target: { value: 'xlsx' } });
    create();
    // the app's rule wants a dot in the domain: the client refuses before the server would
    expect(await screen.findByText("'boss@localhost' is not an email address")).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('a server refusal is shown next to the field it names, and nothing typed is lost', async () => {
    const calls = renderPage({
      create: [
        { status: 422, body: { error: 'validation_error', message: "tz: unknown time zone 'Etc/Unknown'", detail: "tz: unknown time zone 'Etc/Unknown'" } },
        { status: 403, body: { error: 'authorization_error', message: 'Cannot generate reports for other users' } },
        { status: 200, body: { ...SCHEDULE, id: 'new00001', name: 'Monthly hours' } },
      ],
    });
    await openNew();
    fill('Name', 'Monthly hours');
    fireEvent.change(screen.getByRole('combobox', { name: 'Report' }), { target: { value: 'weekly_summary' } });
    fill('Weeks back', '1');
    fill('Recipients', 'boss@example.com; hr@example.org');
    fireEvent.change(screen.getByLabelText('Frequency'), { target: { value: 'monthly' } });
    fireEvent.change(screen.getByLabelText('Attachment'), { target: { value: 'xlsx' } });
    create();
    const timezone = screen.getByLabelText('Time zone', { exact: false });
    expect(await screen.findByText("unknown time zone 'Etc/Unknown'")).toBeInTheDocument();
    expect(timezone).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Name', { exact: false })).toHaveValue('Monthly hours');
    expect(screen.getByLabelText('Recipients', { exact: false })).toHaveValue('boss@example.com; hr@example.org');
    expect(screen.getByLabelText('Weeks back')).toHaveValue(1);
    create();
    expect(await screen.findByText('Cannot generate reports for other users')).toBeInTheDocument();
    create();
    await toasted('Scheduled “Monthly hours”');
    const posts = calls.filter((c) => c.method === 'POST');
    expect(posts).toHaveLength(3);
    expect(posts[2]!.body).toEqual({
      name: 'Monthly hours',
      template_id: 'weekly_summary',
      frequency: 'monthly',
      recipients: ['boss@example.com', 'hr@example.org'],
      timezone: 'Europe/Berlin',
      attachment: 'xlsx',
      params: { week_offset: 1 },
    });
    expect(screen.queryByTestId('schedule-form')).not.toBeInTheDocument();
  });

  it('edits without the report, pauses with PATCH, deletes after confirmation', async () => {
    const calls = renderPage();
    const row = await screen.findByTestId('schedule-row');
    fireEvent.click(within(row).getByRole('button', { name: 'Edit' }));
    expect(screen.getByRole('combobox', { name: 'Report' })).toBeDisabled();
    expect(screen.getByLabelText('Weeks back')).toHaveValue(1);
    fill('Name', 'Renamed');
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await toasted('Saved “Renamed”');
    const patch = calls.find((c) => c.method === 'PATCH')!;
    expect(patch.body).toEqual({ name: 'Renamed', frequency: 'weekly', recipients: ['boss@example.com'], timezone: 'Europe/Berlin', attachment: 'csv', params: { week_offset: 1 } });

    fireEvent.click(within(row).getByRole('button', { name: 'Pause' }));
    await toasted('Paused “Team hours”');
    expect(calls.filter((c) => c.method === 'PATCH')[1]!.body).toEqual({ enabled: false });

    fireEvent.click(within(row).getByRole('button', { name: 'Delete' }));
    const dialog = screen.getByRole('dialog');
    expect(dialog).toHaveTextContent('“Team hours” will no longer be sent');
    expect(calls.filter((c) => c.method === 'DELETE')).toHaveLength(0);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await toasted('Deleted “Team hours”');
    expect(calls.filter((c) => c.method === 'DELETE').map((c) => c.url)).toEqual(['/api/reports/scheduled/ab12cd34']);
  });
});
