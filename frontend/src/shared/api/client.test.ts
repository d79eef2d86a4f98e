import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deferred, fakeServer, token, type Reply } from '../../test/server.ts';
import { api, OTHER_TAB_WAIT_MS, SESSION_EXPIRED, setSessionListener } from './client.ts';
import { readTokens, writeTokens } from './tokens.ts';

const listener = { onSessionExpired: vi.fn(), onForbidden: vi.fn(), onTokensRefreshed: vi.fn() };

beforeEach(() => {
  localStorage.clear();
  listener.onSessionExpired = vi.fn();
  listener.onForbidden = vi.fn();
  listener.onTokensRefreshed = vi.fn();
  setSessionListener(listener);
  writeTokens({ access: 'old-access', refresh: 'refresh-1' });
});

const NEW_PAIR: Reply = { status: 200, body: { access_token: 'new-access', refresh_token: 'refresh-2', token_type: 'bearer' } };

describe('the API client', () => {
  it('sends the stored access token', async () => {
    const calls = fakeServer(() => ({ status: 200, body: { ok: true } }));
    await api.get('/api/projects');
    expect(calls[0]?.auth).toBe('Bearer old-access');
  });

  it('refreshes once for many parallel 401s and retries each request once with the new token', async () => {
    const refreshAnswer = deferred<Reply>();
    const calls = fakeServer((call) => {
      if (call.url === '/api/auth/refresh') return refreshAnswer.promise;
      return call.auth === 'Bearer new-access' ? { status: 200, body: { url: call.url } } : { status: 401, body: { message: 'Could not validate credentials' } };
    });

    const results = Promise.all(['/api/a', '/api/b', '/api/c', '/api/d', '/api/e'].map((url) => api.get(url)));
    await vi.waitFor(() => expect(calls.filter((c) => c.url !== '/api/auth/refresh')).toHaveLength(5));
    refreshAnswer.resolve(NEW_PAIR);
    const responses = await results;

    expect(responses.map((r) => r.data.url)).toEqual(['/api/a', '/api/b', '/api/c', '/api/d', '/api/e']);
    const refreshes = calls.filter((c) => c.url === '/api/auth/refresh');
    expect(refreshes).toHaveLength(1);
    expect(refreshes[0]?.body).toEqual({ refresh_token: 'refresh-1' });
    expect(calls).toHaveLength(11);
    expect(readTokens()).toEqual({ access: 'new-access', refresh: 'refresh-2' });
    expect(listener.onTokensRefreshed).toHaveBeenCalledTimes(1);
    expect(listener.onSessionExpired).not.toHaveBeenCalled();
  });

  it('ends the session once, clearing the tokens, when the refresh is refused', async () => {
    const calls = fakeServer((call) => (call.url === '/api/auth/refresh' ? { status: 401, body: { message: 'Token has been revoked' } } : { status: 401 }));
    const outcomes = await Promise.allSettled([api.get('/api/a'), api.get('/api/b'), api.get('/api/c')]);

    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(calls.filter((c) => c.url === '/api/auth/refresh')).toHaveLength(1);
    expect(readTokens()).toBeNull();
    expect(listener.onSessionExpired).toHaveBeenCalledWith(SESSION_EXPIRED);
  });

  it('does not refresh again when the retried request is still 401', async () => {
    const calls = fakeServer((call) => (call.url === '/api/auth/refresh' ? NEW_PAIR : { status: 401 }));
    await expect(api.get('/api/a')).rejects.toMatchObject({ response: { status: 401 } });
    expect(calls.map((c) => c.url)).toEqual(['/api/a', '/api/auth/refresh', '/api/a']);
    expect(readTokens()).toBeNull();
    expect(listener.onSessionExpired).toHaveBeenCalledTimes(1);
  });

  it('treats 403 as a permission answer: reports it and keeps the session', async () => {
    const calls = fakeServer(() => ({ status: 403, body: { error: 'authorization_error', message: 'Only team admins can do that' } }));
    await expect(api.delete('/api/teams/3')).rejects.toMatchObject({ response: { status: 403 } });

    expect(calls).toHaveLength(1);
    expect(listener.onForbidden).toHaveBeenCalledWith('Only team admins can do that');
    expect(listener.onSessionExpired).not.toHaveBeenCalled();
    expect(readTokens()).toEqual({ access: 'old-access', refresh: 'refresh-1' });
  });

  it('passes a failed sign-in through untouched: no refresh, no sign-out', async () => {
    const calls = fakeServer(() => ({ status: 401, body: { message: 'Incorrect email or password' } }));
    await expect(api.post('/api/auth/login', { email: 'a@b.cd', password: 'x' })).rejects.toMatchObject({
      response: { data: { message: 'Incorrect email or password' } },
    });
    expect(calls).toHaveLength(1);
    expect(listener.onSessionExpired).not.toHaveBeenCalled();
  });

  it('keeps the session when the server cannot be reached during a refresh', async () => {
    fakeServer((call) => (call.url === '/api/auth/refresh' ? 'network-error' : { status: 401 }));
    await expect(api.get('/api/a')).rejects.toBeTruthy();
    expect(readTokens()).toEqual({ access: 'old-access', refresh: 'refresh-1' });
    expect(listener.onSessionExpired).not.toHaveBeenCalled();
  });

  it('keeps the session when the refresh is rate limited', async () => {
    fakeServer((call) => (call.url === '/api/auth/refresh' ? { status: 429, body: { message: 'Too many requests' } } : { status: 401 }));
    await expect(api.get('/api/a')).rejects.toBeTruthy();
    expect(readTokens()).toEqual({ access: 'old-access', refresh: 'refresh-1' });
    expect(listener.onSessionExpired).not.toHaveBeenCalled();
  });

  it('uses tokens another tab already refreshed instead of refreshing again', async () => {
    const calls = fakeServer((call) => {
      if (call.auth === 'Bearer old-access') {
        writeTokens({ access: token(7, 'other-tab'), refresh: 'refresh-from-other-tab' }); // the other tab won the race
        return { status: 401 };
      }
      return { status: 200, body: { ok: true } };
    });
    await api.get('/api/a');
    expect(calls.map((c) => c.url)).toEqual(['/api/a', '/api/a']);
    expect(calls[1]?.auth).toBe(`Bearer ${token(7, 'other-tab')}`);
  });
});

