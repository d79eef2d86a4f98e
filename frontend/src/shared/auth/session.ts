import axios from 'axios';
import { create } from 'zustand';
import { api, setSessionListener } from '../api/client.ts';
import { NO_PERMISSION, messageOf, statusOf } from '../api/errors.ts';
import { subjectOf } from '../api/jwt.ts';
import { TOKENS_KEY, clearTokens, readTokens, removeLegacyState, writeTokens } from '../api/tokens.ts';
import type { Me, TokenPair } from '../api/types.ts';
import { toast } from '../ui/toasts.ts';
import { resetUserStores } from './userScope.ts';

/**
 * Who is signed in. Derived from the tokens (the single source of truth) and confirmed with
 * GET /api/auth/me at start; the user object is never persisted, so no stale state can claim a
 * session the tokens do not back.
 */
export type SessionStatus = 'checking' | 'signed-in' | 'signed-out' | 'unreachable';

interface SessionState {
  status: SessionStatus;
  user: Me | null;
  /** Why the last session ended, shown on the sign-in page. */
  reason: string | null;
  start: () => Promise<void>;
  signIn: (email: string, password: string) => Promise<void>;
  /** Signs in with tokens the server already issued (sign-in, an accepted invitation). */
  signInWith: (tokens: Pick<TokenPair, 'access_token' | 'refresh_token'>) => Promise<void>;
  signOut: () => void;
  /** Ends the session locally (expired, signed out in another tab): no server call. */
  end: (reason: string | null) => void;
  setUser: (user: Me) => void;
}

export const useSession = create<SessionState>((set, get) => ({
  status: readTokens() ? 'checking' : 'signed-out',
  user: null,
  reason: null,

  start: async () => {
    removeLegacyState();
    if (!readTokens()) {
      set({ status: 'signed-out', user: null });
      return;
    }
    set({ status: 'checking' });
    try {
      const { data } = await api.get<Me>('/api/auth/me');
      if (!readTokens()) return; // ended meanwhile
      set({ status: 'signed-in', user: data, reason: null });
    } catch (error) {
      const status = statusOf(error);
      if (status === 401) return; // the client already ended the session
      if (status === 403) {
        get().end(messageOf(error, NO_PERMISSION));
        return;
      }
      set({ status: 'unreachable' });
    }
  },

  signIn: async (email, password) => {
    const { data } = await api.post<TokenPair>('/api/auth/login', { email, password });
    await get().signInWith(data);
  },

  signInWith: async (tokens) => {
    writeTokens({ access: tokens.access_token, refresh: tokens.refresh_token });
    const me = await api.get<Me>('/api/auth/me');
    resetUserStores();
    set({ status: 'signed-in', user: me.data, reason: null });
  },

  signOut: () => {
    const tokens = readTokens();
    get().end(null);
    if (tokens) {
      // revoke on the server; the local session is already gone whatever it answers
      axios.post('/api/auth/logout', null, { headers: { Authorization: `Bearer ${tokens.access}` } }).catch(() => {});
    }
  },

  end: (reason) => {
    clearTokens();
    resetUserStores();
    set({ status: 'signed-out', user: null, reason });
  },

  setUser: (user) => set({ user }),
}));

let wired = false;

/** Connects the HTTP client and the other tabs to the session. Called once at start. */
export function wireSession(onSignedOut?: () => void): void {
  if (wired) return;
  wired = true;
  setSessionListener({
    onSessionExpired: (reason) => {
      if (useSession.getState().status !== 'signed-out') useSession.getState().end(reason);
    },
    onForbidden: (message) => toast.error(message),
  });
  window.addEventListener('storage', (event) => {
    if (event.key !== TOKENS_KEY && event.key !== null) return;
    const state = useSession.getState();
    const tokens = readTokens();
    if (!tokens) {
      if (state.status !== 'signed-out') {
        state.end('You signed out in another tab.');
        onSignedOut?.();
      }
    } else if (state.status === 'signed-out' || state.status === 'unreachable') {
      void state.start(); // signed in in another tab
    } else if (state.user && subjectOf(tokens.access) !== state.user.id) {
      resetUserStores(); // another person signed in in another tab
      void state.start();
    }
  });
}
