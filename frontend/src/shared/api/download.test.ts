import { AxiosError, type AxiosResponse, type InternalAxiosRequestConfig } from 'axios';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from './client.ts';
import { LARGE_EXPORT_ROWS, downloadFile, fileNameOf, newProgressId, watchExportProgress, type ExportProgress } from './download.ts';
import { messageOf } from './errors.ts';

describe('the file name of a download', () => {
  it('is the server’s Content-Disposition name', () => {
    expect(fileNameOf('attachment; filename="time_entries_2026-03-02_2026-03-08.csv"', 'x.csv')).toBe('time_entries_2026-03-02_2026-03-08.csv');
    expect(fileNameOf('attachment; filename=report.pdf', 'x.pdf')).toBe('report.pdf');
    expect(fileNameOf(`attachment; filename="a.csv"; filename*=UTF-8''Z%C3%BCrich%20hours.csv`, 'x.csv')).toBe('Zürich hours.csv');
  });

  it('falls back when the server sends none', () => {
    expect(fileNameOf(undefined, 'fallback.xlsx')).toBe('fallback.xlsx');
    expect(fileNameOf('attachment', 'fallback.xlsx')).toBe('fallback.xlsx');
  });
});

describe('downloading', () => {
  const adapter = api.defaults.adapter;
  afterEach(() => {
    api.defaults.adapter = adapter;
    vi.restoreAllMocks();
  });

  it('saves the blob under the server’s name', async () => {
    const seen: InternalAxiosRequestConfig[] = [];
    api.defaults.adapter = async (config) => {
      seen.push(config);
      return { data: new Blob(['Date,Start Time\r\n']), status: 200, statusText: 'OK', headers: { 'content-disposition': 'attachment; filename="time_entries_2026-03-02_2026-03-08.csv"' }, config } as AxiosResponse;
    };
    URL.createObjectURL = vi.fn(() => 'blob:x');
    URL.revokeObjectURL = vi.fn();
    const clicked: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    const name = await downloadFile('/api/export/csv', { start_date: '2026-03-02', end_date: '2026-03-08' }, 'fallback.csv');
    expect(name).toBe('time_entries_2026-03-02_2026-03-08.csv');
    expect(clicked).toEqual(['time_entries_2026-03-02_2026-03-08.csv']);
    expect(seen[0]?.responseType).toBe('blob');
    expect(seen[0]?.params).toEqual({ start_date: '2026-03-02', end_date: '2026-03-08' });
  });

  it('turns an error blob back into the server’s message', async () => {
    api.defaults.adapter = async (config) => {
      const body = new Blob([JSON.stringify({ error: 'validation_error', message: 'end_date: must not be before start_date' })]);
      const response = { data: body, status: 422, statusText: '422', headers: {}, config } as AxiosResponse;
      throw new AxiosError('Request failed with status code 422', AxiosError.ERR_BAD_REQUEST, config, null, response);
    };
    const failure = await downloadFile('/api/export/csv', {}, 'x.csv').catch((e: unknown) => e);
    expect(messageOf(failure)).toBe('end_date: must not be before start_date');
  });
});

describe('the progress of a large export', () => {
  const adapter = api.defaults.adapter;
  afterEach(() => {
    api.defaults.adapter = adapter;
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  /** Answers progress polls from `replies` in turn (404 while the server has not begun) and records them. */
  function progressServer(replies: (ExportProgress | 404)[]) {
    const polled: string[] = [];
    api.defaults.adapter = async (config) => {
      polled.push(config.url ?? '');
      const reply = replies.shift() ?? 404;
      const response = { data: reply === 404 ? { error: 'not_found' } : reply, status: reply === 404 ? 404 : 200, statusText: '', headers: {}, config } as AxiosResponse;
      if (reply === 404) throw new AxiosError('Request failed with status code 404', AxiosError.ERR_BAD_REQUEST, config, null, response);
      return response;
    };
    return polled;
  }
  const running = (written: number, total: number): ExportProgress => ({ status: 'running', rows_total: total, rows_written: written, percent: Math.floor((written * 100) / total) });

  it('polls once a second, waits through the 404 before the export begins and stops when it is done', async () => {
    vi.useFakeTimers();
    const polled = progressServer([404, running(12_000, 20_000), { ...running(20_000, 20_000), status: 'done' }]);
    const seen: ExportProgress[] = [];
    watchExportProgress('abcdef0123456789', (p) => seen.push(p));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(polled).toEqual(Array(3).fill('/api/export/progress/abcdef0123456789'));
    expect(seen.map((p) => [p.status, p.rows_written, p.percent])).toEqual([
      ['running', 12_000, 60],
      ['done', 20_000, 100],
    ]);
  });

  it('says nothing about small exports and stops polling when told to', async () => {
    vi.useFakeTimers();
    const polled = progressServer([running(0, LARGE_EXPORT_ROWS), running(5_000, LARGE_EXPORT_ROWS), running(6_000, LARGE_EXPORT_ROWS)]);
    const seen: ExportProgress[] = [];
    const stop = watchExportProgress('abcdef0123456789', (p) => seen.push(p));
    await vi.advanceTimersByTimeAsync(2_000);
    stop();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(polled).toHaveLength(2);
    expect(seen).toEqual([]);
  });

  it('names the download with a fresh progress_id the server accepts', () => {
    const ids = new Set(Array.from({ length: 20 }, newProgressId));
    expect(ids.size).toBe(20);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
  });
});
