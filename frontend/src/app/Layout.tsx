import { useQueryClient } from '@tanstack/react-query';
import { Suspense, useCallback, useEffect, useState } from 'react';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { connectRealtime } from '../features/tracking/realtime.ts';
import { followTimerAcrossTabs, useTimer, useTimerDraft } from '../features/tracking/timer.ts';
import { messageOf } from '../shared/api/errors.ts';
import { isAdmin, type Me } from '../shared/api/types.ts';
import { useSession } from '../shared/auth/session.ts';
import { initials } from '../shared/lib/format.ts';
import { Loading, Modal } from '../shared/ui/kit.tsx';
import { toast } from '../shared/ui/toasts.ts';
import { SHORTCUTS, findShortcut } from './shortcuts.ts';
import { isDark, useTheme } from './theme.ts';

interface NavItem {
  to: string;
  label: string;
  admin?: boolean;
  /** Paths under this one also make the item current (its own path is one page of the section). */
  section?: string;
}

export const NAV: NavItem[] = [
  { to: '/dashboard', label: 'Dashboard' },
  { to: '/time', label: 'Time Tracker' },
  { to: '/projects', label: 'Projects' },
  { to: '/tasks', label: 'Tasks' },
  { to: '/teams', label: 'Teams' },
  { to: '/reports', label: 'Reports' },
  { to: '/my-payroll', label: 'My payroll' },
  { to: '/payroll/rates', label: 'Payroll', admin: true, section: '/payroll' },
  { to: '/admin/reports', label: 'Analytics', admin: true },
  { to: '/admin', label: 'Users', admin: true },
  { to: '/account-requests', label: 'Account Requests', admin: true },
  { to: '/audit-logs', label: 'Audit Log', admin: true },
];

/** Whether `pathname` lies in the item's section (e.g. every /payroll/* page for "Payroll"). */
export function inSection(item: NavItem, pathname: string): boolean {
  return item.section !== undefined && (pathname === item.section || pathname.startsWith(`${item.section}/`));
}

export function navFor(role: Me['role']): NavItem[] {
  return NAV.filter((item) => !item.admin || isAdmin(role));
}

function linkClass({ isActive }: { isActive: boolean }) {
  return `block rounded-md px-3 py-2 text-sm font-medium ${
    isActive
      ? 'bg-indigo-100 text-indigo-900 dark:bg-indigo-900/60 dark:text-indigo-100'
      : 'text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800'
  }`;
}

