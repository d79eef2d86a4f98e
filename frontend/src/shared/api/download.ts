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

/**
 * Downloads a file from the API with the session's token and saves it under the server's file
 * name. An error answer arrives as a Blob; it is turned back into the JSON error body, so
 * `messageOf` shows the server's message.
 */
export async function downloadFile(path: string, params: Record<string, unknown>, fallbackName: string): Promise<string> {
  try {
    const response = await api.get<Blob>(path, { params, responseType: 'blob' });
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
  }
}
