import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Health } from '../shared/api/health.ts';
import { App } from './App.tsx';

function respondWith(body: Health) {
  const fetchMock = vi.fn().mockResolvedValue(
    new Response(JSON.stringify(body), {
      status: 200,
      headers: { 'Content-Type': 'application/json' },
    }),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

describe('App', () => {
  it('shows the product, the rebuild notice and a link to the API docs', () => {
    vi.stubGlobal('fetch', vi.fn(() => new Promise(() => {})));
    render(<App />);

    expect(screen.getByRole('main')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'TimeTracker' })).toBeInTheDocument();
    expect(screen.getByText('The web app is being rebuilt; the API is live.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /API documentation/ })).toHaveAttribute('href', '/api/docs');
    expect(screen.getByRole('status')).toHaveTextContent('Checking the API…');
  });

  it('shows the version when the API is healthy', async () => {
    const fetchMock = respondWith({
      status: 'healthy',
      version: '2.0.0',
      environment: 'test',
      checks: { database: 'healthy', redis: 'healthy' },
    });
    render(<App />);

    expect(await screen.findByText('API: healthy (version 2.0.0)')).toBeInTheDocument();
    expect(fetchMock).toHaveBeenCalledWith('/api/health', expect.anything());
  });

  it('shows degraded and which check failed', async () => {
    respondWith({
      status: 'degraded',
      version: '2.0.0',
      environment: 'test',
      checks: { database: 'healthy', redis: 'unhealthy: connection refused' },
    });
    render(<App />);

    expect(await screen.findByText('API: degraded')).toBeInTheDocument();
    expect(screen.getByText('Redis: unhealthy: connection refused')).toBeInTheDocument();
    expect(screen.queryByText(/API: healthy/)).not.toBeInTheDocument();
  });

  it('shows the API as unreachable when the request fails', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    render(<App />);

    expect(await screen.findByText('API unreachable')).toBeInTheDocument();
  });

  it('shows the API as unreachable when it answers with an error status', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(new Response('Bad Gateway', { status: 502 })));
    render(<App />);

    expect(await screen.findByText('API unreachable')).toBeInTheDocument();
  });
});
