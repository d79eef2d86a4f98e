import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { ME, fakeServer } from '../../test/server.ts';
import { useSession } from '../../shared/auth/session.ts';
import ReportsPage from './ReportsPage.tsx';

const DASHBOARD = { today_seconds: 0, today_hours: 0, week_seconds: 13500, week_hours: 3.75, month_seconds: 13500, month_hours: 3.75, active_projects: 1, pending_tasks: 0, running_timer: false };
const WEEK = { week_start: '2026-03-02', week_end: '2026-03-08', total_seconds: 13500, total_hours: 3.75, daily_breakdown: [{ date: '2026-03-03', total_seconds: 9000, total_hours: 2.5, entry_count: 1 }] };
const PROJECTS = [{ project_id: 1, project_name: 'Brochure', total_seconds: 13500, total_hours: 3.75, entry_count: 2, billable_amount: null, budget_hours: null, budget_used_percent: null }];

function renderAs(role: string) {
  useSession.setState({ status: 'signed-in', user: { ...ME, role } as never });
  fakeServer((call) => {
    const path = call.url.split('?')[0];
    if (path === '/api/reports/dashboard') return { status: 200, body: DASHBOARD };
    if (path === '/api/reports/weekly') return { status: 200, body: WEEK };
    if (path === '/api/reports/by-project') return { status: 200, body: PROJECTS };
    if (path === '/api/reports/by-task') return { status: 200, body: [] };
    return { status: 404 };
  });
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createMemoryRouter([{ path: '/reports', element: <ReportsPage /> }], { initialEntries: ['/reports'] });
  render(
    <QueryClientProvider client={client}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
}

describe('the reports page says whose time it shows (docs/reports.md)', () => {
  it('a worker: my time, and the team’s time by project', async () => {
    renderAs('regular_user');
    expect(await screen.findByRole('heading', { name: 'Team, by project' })).toBeInTheDocument();
    expect(screen.getByText(/not only yours/)).toBeInTheDocument();
    const week = within(await screen.findByTestId('my-dashboard'));
    expect(week.getAllByText('3.75 h')).toHaveLength(2);
    expect(await screen.findByText('None of your entries in this range has a task')).toBeInTheDocument();
  });

  it('an admin: everyone’s time by project', async () => {
    renderAs('admin');
    expect(await screen.findByRole('heading', { name: 'Everyone, by project' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Team, by project' })).not.toBeInTheDocument();
  });

});
