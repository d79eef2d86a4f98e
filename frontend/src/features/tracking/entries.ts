import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api/client.ts';
import type { TimeEntryPage } from '../../shared/api/types.ts';
import { useRealtimeStatus } from './realtime.ts';

export interface EntryFilter {
  user_id: number;
  project_id?: number | null;
  start_date?: string;
  end_date?: string;
  page?: number;
  page_size?: number;
}

/** A page of time entries; the socket invalidates ['time-entries'], polling covers its absence. */
export function useEntries(filter: EntryFilter) {
  const connected = useRealtimeStatus((s) => s.connected);
  return useQuery({
    queryKey: ['time-entries', filter],
    queryFn: async () => (await api.get<TimeEntryPage>('/api/time', { params: { ...filter, project_id: filter.project_id ?? undefined } })).data,
    placeholderData: keepPreviousData,
    refetchInterval: connected ? false : 15_000,
  });
}
