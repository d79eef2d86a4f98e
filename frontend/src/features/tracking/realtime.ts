import type { QueryClient } from '@tanstack/react-query';
import { create } from 'zustand';
import { api, refreshAccessToken, setSessionListener } from '../../shared/api/client.ts';
import { hasExpired } from '../../shared/api/jwt.ts';
import { readTokens } from '../../shared/api/tokens.ts';
import type { ActiveTimer } from '../../shared/api/types.ts';

/**
 * The app's one WebSocket (/api/ws/ws). Messages refresh what they concern within a second:
 * "who's working now", the entry lists, and this user's timer when another tab or device
 * changed it. It reconnects with exponential backoff, and at once after a token refresh (the
 * server authenticates the socket with the access token when it opens). An expired access token
 * is refreshed before connecting: a tab whose socket was live made no requests, so nothing else
 * would notice. While it is down the pages poll (their queries read `useRealtimeStatus`).
 * The socket opens with a one-use ticket (`POST /api/ws/ticket`), so the access token never
 * appears in a URL (proxy logs); only when no ticket can be had does it use V1's `?token=`.
 */
export const useRealtimeStatus = create<{ connected: boolean }>(() => ({ connected: false }));

export const ENTRY_EVENTS = new Set([
  'timer_started',
  'timer_stopped',
  'time_entry_created',
  'time_entry_completed',
  'time_entry_updated',
  'time_entry_deleted',
]);

export function backoffDelay(attempt: number, random = Math.random): number {
  const base = Math.min(30_000, 1000 * 2 ** Math.min(attempt, 5));
  return Math.round(base * (0.75 + random() * 0.5));
}

interface Options {
  queryClient: QueryClient;
  userId: number;
  onOwnTimerChanged: () => void;
}

/** The socket's query: a one-use ticket, or the access token itself when no ticket can be had. */
async function credentials(token: string): Promise<string> {
  try {
    const { data } = await api.post<{ ticket: string }>('/api/ws/ticket');
    return `ticket=${encodeURIComponent(data.ticket)}`;
  } catch {
    return `token=${encodeURIComponent(token)}`;
  }
}

export function connectRealtime({ queryClient, userId, onOwnTimerChanged }: Options): () => void {
  let socket: WebSocket | null = null;
  let attempt = 0;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let attempts = 0; // the latest open(); an older one whose ticket arrives late does nothing

  const retryLater = () => {
    retry = setTimeout(open, backoffDelay(attempt++));
  };

  // An expired token would be refused: refresh it first. Only once per token the refresh gave,
  // until a connection opens, so a clock running ahead cannot make it refresh in a loop.
  let renewing = false;
  let renewedTo: string | null = null;
  const renewThenOpen = () => {
    renewing = true;
    refreshAccessToken().then(
      (token) => {
        renewing = false;
        renewedTo = token;
        // refused (token null): the next request ends the session
        if (token) open();
      },
      () => {
        renewing = false; // the server did not answer: try again later
        if (!stopped && socket === null) retryLater();
      },
    );
  };

  const open = () => {
    clearTimeout(retry);
    const token = readTokens()?.access;
    if (stopped || renewing || !token) return;
    if (hasExpired(token) && token !== renewedTo) {
      renewThenOpen();
      return;
    }
    const attemptNo = ++attempts;
    void credentials(token).then((query) => {
      if (!stopped && attemptNo === attempts && socket === null) connect(query);
    });
  };

  const connect = (query: string) => {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const ws = new WebSocket(`${scheme}://${location.host}/api/ws/ws?${query}`);
    socket = ws;
    ws.onopen = () => {
      attempt = 0;
      renewedTo = null;
      useRealtimeStatus.setState({ connected: true });
      ws.send(JSON.stringify({ type: 'get_active_timers' }));
      // events missed while disconnected
      void queryClient.invalidateQueries({ queryKey: ['time-entries'] });
      onOwnTimerChanged();
    };
    ws.onmessage = (event) => {
      let message: { type?: string; timers?: ActiveTimer[]; data?: { user_id?: number } };
      try {
        message = JSON.parse(String(event.data));
      } catch {
        return;
      }
      if (message.type === 'ping') ws.send(JSON.stringify({ type: 'pong' }));
      if (message.type === 'active_timers' && Array.isArray(message.timers)) {
        queryClient.setQueryData(['active-timers'], message.timers);
      }
      if (message.type && ENTRY_EVENTS.has(message.type)) {
        void queryClient.invalidateQueries({ queryKey: ['active-timers'] });
        void queryClient.invalidateQueries({ queryKey: ['time-entries'] });
        void queryClient.invalidateQueries({ queryKey: ['reports'] });
        if (message.data?.user_id === userId) onOwnTimerChanged();
      }
    };
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      useRealtimeStatus.setState({ connected: false });
      if (stopped) return;
      retryLater();
    };
  };

  const reconnectNow = () => {
    attempt = 0;
    const old = socket;
    socket = null;
    old?.close();
    open();
  };

  setSessionListener({ onTokensRefreshed: reconnectNow });
  open();
  return () => {
    stopped = true;
    clearTimeout(retry);
    setSessionListener({ onTokensRefreshed: () => {} });
    const old = socket;
    socket = null;
    old?.close();
    useRealtimeStatus.setState({ connected: false });
  };
}
