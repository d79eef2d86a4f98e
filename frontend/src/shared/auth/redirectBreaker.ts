/**
 * Circuit breaker on navigation: counts redirects made by the auth guards (to /login and back
 * to the app). A healthy app makes one or two; a loop makes many in a few seconds. When it trips
 * the guards stop redirecting and show what happened instead. It counts navigations, never
 * requests, so a burst of parallel 401s on one page cannot trip it.
 */
const KEY = 'tt.auth-redirects';
export const WINDOW_MS = 10_000;
export const MAX_REDIRECTS = 4;

function recent(now: number): number[] {
  try {
    const stamps = JSON.parse(sessionStorage.getItem(KEY) ?? '[]') as unknown;
    return Array.isArray(stamps) ? stamps.filter((t): t is number => typeof t === 'number' && now - t < WINDOW_MS) : [];
  } catch {
    return [];
  }
}

/** Records one guard redirect; false when the breaker is open and the redirect must not happen. */
export function allowAuthRedirect(now = Date.now()): boolean {
  const stamps = recent(now);
  if (stamps.length >= MAX_REDIRECTS) return false;
  stamps.push(now);
  sessionStorage.setItem(KEY, JSON.stringify(stamps));
  return true;
}

export function isBreakerOpen(now = Date.now()): boolean {
  return recent(now).length >= MAX_REDIRECTS;
}

export function resetBreaker(): void {
  sessionStorage.removeItem(KEY);
}