export function Layout() {
  const user = useSession((s) => s.user)!;
  const signOut = useSession((s) => s.signOut);
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const [menuOpen, setMenuOpen] = useState(false);
  const [userMenu, setUserMenu] = useState(false);
  const [help, setHelp] = useState(false);
  const theme = useTheme();

  useEffect(() => setMenuOpen(false), [location.pathname]);

  const syncTimer = useCallback(() => {
    void useTimer.getState().sync(user.id).catch(() => {});
  }, [user.id]);

  // the timer: from the server at start, on focus (other devices) and from other tabs
  useEffect(() => {
    syncTimer();
    const onFocus = () => syncTimer();
    window.addEventListener('focus', onFocus);
    const unfollow = followTimerAcrossTabs();
    return () => {
      window.removeEventListener('focus', onFocus);
      unfollow();
    };
  }, [syncTimer]);

  useEffect(() => connectRealtime({ queryClient, userId: user.id, onOwnTimerChanged: syncTimer }), [queryClient, user.id, syncTimer]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const shortcut = findShortcut(e);
      if (!shortcut) return;
      e.preventDefault();
      shortcut.run({
        navigate: (path) => navigate(path),
        showHelp: () => setHelp(true),
        newEntry: () => navigate('/time?new=1'),
        startTimer: () => {
          const draft = useTimerDraft.getState();
          if (useTimer.getState().entry) return;
          if (!draft.project_id) {
            toast.info('Choose a project, then press Ctrl+S again.');
            navigate('/time');
            return;
          }
          useTimer
            .getState()
            .start(user.id, { ...draft, project_id: draft.project_id })
            .then(() => void queryClient.invalidateQueries({ queryKey: ['time-entries'] }))
            .catch((error: unknown) => toast.error(messageOf(error)));
        },
        stopTimer: () => {
          if (!useTimer.getState().entry) return;
          useTimer
            .getState()
            .stop(user.id)
            .then(() => void queryClient.invalidateQueries({ queryKey: ['time-entries'] }))
            .catch((error: unknown) => toast.error(messageOf(error)));
        },
      });
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [navigate, queryClient, user.id]);

  const items = navFor(user.role);
  const sidebar = (
    <nav aria-label="Main" className="flex h-full flex-col gap-1 p-3">
      {items.map((item) => (
        <NavLink key={item.to} to={item.to} end={item.to === '/admin'} className={({ isActive }) => linkClass({ isActive: isActive || inSection(item, location.pathname) })}>
          {item.label}
        </NavLink>
      ))}
      <div className="mt-auto flex flex-col gap-1 border-t border-slate-200 pt-2 dark:border-slate-800">
        <NavLink to="/settings" className={linkClass}>
          Settings
        </NavLink>
        <NavLink to="/sessions" className={linkClass}>
          My sessions
        </NavLink>
      </div>
    </nav>
  );

  return (
    <div className="min-h-dvh bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:p-2">
        Skip to content
      </a>
      <header className="sticky top-0 z-30 flex h-14 items-center gap-2 border-b border-slate-200 bg-white/95 px-3 backdrop-blur dark:border-slate-800 dark:bg-slate-900/95">
        <button
          type="button"
          className="rounded-md p-2 lg:hidden"
          aria-label="Open menu"
          aria-expanded={menuOpen}
          onClick={() => setMenuOpen(true)}
        >
          <span aria-hidden="true">☰</span>
        </button>
        <NavLink to="/dashboard" className="flex items-center gap-2 font-bold">
          <span aria-hidden="true" className="grid size-7 place-items-center rounded-md bg-indigo-600 text-white">
            ⏱
          </span>
          <span>TimeTracker</span>
        </NavLink>
        <div className="ml-auto flex items-center gap-1">
          <button
            type="button"
            className="rounded-md p-2"
            aria-label={isDark() ? 'Switch to light mode' : 'Switch to dark mode'}
            onClick={() => theme.set(isDark() ? 'light' : 'dark')}
          >
            <span aria-hidden="true">{isDark() ? '☀' : '☾'}</span>
          </button>
          <button type="button" className="hidden rounded-md p-2 sm:block" aria-label="Keyboard shortcuts" onClick={() => setHelp(true)}>
            <span aria-hidden="true">?</span>
          </button>
          <div className="relative">
            <button
              type="button"
              data-testid="user-menu"
              className="flex items-center gap-2 rounded-md p-1 pr-2"
              aria-haspopup="menu"
              aria-expanded={userMenu}
              onClick={() => setUserMenu((v) => !v)}
            >
              <span aria-hidden="true" className="grid size-8 place-items-center rounded-full bg-indigo-100 text-xs font-semibold text-indigo-900">
                {initials(user.name)}
              </span>
              <span className="hidden text-sm md:inline">{user.name}</span>
            </button>
            {userMenu ? (
              <div role="menu" className="absolute right-0 mt-1 w-56 rounded-md border border-slate-200 bg-white p-1 shadow-lg dark:border-slate-700 dark:bg-slate-900">
                <p className="px-3 py-2 text-xs text-slate-500 dark:text-slate-400">{user.email}</p>
                <button
                  role="menuitem"
                  type="button"
                  className="block w-full rounded px-3 py-2 text-left text-sm hover:bg-slate-100 dark:hover:bg-slate-800"
                  onClick={() => {
                    setUserMenu(false);
                    navigate('/settings');
                  }}
                >
                  Settings
                </button>
                <button
                  role="menuitem"
                  type="button"
                  data-testid="sign-out"
                  className="block w-full rounded px-3 py-2 text-left text-sm hover:bg-slate-100 dark:hover:bg-slate-800"
                  onClick={() => {
                    setUserMenu(false);
                    signOut();
                  }}
                >
                  Sign out
                </button>
              </div>
            ) : null}
          </div>
        </div>
      </header>
      <div className="flex">
        <aside className="sticky top-14 hidden h-[calc(100dvh-3.5rem)] w-56 shrink-0 border-r border-slate-200 bg-white lg:block dark:border-slate-800 dark:bg-slate-900">
          {sidebar}
        </aside>
        {menuOpen ? (
          <div className="fixed inset-0 z-40 lg:hidden">
            <div className="absolute inset-0 bg-black/50" onClick={() => setMenuOpen(false)} />
            <aside className="absolute inset-y-0 left-0 w-64 bg-white shadow-xl dark:bg-slate-900">
              <div className="flex justify-end p-2">
                <button type="button" aria-label="Close menu" className="rounded p-2" onClick={() => setMenuOpen(false)}>
                  ×
                </button>
              </div>
              {sidebar}
            </aside>
          </div>
        ) : null}
        <main id="main" className="min-w-0 flex-1 p-3 sm:p-6">
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </main>
      </div>
      {help ? <ShortcutsHelp onClose={() => setHelp(false)} /> : null}
    </div>
  );
}

function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  const groups = ['Timer', 'Navigation', 'Help'] as const;
  return (
    <Modal title="Keyboard shortcuts" onClose={onClose}>
      {groups.map((group) => (
        <section key={group} className="mb-3">
          <h3 className="mb-1 text-sm font-semibold text-slate-500 dark:text-slate-400">{group}</h3>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            {SHORTCUTS.filter((s) => s.group === group).map((s) => (
              <div key={s.keys} className="contents">
                <dt>
                  <kbd className="rounded border border-slate-300 px-1 font-mono text-xs dark:border-slate-600">{s.keys}</kbd>
                </dt>
                <dd>{s.label}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      <p className="text-xs text-slate-500 dark:text-slate-400">Esc closes a dialog. Shortcuts are ignored while you type in a field.</p>
    </Modal>
  );
}
