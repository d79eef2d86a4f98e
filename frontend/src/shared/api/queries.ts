import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from './client.ts';
import type { Page, Project, Role, Task, Team, User } from './types.ts';
import { useSession } from '../auth/session.ts';

/** Every page of a list, for pickers (a select cannot page). Stops at 20 pages of 100. */
export async function fetchAll<T>(path: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; page <= 20; page++) {
    const { data } = await api.get<Page<T>>(path, { params: { ...params, page, page_size: 100 } });
    items.push(...data.items);
    if (page >= data.pages) break;
  }
  return items;
}

export function useProjectOptions() {
  return useQuery({ queryKey: ['projects', 'options'], queryFn: () => fetchAll<Project>('/api/projects', { include_archived: false }) });
}

export function useTaskOptions(projectId: number | null) {
  return useQuery({
    queryKey: ['tasks', 'options', projectId],
    queryFn: () => fetchAll<Task>('/api/tasks', { project_id: projectId }),
    enabled: projectId !== null,
  });
}

/** Active people, for admins' pickers and names (GET /api/users is admin-only). */
export function useUserOptions(enabled = true) {
  return useQuery({ queryKey: ['users', 'options'], queryFn: () => fetchAll<User>('/api/users', { is_active: true }), enabled });
}

export function useTeamOptions() {
  return useQuery({ queryKey: ['teams', 'options'], queryFn: () => fetchAll<Team>('/api/teams') });
}

/** The roles that can manage people: a staff member's manager is one of them. */
export const MANAGER_ROLES: Role[] = ['manager', 'admin', 'super_admin'];

/** Active people who can be someone's manager, every page of each role (V1 offered only the loaded page's super admins). */
export function useManagerOptions() {
  return useQuery({
    queryKey: ['users', 'managers'],
    queryFn: async () => {
      const lists = await Promise.all(MANAGER_ROLES.map((role) => fetchAll<User>('/api/users', { role, is_active: true })));
      return lists.flat().sort((a, b) => a.name.localeCompare(b.name));
    },
  });
}

/** The signed-in user's time zone (the browser's when the profile has none). */
export function useZone(): string {
  const zone = useSession((s) => s.user?.timezone);
  return zone || Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** One page of a server list; the page number lives in the caller's state. */
export function usePage<T>(key: string, path: string, params: Record<string, unknown>) {
  return useQuery({
    queryKey: [key, 'page', params],
    queryFn: async () => (await api.get<Page<T>>(path, { params })).data,
    placeholderData: keepPreviousData,
  });
}
