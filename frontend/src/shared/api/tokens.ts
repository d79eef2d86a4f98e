/**
 * The access and refresh tokens: the single source of truth for "signed in". They live in
 * localStorage so every tab shares them; nothing else (no persisted user, no flag) decides.
 */
export interface Tokens {
  access: string;
  refresh: string;
}

export const TOKENS_KEY = 'tt.tokens';

/** What V1 left in the browser; removed at start so no stale flag can pretend we are signed in. */
const LEGACY_KEYS = ['access_token', 'refresh_token', 'auth-storage', 'timer-storage'];

export function readTokens(): Tokens | null {
  const raw = localStorage.getItem(TOKENS_KEY);
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Partial<Tokens>;
    if (typeof parsed.access === 'string' && typeof parsed.refresh === 'string' && parsed.access && parsed.refresh) {
      return { access: parsed.access, refresh: parsed.refresh };
    }
  } catch {
    // a damaged entry counts as signed out
  }
  localStorage.removeItem(TOKENS_KEY);
  return null;
}

export function writeTokens(tokens: Tokens): void {
  localStorage.setItem(TOKENS_KEY, JSON.stringify(tokens));
}

export function clearTokens(): void {
  localStorage.removeItem(TOKENS_KEY);
}

export function removeLegacyState(): void {
  for (const key of LEGACY_KEYS) localStorage.removeItem(key);
}
