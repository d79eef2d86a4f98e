import { act } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { useTimer } from '../../features/tracking/timer.ts';
import { ME, fakeServer, token } from '../../test/server.ts';
import { TOKENS_KEY, readTokens, writeTokens } from '../api/tokens.ts';
import { useSession, wireSession } from './session.ts';

function runningTimerOf(owner: number) {
  useTimer.setState({
    owner,
    entry: { id: 9, user_id: owner, project_id: 1, project_name: 'P', start_time: '2026-01-01T08:00:00Z' } as never,
  });
}

beforeEach(() => {
  localStorage.clear();
  useSession.setState({ status: 'checking', user: null, reason: null });
  useTimer.getState().reset();
  wireSession();
});

describe('the session', () => {
  it('is signed out at start without tokens, whatever V1 left persisted', async () => {
    localStorage.setItem('auth-storage', JSON.stringify({ state: { isAuthenticated: true, user: ME } }));
    localStorage.setItem('timer-storage', '{}');
    const calls = fakeServer(() => ({ status: 200, body: ME }));

    await useSession.getState().start();

    expect(useSession.getState().status).toBe('signed-out');
    expect(calls).toHaveLength(0);
    expect(localStorage.getItem('auth-storage')).toBeNull();
    expect(localStorage.getItem('timer-storage')).toBeNull();
  });

  it('revalidates stored tokens with /api/auth/me before counting as signed in', async () => {
    writeTokens({ access: token(7), refresh: 'r' });
    const calls = fakeServer(() => ({ status: 200, body: ME }));
    await useSession.getState().start();
    expect(calls.map((c) => c.url)).toEqual(['/api/auth/me']);
    expect(useSession.getState()).toMatchObject({ status: 'signed-in', user: { id: 7, name: 'Ann Example' } });
  });

  it('ends with the reason when the stored tokens are refused and cannot be refreshed', async () => {
    writeTokens({ access: token(7), refresh: 'r' });
    fakeServer(() => ({ status: 401 }));
    await useSession.getState().start();
    expect(useSession.getState()).toMatchObject({ status: 'signed-out', reason: 'Your session has expired. Please sign in again.' });
    expect(readTokens()).toBeNull();
  });

  it('is unreachable, not signed out, when the server cannot answer', async () => {
    writeTokens({ access: token(7), refresh: 'r' });
    fakeServer(() => 'network-error');
    await useSession.getState().start();
    expect(useSession.getState().status).toBe('unreachable');
    expect(readTokens()).not.toBeNull();
  });

  it('signs in: stores the tokens, loads the user and drops the previous user’s timer', async () => {
    runningTimerOf(99);
    fakeServer((call) =>
      call.url === '/api/auth/login' ? { status: 200, body: { access_token: token(7), refresh_token: 'r7', token_type: 'bearer' } } : { status: 200, body: ME },
    );
    await useSession.getState().signIn('ann@example.com', 'pw');
    expect(readTokens()).toEqual({ access: token(7), refresh: 'r7' });
    expect(useSession.getState().status).toBe('signed-in');
    expect(useTimer.getState().entry).toBeNull();
  });

  it('signs out: clears tokens and the timer at once and revokes the session on the server', async () => {
    writeTokens({ access: token(7), refresh: 'r' });
    useSession.setState({ status: 'signed-in', user: ME as never });
    runningTimerOf(7);
    const calls = fakeServer(() => ({ status: 200, body: {} }));

    useSession.getState().signOut();

    expect(readTokens()).toBeNull();
    expect(useSession.getState()).toMatchObject({ status: 'signed-out', user: null, reason: null });
    expect(useTimer.getState()).toMatchObject({ owner: null, entry: null });
    await Promise.resolve();
    expect(calls).toEqual([expect.objectContaining({ url: '/api/auth/logout', auth: `Bearer ${token(7)}` })]);
  });

  it('follows a sign-out in another tab', () => {
    useSession.setState({ status: 'signed-in', user: ME as never });
    runningTimerOf(7);
    localStorage.removeItem(TOKENS_KEY);
    act(() => {
      window.dispatchEvent(new StorageEvent('storage', { key: TOKENS_KEY, newValue: null }));
    });
    expect(useSession.getState()).toMatchObject({ status: 'signed-out', reason: 'You signed out in another tab.' });
    expect(useTimer.getState().entry).toBeNull();
  });

  it('follows another person signing in in another tab', async () => {
    useSession.setState({ status: 'signed-in', user: ME as never });
    runningTimerOf(7);
    fakeServer(() => ({ status: 200, body: { ...ME, id: 8, name: 'Bob' } }));
    writeTokens({ access: token(8), refresh: 'r8' });
    window.dispatchEvent(new StorageEvent('storage', { key: TOKENS_KEY, newValue: localStorage.getItem(TOKENS_KEY) }));
    expect(useTimer.getState().entry).toBeNull();
    await vi.waitFor(() => expect(useSession.getState().user?.id).toBe(8));
  });
});