/**
 * The Web Locks API as Chromium runs it across tabs, in one process: one holder at a time, the
 * others queue, `ifAvailable` gives up at once. What it does not carry is the other tab's write
 * to localStorage, which in the browser may arrive here after the lock did.
 */
class FakeLocks {
  private held = false;
  private readonly queue: (() => void)[] = [];

  async request(name: string, ...args: unknown[]): Promise<unknown> {
    const options = (args.length > 1 ? args[0] : {}) as { ifAvailable?: boolean };
    const callback = args.at(-1) as (lock: { name: string } | null) => Promise<unknown>;
    if (this.held) {
      if (options.ifAvailable) return callback(null);
      await new Promise<void>((resolve) => this.queue.push(resolve));
    }
    this.held = true;
    try {
      return await callback({ name });
    } finally {
      this.held = false;
      this.queue.shift()?.();
    }
  }
}

describe('the refresh across tabs (navigator.locks)', () => {
  let locks: FakeLocks;
  let otherTabDone: ReturnType<typeof deferred<void>>;

  beforeEach(() => {
    locks = new FakeLocks();
    vi.stubGlobal('navigator', { ...navigator, locks });
    otherTabDone = deferred<void>();
    void locks.request('tt.token-refresh', () => otherTabDone.promise); // another tab is refreshing
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  function server() {
    return fakeServer((call) => {
      if (call.url === '/api/auth/refresh') return NEW_PAIR;
      return call.auth === 'Bearer old-access' ? { status: 401 } : { status: 200, body: { auth: call.auth } };
    });
  }

  it("waits for the other tab's tokens when they arrive after its lock, instead of refreshing again", async () => {
    const calls = server();
    const request = api.get('/api/a');
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    otherTabDone.resolve(); // the lock is free, but the other tab's write has not reached this tab yet
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(calls.map((c) => c.url)).toEqual(['/api/a']);

    writeTokens({ access: token(7, 'other-tab'), refresh: 'refresh-from-other-tab' });
    window.dispatchEvent(new StorageEvent('storage', { key: 'tt.tokens' }));
    expect((await request).data).toEqual({ auth: `Bearer ${token(7, 'other-tab')}` });
    expect(calls.map((c) => c.url)).toEqual(['/api/a', '/api/a']);
  });

  it('refreshes itself when the other tab wrote nothing within the wait (its refresh failed)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const calls = server();
    const request = api.get('/api/a');
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    otherTabDone.resolve();
    await vi.advanceTimersByTimeAsync(OTHER_TAB_WAIT_MS - 100);
    expect(calls.map((c) => c.url)).toEqual(['/api/a']);
    await vi.advanceTimersByTimeAsync(200);
    expect((await request).data).toEqual({ auth: 'Bearer new-access' });
    expect(calls.map((c) => c.url)).toEqual(['/api/a', '/api/auth/refresh', '/api/a']);
  });

  it('a session ended by the other tab (tokens cleared) ends here too, without a refresh', async () => {
    const calls = server();
    const request = api.get('/api/a');
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    otherTabDone.resolve();
    localStorage.removeItem('tt.tokens');
    window.dispatchEvent(new StorageEvent('storage', { key: 'tt.tokens' }));
    await expect(request).rejects.toThrow();
    expect(calls.map((c) => c.url)).toEqual(['/api/a']);
    expect(listener.onSessionExpired).toHaveBeenCalledWith(SESSION_EXPIRED);
  });
});
