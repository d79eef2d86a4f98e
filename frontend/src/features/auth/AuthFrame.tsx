import type { ReactNode } from 'react';

export function AuthFrame({ title, subtitle, children }: { title: string; subtitle?: string; children: ReactNode }) {
  return (
    <main className="flex min-h-dvh items-center justify-center p-4">
      <div className="w-full max-w-md rounded-lg border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900">
        <p aria-hidden="true" className="mb-2 text-3xl">
          ⏱
        </p>
        <h1 className="text-2xl font-bold">{title}</h1>
        {subtitle ? <p className="mb-4 text-sm text-slate-600 dark:text-slate-400">{subtitle}</p> : null}
        {children}
      </div>
    </main>
  );
}

export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

/** The message for a sign-in or recovery email field, else null. */
export function emailError(email: string): string | null {
  return !email ? 'Email is required' : !EMAIL.test(email.trim()) ? 'Enter a valid email address' : null;
}

export const linkClass = 'font-medium text-indigo-700 underline dark:text-indigo-300';
