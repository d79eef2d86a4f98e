import { create } from 'zustand';

/** Light, dark or the system's choice; stored per browser (not per user). */
export type ThemeChoice = 'light' | 'dark' | 'system';
const KEY = 'tt.theme';

function stored(): ThemeChoice {
  const value = localStorage.getItem(KEY);
  return value === 'light' || value === 'dark' ? value : 'system';
}

function prefersDark(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-color-scheme: dark)').matches;
}

export function applyTheme(choice: ThemeChoice): void {
  const dark = choice === 'dark' || (choice === 'system' && prefersDark());
  document.documentElement.classList.toggle('dark', dark);
  document.documentElement.style.colorScheme = dark ? 'dark' : 'light';
}

export const useTheme = create<{ choice: ThemeChoice; set: (choice: ThemeChoice) => void }>((set) => ({
  choice: stored(),
  set: (choice) => {
    if (choice === 'system') localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, choice);
    applyTheme(choice);
    set({ choice });
  },
}));

export function isDark(): boolean {
  return document.documentElement.classList.contains('dark');
}
