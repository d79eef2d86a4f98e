import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { refreshAccessToken } from '../../shared/api/client.ts';
import { writeTokens } from '../../shared/api/tokens.ts';
import { fakeServer } from '../../test/server.ts';
import { backoffDelay, connectRealtime, useRealtimeStatus } from './realtime.ts';

/** A WebSocket stand-in: records what the app sends, lets the test open, message and close it. */
class FakeSocket {
  static all: FakeSocket[] = [];
  sent: string[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: string }) => void) | null = null;
  onclose: (() => void) | null = null;
  closed = false;
  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }
  send(data: string) {
    this.sent.push(data);
  }
  close() {
    this.closed = true;
    this.onclose?.();
  }
  open() {
    this.onopen?.();
  }
  receive(message: object) {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
  drop() {
    this.onclose?.();
  }
}

/** A JWT-shaped access token expiring at `exp` (seconds); the server, not the app, verifies it. */
function jwt(exp: number, tag: string): string {
  return `h.${btoa(JSON.stringify({ sub: '7', exp, tag })).replace(/=+$/, '')}.s`;
}

function tokenIn(url: string): string {
  return decodeURIComponent(url.split('token=')[1] ?? '');
}

let stop: () => void = () => {};

beforeEach(() => {
  FakeSocket.all = [];
  vi.stubGlobal('WebSocket', FakeSocket);
  vi.useFakeTimers();
  localStorage.clear();
  writeTokens({ access: 'access-1', refresh: 'refresh-1' });
});

afterEach(() => {
  stop();
  vi.useRealTimers();
});

function connect(onOwnTimerChanged = vi.fn()) {
  const queryClient = new QueryClient();
  const invalidate = vi.spyOn(queryClient, 'invalidateQueries');
  stop = connectRealtime({ queryClient, userId: 7, onOwnTimerChanged });
  return { queryClient, invalidate, onOwnTimerChanged };
}

describe('the realtime connection', () => {
  it('opens with the access token, asks for the running timers and reports itself live', () => {
    const { queryClient } = connect();
    const socket = FakeSocket.all[0]!;
    expect(socket.url).toMatch(/\/api\/ws\/ws\?token=access-1$/);
    socket.open();
    expect(useRealtimeStatus.getState().connected).toBe(true);
    expect(socket.sent).toEqual([JSON.stringify({ type: 'get_active_timers' })]);

    socket.receive({ type: 'active_timers', timers: [{ user_id: 8, user_name: 'Bob' }] });
    expect(queryClient.getQueryData(['active-timers'])).toEqual([{ user_id: 8, user_name: 'Bob' }]);
  });

  it('refreshes who is working, the entry lists and the reports on entry events, and the own timer on own events', () => {
    const { invalidate, onOwnTimerChanged } = connect();
    const socket = FakeSocket.all[0]!;
    socket.open();
    invalidate.mockClear();
    onOwnTimerChanged.mockClear();

    socket.receive({ type: 'timer_started', data: { user_id: 8 } });
    expect(invalidate.mock.calls.map((c) => c[0]?.queryKey)).toEqual([['active-timers'], ['time-entries'], ['reports']]);
    expect(onOwnTimerChanged).not.toHaveBeenCalled();

    socket.receive({ type: 'timer_stopped', data: { user_id: 7 } });
    expect(onOwnTimerChanged).toHaveBeenCalledTimes(1);

    socket.receive({ type: 'ping' });
    expect(socket.sent.at(-1)).toBe(JSON.stringify({ type: 'pong' }));
  });

  it('reconnects with growing delays after drops, and at once after a token refresh', async () => {
    connect();
    FakeSocket.all[0]!.drop();
    expect(useRealtimeStatus.getState().connected).toBe(false);
    vi.advanceTimersByTime(600);
    expect(FakeSocket.all).toHaveLength(1);
    vi.advanceTimersByTime(2000);
    expect(FakeSocket.all).toHaveLength(2);

    fakeServer(() => ({ status: 200, body: { access_token: 'access-2', refresh_token: 'refresh-2' } }));
    await refreshAccessToken();
    expect(FakeSocket.all).toHaveLength(3);
    expect(FakeSocket.all[1]!.closed).toBe(true);
    expect(FakeSocket.all[2]!.url).toMatch(/token=access-2$/);
  });

  it('refreshes an expired access token before connecting, and connects with the new one', async () => {
    const now = Math.floor(Date.now() / 1000);
    const fresh = jwt(now + 1800, 'fresh');
    writeTokens({ access: jwt(now - 60, 'expired'), refresh: 'refresh-1' });
    const calls = fakeServer(() => ({ status: 200, body: { access_token: fresh, refresh_token: 'refresh-2' } }));
    connect();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual(['POST /api/auth/refresh']);
    expect(FakeSocket.all.map((s) => tokenIn(s.url))).toEqual([fresh]);
  });

  it('connects with a refreshed token that still looks expired (a clock running ahead) instead of refreshing again', async () => {
    const now = Math.floor(Date.now() / 1000);
    const refreshed = jwt(now - 5, 'refreshed');
    writeTokens({ access: jwt(now - 3600, 'expired'), refresh: 'refresh-1' });
    const calls = fakeServer(() => ({ status: 200, body: { access_token: refreshed, refresh_token: 'refresh-2' } }));
    connect();
    await vi.advanceTimersByTimeAsync(0);
    expect(FakeSocket.all.map((s) => tokenIn(s.url))).toEqual([refreshed]);
    FakeSocket.all[0]!.drop(); // refused by the server: the backoff goes on, without refreshing
    await vi.advanceTimersByTimeAsync(1300);
    expect(FakeSocket.all.map((s) => tokenIn(s.url))).toEqual([refreshed, refreshed]);
    expect(calls).toHaveLength(1);
  });

  it('tries again with backoff when the refresh cannot reach the server', async () => {
    const now = Math.floor(Date.now() / 1000);
    writeTokens({ access: jwt(now - 60, 'expired'), refresh: 'refresh-1' });
    const calls = fakeServer(() => 'network-error');
    connect();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(1);
    expect(FakeSocket.all).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1300);
    expect(calls).toHaveLength(2);
    expect(FakeSocket.all).toHaveLength(0);
  });

  it('stops for good when the page leaves', () => {
    connect();
    stop();
    stop = () => {};
    vi.advanceTimersByTime(60_000);
    expect(FakeSocket.all).toHaveLength(1);
    expect(FakeSocket.all[0]!.closed).toBe(true);
  });

  it('backs off exponentially up to 30 s with jitter', () => {
    expect(backoffDelay(0, () => 0.5)).toBe(1000);
    expect(backoffDelay(1, () => 0.5)).toBe(2000);
    expect(backoffDelay(4, () => 0.5)).toBe(16000);
    expect(backoffDelay(9, () => 0.5)).toBe(30000);
    expect(backoffDelay(0, () => 0)).toBe(750);
    expect(backoffDelay(0, () => 1)).toBe(1250);
  });
});
