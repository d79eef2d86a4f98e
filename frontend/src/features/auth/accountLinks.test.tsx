import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import { ME, fakeServer, token, type Call, type Reply } from '../../test/server.ts';
import { readTokens, writeTokens } from '../../shared/api/tokens.ts';
import { useSession } from '../../shared/auth/session.ts';
import AcceptInvitePage from './AcceptInvitePage.tsx';
import ForgotPasswordPage from './ForgotPasswordPage.tsx';
import LoginPage from './LoginPage.tsx';
import ResetPasswordPage from './ResetPasswordPage.tsx';

const GOOD = 'Correct-Horse-42';
const TOKEN = 'tok_ABCdef-123';
// as the server sends it (PasswordRules): the message lists the requirements too
const COMMON = 'Password does not meet the requirements: Password is too common';
const REQUIREMENTS = { status: 400, body: { error: 'password_validation_error', message: COMMON, detail: ['Password is too common'], details: { requirements: ['Password is too common'] } } };
const DEAD = { status: 400, body: { error: 'invalid_token', message: 'Invalid or expired reset token' } };

function renderAt(path: string, handler: (call: Call) => Reply) {
  const calls = fakeServer(handler);
  const router = createMemoryRouter(
    [
      { path: '/login', element: <LoginPage /> },
      { path: '/forgot-password', element: <ForgotPasswordPage /> },
      { path: '/reset-password', element: <ResetPasswordPage /> },
      { path: '/accept-invite', element: <AcceptInvitePage /> },
      { path: '/dashboard', element: <h1>Dashboard</h1> },
    ],
    { initialEntries: [path] },
  );
  render(
    <QueryClientProvider client={new QueryClient()}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { calls, router, posts: () => calls.filter((c) => c.method === 'POST') };
}

/** A field by its whole label (a required one ends in " *"). */
const field = (label: string) => screen.getByLabelText(new RegExp(`^${label}( \\*)?$`));
const fill = (label: string, value: string) => fireEvent.change(field(label), { target: { value } });
const press = (name: string) => fireEvent.click(screen.getByRole('button', { name }));

beforeEach(() => {
  localStorage.clear();
  useSession.setState({ status: 'signed-out', user: null, reason: null });
});

describe('forgot password (docs/invitations-and-password-reset.md)', () => {
  it('the login page links to it with the email typed so far', async () => {
    const { router } = renderAt('/login', () => ({ status: 404 }));
    fill('Email address', 'ann@example.com');
    fireEvent.click(screen.getByRole('link', { name: 'Forgot password?' }));
    expect(await screen.findByRole('heading', { name: 'Forgot your password?' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/forgot-password');
    expect(field('Email address')).toHaveValue('ann@example.com');
  });

  it('checks the address, sends it trimmed and shows only the server’s neutral answer', async () => {
    const server = renderAt('/forgot-password', () => ({ status: 200, body: { message: 'If the email exists, a reset link has been sent' } }));
    press('Send reset link');
    expect(await screen.findByText('Email is required')).toBeInTheDocument();
    fill('Email address', 'ann@example');
    press('Send reset link');
    expect(await screen.findByText('Enter a valid email address')).toBeInTheDocument();
    expect(server.posts()).toHaveLength(0);

    fill('Email address', '  ann@example.com ');
    press('Send reset link');
    expect(await screen.findByTestId('reset-requested')).toHaveTextContent('If the email exists, a reset link has been sent.');
    expect(server.posts()).toEqual([expect.objectContaining({ url: '/api/auth/forgot-password', body: { email: 'ann@example.com' } })]);
    expect(screen.getByRole('link', { name: '← Back to sign in' })).toHaveAttribute('href', '/login');
  });

  it('shows a refusal (422, 429) and keeps the form', async () => {
    const replies: Reply[] = [
      { status: 422, body: { error: 'validation_error', message: 'email: must be a well-formed email address' } },
      { status: 429, body: { error: 'rate_limited', message: 'Too many requests. Try again in 100 seconds.' } },
    ];
    renderAt('/forgot-password', () => replies.shift()!);
    fill('Email address', 'ann@example.com');
    press('Send reset link');
    expect(await screen.findByText('email: must be a well-formed email address')).toBeInTheDocument();
    press('Send reset link');
    expect(await screen.findByText('Too many requests. Try again in 100 seconds.')).toBeInTheDocument();
    expect(screen.queryByTestId('reset-requested')).not.toBeInTheDocument();
  });
});

describe('reset password', () => {
  const resetServer = (resets: Reply[]) => (call: Call): Reply => {
    if (call.method === 'GET' && call.url === `/api/auth/verify-reset-token/${TOKEN}`) return { status: 200, body: { valid: true, email: 'ann@example.com' } };
    if (call.method === 'GET' && call.url.startsWith('/api/auth/verify-reset-token/')) return DEAD;
    if (call.method === 'POST' && call.url === '/api/auth/reset-password') return resets.shift() ?? { status: 500 };
    return { status: 404 };
  };

  it('a link without a token, or one the server refuses, says so and offers a new one', async () => {
    const none = renderAt('/reset-password', resetServer([]));
    expect(await screen.findByText(/This password reset link is invalid, has expired or was already used/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Ask for a new link' })).toHaveAttribute('href', '/forgot-password');
    expect(none.calls).toHaveLength(0);
    none.router.dispose();

    const refused = renderAt('/reset-password?token=used-one', resetServer([]));
    expect(await screen.findByRole('heading', { name: 'This link does not work' })).toBeInTheDocument();
    expect(refused.calls.map((c) => c.url)).toEqual(['/api/auth/verify-reset-token/used-one']);
    expect(screen.queryByLabelText(/New password/)).not.toBeInTheDocument();
  });

  it('checks the password like the server, shows the server’s requirements, keeps the form, then changes it', async () => {
    const server = renderAt(`/reset-password?token=${TOKEN}`, resetServer([REQUIREMENTS, { status: 200, body: { message: 'Password reset successfully' } }]));
    expect(await screen.findByRole('heading', { name: 'Choose a new password' })).toBeInTheDocument();
    expect(screen.getByText(/For ann@example.com/)).toBeInTheDocument();

    fill('New password', 'short');
    press('Set new password');
    expect(await screen.findByText('Password needs at least 12 characters, an upper-case letter, a digit, a special character such as ! @ # $ % - _ (a space or / does not count)')).toBeInTheDocument();
    fill('New password', GOOD);
    fill('Confirm new password', GOOD + 'x');
    press('Set new password');
    expect(await screen.findByText('Passwords do not match')).toBeInTheDocument();
    expect(server.posts()).toHaveLength(0);

    fill('Confirm new password', GOOD);
    press('Set new password');
    expect(await screen.findByText(COMMON)).toBeInTheDocument();
    expect(field('New password')).toHaveValue(GOOD);

    press('Set new password');
    expect(await screen.findByRole('heading', { name: 'Password changed' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Sign in with your new password' })).toHaveAttribute('href', '/login');
    expect(server.posts().map((c) => c.body)).toEqual([
      { token: TOKEN, new_password: GOOD },
      { token: TOKEN, new_password: GOOD },
    ]);
  });

  it('a server it cannot reach is not a dead link: it says so, and trying again checks the link again', async () => {
    let down = true;
    const server = renderAt(`/reset-password?token=${TOKEN}`, (call) => (down ? 'network-error' : resetServer([])(call)));
    expect(await screen.findByText(/The server cannot be reached/)).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Your link could not be checked' })).toBeInTheDocument();
    expect(screen.queryByText(/This password reset link is invalid/)).not.toBeInTheDocument();
    down = false;
    press('Try again');
    expect(await screen.findByRole('heading', { name: 'Choose a new password' })).toBeInTheDocument();
    expect(server.calls).toHaveLength(2);
  });

  it('a link used meanwhile (400 invalid_token on submit) turns into the invalid-link message', async () => {
    renderAt(`/reset-password?token=${TOKEN}`, resetServer([DEAD]));
    expect(await screen.findByRole('heading', { name: 'Choose a new password' })).toBeInTheDocument();
    fill('New password', GOOD);
    fill('Confirm new password', GOOD);
    press('Set new password');
    expect(await screen.findByText(/This password reset link is invalid/)).toBeInTheDocument();
  });
});

describe('accept an invitation', () => {
  const inviteServer = (accepts: Reply[]) => (call: Call): Reply => {
    if (call.method === 'GET' && call.url === `/api/auth/verify-invite-token/${TOKEN}`) return { status: 200, body: { valid: true, email: 'nora@example.com', role: 'manager' } };
    if (call.method === 'GET' && call.url.startsWith('/api/auth/verify-invite-token/')) return { status: 400, body: { error: 'invalid_token', message: 'Invalid or expired invitation token' } };
    if (call.method === 'POST' && call.url === '/api/auth/accept-invite') return accepts.shift() ?? { status: 500 };
    if (call.method === 'GET' && call.url === '/api/auth/me') return { status: 200, body: { ...ME, id: 12, email: 'nora@example.com', name: 'Nora Newcomer', role: 'manager' } };
    return { status: 404 };
  };
  const accepted: Reply = {
    status: 200,
    body: { message: 'Invitation accepted', user: { id: 12, email: 'nora@example.com', name: 'Nora Newcomer', role: 'manager' }, access_token: token(12), refresh_token: 'r12', token_type: 'bearer' },
  };

  it('shows the invited email and role read-only, checks the form and sends token, name and password', async () => {
    const server = renderAt(`/accept-invite?token=${TOKEN}`, inviteServer([REQUIREMENTS, accepted]));
    expect(await screen.findByRole('heading', { name: 'Join TimeTracker' })).toBeInTheDocument();
    expect(screen.getByLabelText('Email address')).toHaveValue('nora@example.com');
    expect(screen.getByLabelText('Email address')).toHaveAttribute('readonly');
    expect(screen.getByLabelText('Role')).toHaveValue('Manager');
    expect(screen.getByLabelText('Role')).toHaveAttribute('readonly');

    press('Create my account');
    expect(await screen.findByText('Enter your full name')).toBeInTheDocument();
    expect(screen.getByText(/^Password needs at least 12 characters/)).toBeInTheDocument();
    expect(server.posts()).toHaveLength(0);

    fill('Full name', '  Nora Newcomer ');
    fill('Password', GOOD);
    fill('Confirm password', GOOD);
    press('Create my account');
    expect(await screen.findByText(COMMON)).toBeInTheDocument();
    expect(useSession.getState().status).toBe('signed-out');

    press('Create my account');
    expect(await screen.findByRole('heading', { name: 'Dashboard' })).toBeInTheDocument();
    expect(server.posts().map((c) => c.body)).toEqual([
      { token: TOKEN, name: 'Nora Newcomer', password: GOOD },
      { token: TOKEN, name: 'Nora Newcomer', password: GOOD },
    ]);
    // signed in through the session's own path: the answer's tokens stored, the user loaded with them
    expect(readTokens()).toEqual({ access: token(12), refresh: 'r12' });
    expect(server.calls.at(-1)).toMatchObject({ method: 'GET', url: '/api/auth/me', auth: `Bearer ${token(12)}` });
    expect(useSession.getState()).toMatchObject({ status: 'signed-in', user: { id: 12, name: 'Nora Newcomer' } });
  });

  it('an invalid or missing token says so', async () => {
    const server = renderAt('/accept-invite?token=nope', inviteServer([]));
    expect(await screen.findByText(/This invitation link is invalid, has expired or was already used/)).toBeInTheDocument();
    expect(server.posts()).toHaveLength(0);
    server.router.dispose();
    renderAt('/accept-invite', inviteServer([]));
    expect(await screen.findAllByText(/This invitation link is invalid/)).toHaveLength(2);
  });

  it('while someone is signed in here, it offers to sign out first and only then shows the invitation', async () => {
    writeTokens({ access: token(7), refresh: 'r7' });
    useSession.setState({ status: 'signed-in', user: ME as never });
    const server = renderAt(`/accept-invite?token=${TOKEN}`, inviteServer([]));
    expect(await screen.findByTestId('signed-in-here')).toHaveTextContent('Ann Example (ann@example.com) is signed in in this browser. Sign out first to accept this invitation.');
    expect(server.calls).toHaveLength(0);
    press('Sign out and continue');
    expect(await screen.findByRole('heading', { name: 'Join TimeTracker' })).toBeInTheDocument();
    expect(readTokens()).toBeNull();
    await waitFor(() => expect(server.posts().map((c) => c.url)).toEqual(['/api/auth/logout']));
  });
});
