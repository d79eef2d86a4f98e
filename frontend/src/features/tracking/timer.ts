import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { api } from '../../shared/api/client.ts';
import type { TimeEntry, TimerState } from '../../shared/api/types.ts';
import { registerUserStore } from '../../shared/auth/userScope.ts';

/**
 * The caller's running timer. Persisted with the id of its owner so a reload shows it at once,
 * and never shown to anyone else: a persisted timer of another user is ignored and every sign-out
 * clears it. Start and stop are optimistic; the server's answer (or a sync) always wins.
 */
export const TIMER_KEY = 'tt.timer';

export interface StartInput {
  project_id: number;
  project_name: string;
  task_id: number | null;
  task_name: string | null;
  description: string;
}

interface TimerStore {
  owner: number | null;
  entry: TimeEntry | null;
  pending: 'start' | 'stop' | null;
  /** Bumped by every local change; a sync that started before it is discarded. */
  version: number;
  sync: (userId: number) => Promise<void>;
  start: (userId: number, input: StartInput) => Promise<TimeEntry>;
  stop: (userId: number) => Promise<TimeEntry | null>;
  reset: () => void;
}

export const useTimer = create<TimerStore>()(
  persist(
    (set, get) => ({
      owner: null,
      entry: null,
      pending: null,
      version: 0,

      sync: async (userId) => {
        const version = get().version;
        const { data } = await api.get<TimerState>('/api/time/timer');
        if (get().version !== version || get().pending) return;
        set({ owner: userId, entry: data.is_running ? data.current_entry : null });
      },

      start: async (userId, input) => {
        const optimistic: TimeEntry = {
          id: -1,
          user_id: userId,
          user_name: '',
          project_id: input.project_id,
          project_name: input.project_name,
          task_id: input.task_id,
          task_name: input.task_name,
          description: input.description || null,
          start_time: new Date().toISOString(),
          end_time: null,
          duration_seconds: null,
          duration_minutes: null,
          is_running: true,
          created_at: new Date().toISOString(),
          approval_status: null,
          team_id: 0,
        };
        set((s) => ({ owner: userId, entry: optimistic, pending: 'start', version: s.version + 1 }));
        try {
          const { data } = await api.post<TimeEntry>('/api/time/start', {
            project_id: input.project_id,
            task_id: input.task_id,
            description: input.description || null,
          });
          set((s) => ({ entry: data, pending: null, version: s.version + 1 }));
          return data;
        } catch (error) {
          set((s) => ({ entry: null, pending: null, version: s.version + 1 }));
          void get().sync(userId).catch(() => {});
          throw error;
        }
      },

      stop: async (userId) => {
        const previous = get().entry;
        set((s) => ({ entry: null, pending: 'stop', version: s.version + 1 }));
        try {
          const { data } = await api.post<TimeEntry>('/api/time/stop');
          set((s) => ({ pending: null, version: s.version + 1 }));
          return data;
        } catch (error) {
          set((s) => ({ entry: previous, pending: null, version: s.version + 1 }));
          void get().sync(userId).catch(() => {});
          throw error;
        }
      },

      reset: () => set((s) => ({ owner: null, entry: null, pending: null, version: s.version + 1 })),
    }),
    {
      name: TIMER_KEY,
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({ owner: s.owner, entry: s.entry }),
    },
  ),
);

registerUserStore(() => useTimer.getState().reset());

/** The running entry of this user, or null: never another user's persisted timer. */
export function useRunningEntry(userId: number | undefined): TimeEntry | null {
  return useTimer((s) => (userId !== undefined && s.owner === userId ? s.entry : null));
}

/** Another tab changed the timer: take its state. */
export function followTimerAcrossTabs(): () => void {
  const onStorage = (event: StorageEvent) => {
    if (event.key === TIMER_KEY) void useTimer.persist.rehydrate();
  };
  window.addEventListener('storage', onStorage);
  return () => window.removeEventListener('storage', onStorage);
}

/** What the timer form holds before starting: shared by the widget and the Ctrl+S shortcut. */
export interface TimerDraft {
  project_id: number | null;
  project_name: string;
  task_id: number | null;
  task_name: string | null;
  description: string;
}

const EMPTY_DRAFT: TimerDraft = { project_id: null, project_name: '', task_id: null, task_name: null, description: '' };

export const useTimerDraft = create<TimerDraft & { update: (patch: Partial<TimerDraft>) => void; clear: () => void }>((set) => ({
  ...EMPTY_DRAFT,
  update: (patch) => set(patch),
  clear: () => set(EMPTY_DRAFT),
}));

registerUserStore(() => useTimerDraft.getState().clear());
