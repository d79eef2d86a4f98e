import { isAxiosError } from 'axios';

/** The one error body of the API: {error, message, detail, request_id, details}. */
export interface ApiErrorBody {
  error?: string;
  message?: string;
  detail?: unknown;
  request_id?: string;
  details?: Record<string, unknown> | null;
}

export const NO_PERMISSION = "You don't have permission to do that.";
export const OFFLINE = 'The server cannot be reached. Check your connection and try again.';

export function statusOf(error: unknown): number | undefined {
  return isAxiosError(error) ? error.response?.status : undefined;
}

/** A sentence for a person: the server's own message when it sent one. */
export function messageOf(error: unknown, fallback = 'Something went wrong. Please try again.'): string {
  if (isAxiosError(error)) {
    if (!error.response) return OFFLINE;
    const body = error.response.data as ApiErrorBody | undefined;
    const requirements = body?.details?.requirements;
    if (Array.isArray(requirements) && requirements.length > 0) {
      // the server's message usually lists them already ("… requirements: A; B"): never twice
      const message = body?.message ?? 'Invalid input';
      return requirements.every((r) => message.includes(String(r))) ? message : `${message}: ${requirements.join('; ')}`;
    }
    if (body && typeof body.message === 'string' && body.message) return body.message;
    if (body && typeof body.detail === 'string' && body.detail) return body.detail;
    if (error.response.status === 403) return NO_PERMISSION;
    if (error.response.status === 429) return 'Too many requests. Please wait a moment and try again.';
    return fallback;
  }
  return error instanceof Error && error.message ? error.message : fallback;
}
