import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { refreshAccessToken } from '../../shared/api/client.ts';
import { writeTokens } from '../../shared/api/tokens.ts';
import { fakeServer, type Call, type Reply } from '../../test/server.ts';
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

/**
 * The API behind the socket: `POST /api/ws/ticket` gives a ticket naming the bearer token it was
 * asked with (so a test can tell which token a socket stands for); other calls go to `handler`.
 */
function server(handler: (call: Call) => Reply = () => ({ status: 404 })) {
  const calls = fakeServer((call) =>
    call.method === 'POST' && call.url === '/api/ws/ticket' ? { status: 200, body: { ticket: `for.${call.auth?.replace('Bearer ', '')}` } } : handler(call),
  );
  return { get others() { return calls.filter((c) => c.url !== '/api/ws/ticket'); } };
}

/** The access token a socket was opened for: through its ticket, or V1's `?token=`. */
function tokenIn(url: string): string {
  const query = new URL(url).searchParams;
  return query.get('ticket')?.replace(/^for\./, '') ?? `token:${query.get('token')}`;
}

let stop: () => void = () => {};

beforeEach(() => {
  FakeSocket.all = [];
  vi.stubGlobal('WebSocket', FakeSocket);
  vi.useFakeTimers();
  localStorage.clear();
  writeTokens({ access: 'access-1', refresh: 'refresh-1' });
  server();
});

afterEach(() => {
  stop();
  vi.useRealTimers();
});

/** Connects and lets the ticket arrive. */
async function connect(onOwnTimerChanged = vi.fn()) {
  const queryClient = new QueryClient();
  const invalidate = vi.spyOn(queryClient, 'invalidateQueries');
  stop = connectRealtime({ queryClient, userId: 7, onOwnTimerChanged });
  await vi.advanceTimersByTimeAsync(0);
  return { queryClient, invalidate, onOwnTimerChanged };
}

describe('the realtime connection', () => {
  it('opens with a one-use ticket (no token in the URL), asks for the running timers and reports itself live', async () => {
    const { queryClient } = await connect();
    const socket = FakeSocket.all[0]!;
    expect(socket.url).toMatch(/\/api\/ws\/ws\?ticket=for\.access-1$/);
    socket.open();
    expect(useRealtimeStatus.getState().connected).toBe(true);
    expect(socket.sent).toEqual([JSON.stringify({ type: 'get_active_timers' })]);

    socket.receive({ type: 'active_timers', timers: [{ user_id: 8, user_name: 'Bob' }] });
    expect(queryClient.getQueryData(['active-timers'])).toEqual([{ user_id: 8, user_name: 'Bob' }]);
  });

  it('opens with the access token when no ticket can be had', async () => {
    fakeServer(() => ({ status: 503 }));
    await connect();
    expect(FakeSocket.all.map((s) => s.url)).toEqual([expect.stringMatching(/\/api\/ws\/ws\?token=access-1$/)]);
  });

  it('refreshes who is working, the entry lists and the reports on entry events, and the own timer on own events', async () => {
    const { invalidate, onOwnTimerChanged } = await connect();
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
    await connect();
    FakeSocket.all[0]!.drop();
    expect(useRealtimeStatus.getState().connected).toBe(false);
    await vi.advanceTimersByTimeAsync(600);
    expect(FakeSocket.all).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(2000);
    expect(FakeSocket.all).toHaveLength(2);

    server(() => ({ status: 200, body: { access_token: 'access-2', refresh_token: 'refresh-2' } }));
    await refreshAccessToken();
    await vi.advanceTimersByTimeAsync(0);
    expect(FakeSocket.all).toHaveLength(3);
    expect(FakeSocket.all[1]!.closed).toBe(true);
    expect(tokenIn(FakeSocket.all[2]!.url)).toBe('access-2');
  });

  it('refreshes an expired access token before connecting, and connects with the new one', async () => {
    const now = Math.floor(Date.now() / 1000);
    const fresh = jwt(now + 1800, 'fresh');
    writeTokens({ access: jwt(now - 60, 'expired'), refresh: 'refresh-1' });
    const api = server(() => ({ status: 200, body: { access_token: fresh, refresh_token: 'refresh-2' } }));
    await connect();
    expect(api.others.map((c) => `${c.method} ${c.url}`)).toEqual(['POST /api/auth/refresh']);
    expect(FakeSocket.all.map((s) => tokenIn(s.url))).toEqual([fresh]);
  });

  it('connects with a refreshed token that still looks expired (a clock running ahead) instead of refreshing again', async () => {
    const now = Math.floor(Date.now() / 1000);
    const refreshed = jwt(now - 5, 'refreshed');
    writeTokens({ access: jwt(now - 3600, 'expired'), refresh: 'refresh-1' });
    const api = server(() => ({ status: 200, body: { access_token: refreshed, refresh_token: 'refresh-2' } }));
    await connect();
    expect(FakeSocket.all.map((s) => tokenIn(s.url))).toEqual([refreshed]);
    FakeSocket.all[0]!.drop(); // refused by the server: the backoff goes on, without refreshing
    await vi.advanceTimersByTimeAsync(1300);
    expect(FakeSocket.all.map((s) => tokenIn(s.url))).toEqual([refreshed, refreshed]);
    expect(api.others).toHaveLength(1);
  });

  it('tries again with backoff when the refresh cannot reach the server', async () => {
    const now = Math.floor(Date.now() / 1000);
    writeTokens({ access: jwt(now - 60, 'expired'), refresh: 'refresh-1' });
    const calls = fakeServer(() => 'network-error');
    await connect();
    expect(calls).toHaveLength(1);
    expect(FakeSocket.all).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1300);
    expect(calls).toHaveLength(2);
    expect(FakeSocket.all).toHaveLength(0);
  });

  it('stops for good when the page leaves', async () => {
    await connect();
    stop();
    stop = () => {};
    await vi.advanceTimersByTimeAsync(60_000);
    expect(FakeSocket.all).toHaveLength(1);
    expect(FakeSocket.all[0]!.closed).toBe(true);
  });

  it('opens nothing when the page left while its ticket was on the way', async () => {
    stop = connectRealtime({ queryClient: new QueryClient(), userId: 7, onOwnTimerChanged: vi.fn() });
    stop();
    stop = () => {};
    await vi.advanceTimersByTimeAsync(5_000);
    expect(FakeSocket.all).toHaveLength(0);
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
