import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { ME, fakeServer, type Reply } from '../../test/server.ts';
import { useSession } from '../../shared/auth/session.ts';
import TeamsPage from '../teams/TeamsPage.tsx';
import TeamReportPage from './TeamReportPage.tsx';

const member = (id: number, name: string, role: string) => ({ team_id: 3, user_id: id, role, joined_at: '2026-01-01T00:00:00Z', user: { id, name, email: `${id}@example.com`, role: 'regular_user' } });
const TEAM = { id: 3, name: 'Design', owner_id: 7, member_count: 2, created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z', members: [member(7, 'Ann Example', 'owner'), member(8, 'Ben Member', 'member')] };
const REPORT = {
  start_date: '2026-03-02',
  end_date: '2026-03-03',
  total_seconds: 19800,
  total_hours: 5.5,
  total_entries: 3,
  by_user: [
    { user_id: 7, user_name: 'Ann Example', total_seconds: 12600, total_hours: 3.5, entry_count: 2 },
    { user_id: 8, user_name: 'Ben Member', total_seconds: 7200, total_hours: 2, entry_count: 1 },
  ],
  by_project: [{ project_id: 1, project_name: 'Brochure', total_seconds: 19800, total_hours: 5.5, entry_count: 3, billable_amount: null, budget_hours: null, budget_used_percent: null }],
  by_day: [
    { date: '2026-03-02', total_seconds: 19800, total_hours: 5.5, entry_count: 3 },
    { date: '2026-03-03', total_seconds: 0, total_hours: 0, entry_count: 0 },
  ],
};

function renderAt(path: string, report: Reply, userId = 7) {
  useSession.setState({ status: 'signed-in', user: { ...ME, id: userId } as never });
  fakeServer((call) => {
    const url = call.url.split('?')[0];
    if (url === '/api/teams') return { status: 200, body: { items: [{ id: 3, name: 'Design', owner_id: 7, member_count: 2 }], total: 1, page: 1, page_size: 20, pages: 1 } };
    if (url === '/api/teams/3') return { status: 200, body: TEAM };
    if (url === '/api/reports/team') return report;
    return { status: 404 };
  });
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createMemoryRouter(
    [
      { path: '/teams', element: <TeamsPage /> },
      { path: '/teams/:teamId/report', element: <TeamReportPage /> },
    ],
    { initialEntries: [path] },
  );
  render(
    <QueryClientProvider client={client}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
}

describe('the team report page (docs/reports.md, GET /api/reports/team)', () => {
  it('a team owner opens it from the team page and sees the team’s time by person, project and day', async () => {
    renderAt('/teams', { status: 200, body: REPORT });
    fireEvent.click(await screen.findByRole('button', { name: /Design/ }));
    fireEvent.click(await screen.findByRole('link', { name: 'Team report' }));
    expect(await screen.findByRole('heading', { name: 'Team report: Design' })).toBeInTheDocument();
    expect(within(await screen.findByTestId('team-total')).getByText('5.50 h')).toBeInTheDocument();
    const people = within(screen.getByTestId('team-by-user'));
    expect(people.getByText('Ben Member').closest('tr')).toHaveTextContent('Ben Member2.00 h1');
    expect(within(screen.getByTestId('team-by-project')).getByText('Brochure').closest('tr')).toHaveTextContent('Brochure5.50 h3');
    expect(within(screen.getByTestId('team-by-day')).getAllByRole('row')).toHaveLength(3);
  });

  it('a plain member does not get the link', async () => {
    renderAt('/teams', { status: 200, body: REPORT }, 8);
    fireEvent.click(await screen.findByRole('button', { name: /Design/ }));
    expect(await screen.findByText('Ben Member')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Team report' })).not.toBeInTheDocument();
  });

  it('the server’s refusal of a member is shown on the page', async () => {
    renderAt('/teams/3/report', { status: 403, body: { error: 'forbidden', message: 'Team admin access required' } }, 8);
    expect(await screen.findByText('Team admin access required')).toBeInTheDocument();
    expect(screen.queryByTestId('team-by-user')).not.toBeInTheDocument();
  });
});
