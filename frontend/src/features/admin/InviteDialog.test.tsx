import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import { ME, fakeServer, type Reply } from '../../test/server.ts';
import { useSession } from '../../shared/auth/session.ts';
import { useToasts } from '../../shared/ui/toasts.ts';
import UsersPage from './UsersPage.tsx';

function renderUsers(role: 'admin' | 'super_admin', invites: Reply[]) {
  useSession.setState({ status: 'signed-in', user: { ...ME, role, timezone: 'Asia/Tokyo' } as never });
  const calls = fakeServer((call) => {
    if (call.method === 'GET' && call.url === '/api/users') return { status: 200, body: { items: [{ ...ME, role }], total: 1, page: 1, page_size: 20, pages: 1 } };
    if (call.method === 'POST' && call.url === '/api/auth/invite') return invites.shift() ?? { status: 500 };
    return { status: 404 };
  });
  const router = createMemoryRouter([{ path: '/admin', element: <UsersPage /> }], { initialEntries: ['/admin'] });
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { invites: () => calls.filter((c) => c.method === 'POST').map((c) => c.body) };
}

const open = async () => {
  fireEvent.click(await screen.findByRole('button', { name: 'Invite by email' }));
  return within(screen.getByRole('dialog', { name: 'Invite by email' }));
};
const roleOptions = (dialog: ReturnType<typeof within>) => dialog.getAllByRole('option').map((o: HTMLElement) => o.textContent);

beforeEach(() => useToasts.setState({ toasts: [] }));

describe('invite by email from the Users page (POST /api/auth/invite)', () => {
  it('checks the address, sends email and role, and says when the link expires in the admin’s zone', async () => {
    const server = renderUsers('admin', [{ status: 200, body: { email: 'nora@example.com', role: 'manager', expires_at: '2026-12-03T13:05:00Z' } }]);
    const dialog = await open();
    expect(roleOptions(dialog)).toEqual(['Worker', 'Manager', 'Admin']);
    fireEvent.click(dialog.getByRole('button', { name: 'Send invitation' }));
    expect(await dialog.findByText('Email is required')).toBeInTheDocument();
    fireEvent.change(dialog.getByLabelText(/^Email address/), { target: { value: 'nora@example' } });
    fireEvent.click(dialog.getByRole('button', { name: 'Send invitation' }));
    expect(await dialog.findByText('Enter a valid email address')).toBeInTheDocument();
    expect(server.invites()).toHaveLength(0);

    fireEvent.change(dialog.getByLabelText(/^Email address/), { target: { value: ' nora@example.com ' } });
    fireEvent.change(dialog.getByLabelText('Role'), { target: { value: 'manager' } });
    fireEvent.click(dialog.getByRole('button', { name: 'Send invitation' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(useToasts.getState().toasts.map((t) => [t.kind, t.text])).toEqual([['success', 'Invitation sent to nora@example.com. The link expires on Dec 3, 2026 22:05.']]);
    expect(server.invites()).toEqual([{ email: 'nora@example.com', role: 'manager' }]);
  });

  it('a super admin can invite a super admin', async () => {
    renderUsers('super_admin', []);
    expect(roleOptions(await open())).toEqual(['Worker', 'Manager', 'Admin', 'Super admin']);
  });

  it('shows the server’s refusals (400, 403, 422) in the dialog, which stays open', async () => {
    const server = renderUsers('admin', [
      { status: 400, body: { error: 'bad_request', message: 'User with this email already exists' } },
      { status: 403, body: { error: 'forbidden', message: 'Only a super admin can invite a super admin' } },
      { status: 422, body: { error: 'validation_error', message: 'role: must be one of super_admin, admin, manager, regular_user' } },
    ]);
    const dialog = await open();
    fireEvent.change(dialog.getByLabelText(/^Email address/), { target: { value: 'ann@example.com' } });
    for (const message of ['User with this email already exists', 'Only a super admin can invite a super admin', 'role: must be one of super_admin, admin, manager, regular_user']) {
      fireEvent.click(dialog.getByRole('button', { name: 'Send invitation' }));
      expect(await dialog.findByText(message)).toBeInTheDocument();
    }
    expect(server.invites()).toHaveLength(3);
    expect(screen.getByRole('dialog', { name: 'Invite by email' })).toBeInTheDocument();
  });
});
