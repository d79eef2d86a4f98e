/**
 * Keyboard shortcuts (reference §6.5, with V1's defects fixed): letters are matched by key
 * position (`event.code`), so Alt shortcuts work on macOS where Option+letter types a symbol;
 * "new entry" is Alt+N because browsers keep Ctrl+N; Ctrl+S really starts the timer when a
 * project is chosen. The help dialog lists this same table.
 */
export interface ShortcutContext {
  navigate: (path: string) => void;
  startTimer: () => void;
  stopTimer: () => void;
  newEntry: () => void;
  showHelp: () => void;
}

export interface Shortcut {
  keys: string;
  label: string;
  group: 'Timer' | 'Navigation' | 'Help';
  matches: (e: KeyboardEvent) => boolean;
  run: (ctx: ShortcutContext) => void;
}

const ctrl = (e: KeyboardEvent) => (e.ctrlKey || e.metaKey) && !e.altKey;
const alt = (e: KeyboardEvent) => e.altKey && !e.ctrlKey && !e.metaKey;

export const SHORTCUTS: Shortcut[] = [
  { keys: 'Ctrl/⌘ + S', label: 'Start the timer', group: 'Timer', matches: (e) => ctrl(e) && e.code === 'KeyS', run: (c) => c.startTimer() },
  { keys: 'Ctrl/⌘ + E', label: 'Stop the timer', group: 'Timer', matches: (e) => ctrl(e) && e.code === 'KeyE', run: (c) => c.stopTimer() },
  { keys: 'Alt + N', label: 'New time entry', group: 'Timer', matches: (e) => alt(e) && e.code === 'KeyN', run: (c) => c.newEntry() },
  { keys: 'Alt + D', label: 'Go to Dashboard', group: 'Navigation', matches: (e) => alt(e) && e.code === 'KeyD', run: (c) => c.navigate('/dashboard') },
  { keys: 'Alt + T', label: 'Go to Time Tracker', group: 'Navigation', matches: (e) => alt(e) && e.code === 'KeyT', run: (c) => c.navigate('/time') },
  { keys: 'Alt + P', label: 'Go to Projects', group: 'Navigation', matches: (e) => alt(e) && e.code === 'KeyP', run: (c) => c.navigate('/projects') },
  { keys: 'Alt + R', label: 'Go to Reports', group: 'Navigation', matches: (e) => alt(e) && e.code === 'KeyR', run: (c) => c.navigate('/reports') },
  { keys: 'Shift + ?', label: 'Show keyboard shortcuts', group: 'Help', matches: (e) => e.key === '?' && !e.ctrlKey && !e.metaKey, run: (c) => c.showHelp() },
];

/** Typing in a field never triggers a shortcut (Ctrl/⌘ combinations still do). */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA'].includes(target.tagName);
}

export function findShortcut(e: KeyboardEvent): Shortcut | undefined {
  const shortcut = SHORTCUTS.find((s) => s.matches(e));
  if (!shortcut) return undefined;
  if (isTyping(e.target) && !ctrl(e)) return undefined;
  return shortcut;
}
