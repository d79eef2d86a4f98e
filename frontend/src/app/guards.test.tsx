import { render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import { ME } from '../test/server.ts';
import { MAX_REDIRECTS, allowAuthRedirect } from '../shared/auth/redirectBreaker.ts';
import { useSession } from '../shared/auth/session.ts';
import { PublicOnly, RequireAuth } from './guards.tsx';

function renderAt(path: string) {
  const router = createMemoryRouter(
    [
      { path: '/login', element: <PublicOnly><h1>Sign in page</h1></PublicOnly> },
      { path: '/dashboard', element: <RequireAuth><h1>Dashboard page</h1></RequireAuth> },
      { path: '/admin', element: <RequireAuth admin><h1>Admin page</h1></RequireAuth> },
    ],
    { initialEntries: [path] },
  );
  render(<RouterProvider router={router} />);
  return router;
}

beforeEach(() => {
  sessionStorage.clear();
  localStorage.clear();
});

describe('the route guards', () => {
  it('render nothing protected and do not redirect while the session is being checked', () => {
    useSession.setState({ status: 'checking', user: null });
    const router = renderAt('/dashboard');
    expect(screen.getByText('Checking your session…')).toBeInTheDocument();
    expect(screen.queryByText('Dashboard page')).not.toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/dashboard');
  });

  it('send a signed-out visitor to sign in, remembering where they were going', async () => {
    useSession.setState({ status: 'signed-out', user: null });
    const router = renderAt('/dashboard');
    expect(await screen.findByText('Sign in page')).toBeInTheDocument();
    expect(router.state.location.state).toEqual({ from: '/dashboard' });
  });

  it('send a signed-in user away from the sign-in page', async () => {
    useSession.setState({ status: 'signed-in', user: ME as never });
    renderAt('/login');
    expect(await screen.findByText('Dashboard page')).toBeInTheDocument();
  });

  it('tell a worker they lack permission instead of showing an admin page', () => {
    useSession.setState({ status: 'signed-in', user: ME as never });
    renderAt('/admin');
    expect(screen.getByText("You don't have permission to see this page")).toBeInTheDocument();
  });

  it('stop redirecting and explain when redirects loop', () => {
    for (let i = 0; i < MAX_REDIRECTS; i++) allowAuthRedirect();
    useSession.setState({ status: 'signed-out', user: null });
    const router = renderAt('/dashboard');
    expect(screen.getByText('Sign-in keeps bouncing')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/dashboard');
  });

  it('keep an unreachable server from signing anyone out', () => {
    useSession.setState({ status: 'unreachable', user: null });
    renderAt('/dashboard');
    expect(screen.getByRole('alert')).toHaveTextContent('The server cannot be reached. Your session is kept.');
  });
});
