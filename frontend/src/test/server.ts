import axios, { AxiosError, type AxiosAdapter, type AxiosResponse, type InternalAxiosRequestConfig } from 'axios';
import { api } from '../shared/api/client.ts';

export interface Call {
  method: string;
  url: string;
  auth: string | null;
  body: unknown;
  params: Record<string, unknown>;
}

export type Reply = { status: number; body?: unknown } | 'network-error';
type Handler = (call: Call) => Reply | Promise<Reply>;

/**
 * A fake API behind axios's adapter (both the app's client and the bare axios it refreshes with):
 * no network, every request recorded, non-2xx answers rejected as axios does.
 */
export function fakeServer(handler: Handler) {
  const calls: Call[] = [];
  const adapter: AxiosAdapter = async (config: InternalAxiosRequestConfig) => {
    const auth = config.headers?.get?.('Authorization');
    const call: Call = {
      method: (config.method ?? 'get').toUpperCase(),
      url: config.url ?? '',
      auth: typeof auth === 'string' ? auth : null,
      body: typeof config.data === 'string' ? JSON.parse(config.data) : (config.data ?? null),
      params: (config.params as Record<string, unknown> | undefined) ?? {},
    };
    calls.push(call);
    const reply = await handler(call);
    if (reply === 'network-error') throw new AxiosError('Network Error', AxiosError.ERR_NETWORK, config);
    const response: AxiosResponse = { data: reply.body ?? {}, status: reply.status, statusText: String(reply.status), headers: {}, config };
    if (reply.status >= 400) {
      throw new AxiosError(`Request failed with status code ${reply.status}`, AxiosError.ERR_BAD_RESPONSE, config, null, response);
    }
    return response;
  };
  api.defaults.adapter = adapter;
  axios.defaults.adapter = adapter;
  return calls;
}

/** A JWT-shaped token whose payload names the user (the app reads `sub`, the server verifies). */
export function token(sub: number, tag = 'a'): string {
  const payload = btoa(JSON.stringify({ sub: String(sub), tag })).replace(/=+$/, '');
  return `h.${payload}.s`;
}

export const ME = {
  id: 7,
  email: 'ann@example.com',
  name: 'Ann Example',
  role: 'regular_user',
  is_active: true,
  created_at: '2026-01-01T00:00:00Z',
  timezone: 'Europe/Berlin',
  address: null,
  department: null,
  emergency_contact_name: null,
  emergency_contact_phone: null,
  employment_type: null,
  expected_hours_per_week: null,
  job_title: null,
  manager_id: null,
  phone: null,
  start_date: null,
};

export function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
