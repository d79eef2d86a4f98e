import { AxiosError, type AxiosResponse, type InternalAxiosRequestConfig } from 'axios';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from './client.ts';
import { downloadFile, fileNameOf } from './download.ts';
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
