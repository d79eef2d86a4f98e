import axios, { AxiosHeaders, type AxiosError, type InternalAxiosRequestConfig } from 'axios';
import { clearTokens, readTokens, TOKENS_KEY, writeTokens, type Tokens } from './tokens.ts';

/**
 * The one HTTP client. A 401 triggers exactly one refresh shared by every request that failed
 * meanwhile (the server rotates refresh tokens, so a second refresh with the same token would be
 * treated as token theft); each request is retried once. When the refresh fails the session ends.
 * A 403 is a permission answer and never ends the session.
 */
export const api = axios.create({ headers: { Accept: 'application/json' } });

type Listener = {
  /** The session is over (refresh refused, or retried request still 401). */
  onSessionExpired: (reason: string) => void;
  /** A request was refused for lack of permission. */
  onForbidden: (message: string) => void;
  /** New tokens were stored (the WebSocket reconnects with them). */
  onTokensRefreshed: () => void;
};

const noop = () => {};
let listener: Listener = { onSessionExpired: noop, onForbidden: noop, onTokensRefreshed: noop };

export function setSessionListener(next: Partial<Listener>): void {
  listener = { ...listener, ...next };
}

export const SESSION_EXPIRED = 'Your session has expired. Please sign in again.';

interface RetriableConfig extends InternalAxiosRequestConfig {
  _retried?: boolean;
  _sentToken?: string | null;
}

/** Endpoints whose 401 is an answer about credentials, not about the session. */
const CREDENTIAL_ENDPOINTS = ['/api/auth/login', '/api/auth/refresh', '/api/auth/register'];

api.interceptors.request.use((config: RetriableConfig) => {
  const token = readTokens()?.access ?? null;
  config._sentToken = token;
  if (token && !config.headers.has('Authorization')) {
    config.headers.set('Authorization', `Bearer ${token}`);
  }
  return config;
});

let refreshing: Promise<string | null> | null = null;

const REFRESH_LOCK = 'tt.token-refresh';
/** How long a tab that waited for another tab's refresh waits for that tab's tokens to show here. */
export const OTHER_TAB_WAIT_MS = 3000;

/** One refresh at a time for this tab; the browser lock extends that to every tab of the origin. */
export function refreshAccessToken(): Promise<string | null> {
  const seen = readTokens()?.refresh ?? null;
  refreshing ??= withCrossTabLock((waited) => runRefresh(seen, waited)).finally(() => {
    refreshing = null;
  });
  return refreshing;
}

/**
 * Runs `work` holding the cross-tab lock. `waited` says that another tab held it, i.e. was
 * refreshing: the browser hands the lock over before that tab's write to localStorage has reached
 * this tab, so the work must wait for those tokens rather than refresh again (which the server
 * would take for token theft).
 */
async function withCrossTabLock<T>(work: (waited: boolean) => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return work(false);
  const free = await locks.request(REFRESH_LOCK, { ifAvailable: true }, async (lock) => (lock ? { result: await work(false) } : null));
  if (free) return free.result;
  return locks.request(REFRESH_LOCK, () => work(true));
}

/** The stored tokens once another tab's write arrives (a `storage` event), or as they are after `ms`. */
function tokensFromAnotherTab(ms: number): Promise<Tokens | null> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      window.removeEventListener('storage', onStorage);
      resolve(readTokens());
    };
    const onStorage = (event: StorageEvent) => {
      if (event.key === TOKENS_KEY || event.key === null) done();
    };
    const timer = setTimeout(done, ms);
    window.addEventListener('storage', onStorage);
  });
}

async function runRefresh(seen: string | null, waited: boolean): Promise<string | null> {
  let tokens = readTokens();
  if (tokens && waited && tokens.refresh === seen) tokens = await tokensFromAnotherTab(OTHER_TAB_WAIT_MS);
  if (!tokens) return null;
  // Another tab refreshed while we waited for the lock: its tokens are already the new ones.
  if (tokens.refresh !== seen) return tokens.access;
  try {
    const response = await axios.post<{ access_token: string; refresh_token: string }>(
      '/api/auth/refresh',
      { refresh_token: tokens.refresh },
      { headers: { 'Content-Type': 'application/json' } },
    );
    const next: Tokens = { access: response.data.access_token, refresh: response.data.refresh_token };
    writeTokens(next);
    listener.onTokensRefreshed();
    return next.access;
  } catch (error) {
    const status = (error as AxiosError).response?.status;
    if (status === undefined || status >= 500 || status === 429) {
      // The server could not answer now (down, or rate limited): keep the session, the request fails.
      throw error;
    }
    return null;
  }
}

api.interceptors.response.use(undefined, async (error: AxiosError) => {
  const config = error.config as RetriableConfig | undefined;
  const status = error.response?.status;
  if (!config || status === undefined) throw error;
  const url = config.url ?? '';
  if (CREDENTIAL_ENDPOINTS.some((path) => url.startsWith(path))) throw error;

  if (status === 403) {
    listener.onForbidden(messageFromBody(error) ?? "You don't have permission to do that.");
    throw error;
  }
  if (status !== 401) throw error;

  if (config._retried) {
    endSession();
    throw error;
  }
  config._retried = true;
  const current = readTokens();
  let token: string | null;
  if (current && current.access !== config._sentToken) {
    token = current.access; // someone refreshed since this request left
  } else {
    token = await refreshAccessToken();
  }
  if (!token) {
    endSession();
    throw error;
  }
  const headers = AxiosHeaders.from(config.headers);
  headers.set('Authorization', `Bearer ${token}`);
  config.headers = headers;
  return api.request(config);
});

function endSession(): void {
  if (readTokens()) clearTokens();
  listener.onSessionExpired(SESSION_EXPIRED);
}

function messageFromBody(error: AxiosError): string | undefined {
  const data = error.response?.data as { message?: unknown } | undefined;
  return typeof data?.message === 'string' ? data.message : undefined;
}
