import { isAxiosError } from 'axios';
import { api } from './client.ts';

/** The file name of a Content-Disposition header (RFC 6266: `filename*` wins over `filename`). */
export function fileNameOf(disposition: string | null | undefined, fallback: string): string {
  if (!disposition) return fallback;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      /* fall through to the plain name */
    }
  }
  const plain = /filename\s*=\s*(?:"([^"]*)"|([^;]+))/.exec(disposition);
  const name = (plain?.[1] ?? plain?.[2])?.trim();
  return name || fallback;
}

/** What `GET /api/export/progress/{id}` says about a running download (docs/exports.md). */
export interface ExportProgress {
  status: 'running' | 'done' | 'failed';
  rows_total: number;
  rows_written: number;
  percent: number;
}

/** Exports above this many rows show a progress bar; smaller ones finish before it would help. */
export const LARGE_EXPORT_ROWS = 10_000;

/** A progress_id the server accepts (8–64 of [A-Za-z0-9_-]); works outside secure contexts, unlike randomUUID. */
export function newProgressId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Polls the progress of download `id` every `intervalMs` until the returned stop function is called,
 * passing each answer of a large export to `onProgress`. A 404 means the server has not started the
 * export yet and polling goes on; any other failure ends polling quietly (progress is a courtesy).
 */
export function watchExportProgress(id: string, onProgress: (progress: ExportProgress) => void, intervalMs = 1000): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const poll = async () => {
    try {
      const { data } = await api.get<ExportProgress>(`/api/export/progress/${id}`);
      if (stopped) return;
      if (data.rows_total > LARGE_EXPORT_ROWS) onProgress(data);
      if (data.status !== 'running') return;
    } catch (error) {
      if (stopped || !(isAxiosError(error) && error.response?.status === 404)) return;
    }
    timer = setTimeout(() => void poll(), intervalMs);
  };
  timer = setTimeout(() => void poll(), intervalMs);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

/**
 * Downloads a file from the API with the session's token and saves it under the server's file
 * name. An error answer arrives as a Blob; it is turned back into the JSON error body, so
 * `messageOf` shows the server's message. With `onProgress` the download is named with a progress_id
 * and a large export's progress is reported while it streams.
 */
export async function downloadFile(
  path: string,
  params: Record<string, unknown>,
  fallbackName: string,
  onProgress?: (progress: ExportProgress) => void,
): Promise<string> {
  const progressId = onProgress ? newProgressId() : null;
  const stopWatching = progressId && onProgress ? watchExportProgress(progressId, onProgress) : () => {};
  try {
    const response = await api.get<Blob>(path, { params: progressId ? { ...params, progress_id: progressId } : params, responseType: 'blob' });
    const name = fileNameOf(response.headers['content-disposition'] as string | undefined, fallbackName);
    const url = URL.createObjectURL(response.data);
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return name;
  } catch (error) {
    if (isAxiosError(error) && error.response?.data instanceof Blob) {
      try {
        error.response.data = JSON.parse(await error.response.data.text());
      } catch {
        error.response.data = undefined;
      }
    }
    throw error;
  } finally {
    stopWatching();
  }
}
