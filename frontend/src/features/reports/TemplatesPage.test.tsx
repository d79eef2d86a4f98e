import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { ME, fakeServer, type Reply } from '../../test/server.ts';
import { useSession } from '../../shared/auth/session.ts';
import TemplatesPage, { generateRequest } from './TemplatesPage.tsx';

const TEMPLATES = [
  { id: 'weekly_summary', name: 'Weekly Summary', description: 'Hours per day of one week (Monday to Sunday)', type: 'time', default_params: { week_offset: 0 } },
  { id: 'monthly_summary', name: 'Monthly Summary', description: 'Hours per project in one calendar month', type: 'time', default_params: {} },
  { id: 'project_breakdown', name: 'Project Breakdown', description: 'Hours per person on one project over a date range', type: 'project', default_params: { days: 30 } },
  { id: 'productivity_analysis', name: 'Productivity Analysis', description: 'Days worked, hours per worked day and entries over the last N days', type: 'productivity', default_params: { days: 30 } },
];
const MONTHLY = {
  report_type: 'monthly_summary',
  period: { year: 2026, month: 3, start: '2026-03-01', end: '2026-03-31' },
  data: { user_id: 7, by_project: [{ project_id: 1, project: 'Brochure', hours: 3.75 }], total_hours: 3.75 },
  generated_at: '2026-04-01T00:00:00Z',
};
const PROJECT = {
  report_type: 'project_breakdown',
  period: { start: '2026-03-02', end: '2026-03-08' },
  data: { project_id: 1, project_name: 'Brochure', by_user: [], total_hours: 0, total_entries: 0 },
};

function renderPage(generate: Reply) {
  useSession.setState({ status: 'signed-in', user: { ...ME } as never });
  const calls = fakeServer((call) => {
    const path = call.url.split('?')[0]!;
    if (path === '/api/reports/templates') return { status: 200, body: TEMPLATES };
    if (path === '/api/projects') return { status: 200, body: { items: [{ id: 1, name: 'Brochure' }], total: 1, page: 1, page_size: 100, pages: 1 } };
    if (path.startsWith('/api/reports/generate/')) return generate;
    return { status: 404 };
  });
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createMemoryRouter([{ path: '/reports/templates', element: <TemplatesPage /> }], { initialEntries: ['/reports/templates'] });
  render(
    <QueryClientProvider client={client}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return calls;
}

describe('report templates (docs/reports.md §Templates)', () => {
  it('lists the four templates; a run shows whose time it is and the hours', async () => {
    renderPage({ status: 200, body: MONTHLY });
    const list = await screen.findByTestId('template-list');
    expect(within(list).getAllByRole('heading').map((h) => h.textContent)).toEqual(['Weekly Summary', 'Monthly Summary', 'Project Breakdown', 'Productivity Analysis']);
    expect(list).toHaveTextContent('Hours per project in one calendar month');
    fireEvent.click(screen.getByRole('button', { name: 'Choose Monthly Summary' }));
    fireEvent.change(screen.getByLabelText('Month'), { target: { value: '2026-03' } });
    fireEvent.click(screen.getByRole('button', { name: 'Run report' }));
    expect(await screen.findByTestId('result-scope')).toHaveTextContent('Your own time by project, Sun, Mar 1 – Tue, Mar 31');
    expect(screen.getByTestId('result-total')).toHaveTextContent('Total: 3.75 h');
    expect(screen.getByTestId('result-row')).toHaveTextContent('Brochure3.75 h');
  });

  it("the project breakdown is everybody's time on the project; empty and refused runs say so", async () => {
    renderPage({ status: 200, body: PROJECT });
    fireEvent.click(await screen.findByRole('button', { name: 'Choose Project Breakdown' }));
    fireEvent.click(screen.getByRole('button', { name: 'Run report' }));
    expect(await screen.findByText('Choose a project')).toBeInTheDocument();
    await screen.findByRole('option', { name: 'Brochure' });
    fireEvent.change(screen.getByLabelText('Project'), { target: { value: '1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Run report' }));
    expect(await screen.findByTestId('result-scope')).toHaveTextContent("Everybody's time on Brochure, Mon, Mar 2 – Sun, Mar 8");
    expect(screen.getByText('Nobody tracked time on this project in this range')).toBeInTheDocument();
  });

  it('a refusal is shown with a retry', async () => {
    renderPage({ status: 403, body: { error: 'authorization_error', message: 'Team admin access required' } });
    fireEvent.click(await screen.findByRole('button', { name: 'Choose Weekly Summary' }));
    fireEvent.click(screen.getByRole('button', { name: 'Run report' }));
    expect(await screen.findByText('Team admin access required')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });

  it('sends the generators their parameters in the user’s zone', () => {
    const inputs = { week_offset: '2', month: '2026-03', project_id: '5', start_date: '2026-03-02', end_date: '2026-03-08', days: '14' };
    expect(generateRequest('weekly_summary', inputs, 'Europe/Berlin')).toEqual({ path: '/api/reports/generate/weekly', params: { week_offset: 2, tz: 'Europe/Berlin' } });
    expect(generateRequest('monthly_summary', inputs, 'UTC')).toEqual({ path: '/api/reports/generate/monthly', params: { year: 2026, month: 3, tz: 'UTC' } });
    expect(generateRequest('project_breakdown', inputs, 'UTC')).toEqual({ path: '/api/reports/generate/project/5', params: { start_date: '2026-03-02', end_date: '2026-03-08', tz: 'UTC' } });
    expect(generateRequest('productivity_analysis', inputs, 'UTC')).toEqual({ path: '/api/reports/generate/productivity', params: { days: 14, tz: 'UTC' } });
    expect(generateRequest('weekly_summary', { ...inputs, week_offset: '53' }, 'UTC')).toEqual({ errors: { week_offset: 'A whole number from 0 to 52' } });
    expect(generateRequest('project_breakdown', { ...inputs, end_date: '2026-03-01' }, 'UTC')).toEqual({ errors: { end_date: 'The last day is before the first' } });
  });
});
