/** Body of GET /api/health (V1 contract): 200 even when degraded. */
export interface Health {
  status: 'healthy' | 'degraded';
  version: string;
  environment: string;
  /** Each check is "healthy" or "unhealthy: <reason>". */
  checks: {
    database: string;
    redis: string;
  };
}

export async function fetchHealth(signal?: AbortSignal): Promise<Health> {
  const response = await fetch('/api/health', {
    headers: { Accept: 'application/json' },
    signal,
  });
  if (!response.ok) {
    throw new Error(`GET /api/health answered ${response.status}`);
  }
  return (await response.json()) as Health;
}
