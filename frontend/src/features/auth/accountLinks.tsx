import { isAxiosError } from 'axios';
import { useEffect, useState, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useShallow } from 'zustand/react/shallow';
import { api } from '../../shared/api/client.ts';
import type { ApiErrorBody } from '../../shared/api/errors.ts';
import { useSession } from '../../shared/auth/session.ts';
import { Button, ErrorState, Loading } from '../../shared/ui/kit.tsx';
import { AuthFrame, linkClass } from './AuthFrame.tsx';

/**
 * The pages an emailed link opens (/reset-password, /accept-invite): the one-time token from the
 * link's `token` parameter, checked with the server before the form shows.
 */
export type LinkCheck<T> = { state: 'checking' } | { state: 'invalid' } | { state: 'failed'; error: unknown } | { state: 'valid'; data: T };

/** A token the server refuses: unknown, expired or used (400 invalid_token). */
export function isInvalidToken(error: unknown): boolean {
  return isAxiosError(error) && error.response?.status === 400 && (error.response.data as ApiErrorBody | undefined)?.error === 'invalid_token';
}

export function useLinkToken<T>(verifyPath: string) {
  const [params] = useSearchParams();
  const token = params.get('token')?.trim() ?? '';
  const [attempt, setAttempt] = useState(0);
  const [check, setCheck] = useState<LinkCheck<T>>(token ? { state: 'checking' } : { state: 'invalid' });

  useEffect(() => {
    if (!token) {
      setCheck({ state: 'invalid' });
      return;
    }
    let live = true;
    setCheck({ state: 'checking' });
    api.get<T>(`${verifyPath}/${encodeURIComponent(token)}`).then(
      ({ data }) => live && setCheck({ state: 'valid', data }),
      (error: unknown) => {
        // any refusal of the token itself (400, or 404/422 for a mangled one) means the link is dead
        const status = isAxiosError(error) ? error.response?.status : undefined;
        const refused = status !== undefined && status >= 400 && status < 500 && status !== 429;
        if (live) setCheck(refused ? { state: 'invalid' } : { state: 'failed', error });
      },
    );
    return () => {
      live = false;
    };
  }, [token, verifyPath, attempt]);

  return {
    token,
    check,
    retry: () => setAttempt((n) => n + 1),
    /** The token died after it was checked (used in another tab, expired meanwhile). */
    markInvalid: () => setCheck({ state: 'invalid' }),
  };
}

/** The checking, dead-link and unreachable states of a link page; the page renders the valid one. */
export function LinkStates({ check, retry, invalid }: { check: LinkCheck<unknown>; retry: () => void; invalid: ReactNode }) {
  if (check.state === 'checking') {
    return (
      <AuthFrame title="Checking your link">
        <Loading label="Checking your link…" />
      </AuthFrame>
    );
  }
  if (check.state === 'failed') {
    return (
      <AuthFrame title="Your link could not be checked">
        <ErrorState error={check.error} retry={retry} />
      </AuthFrame>
    );
  }
  return <AuthFrame title="This link does not work">{invalid}</AuthFrame>;
}

/**
 * A link page never mixes two people in one browser: while someone is signed in here, it offers
 * to sign out first (which clears that person's timer and data) and only then shows the page.
 */
export function SignedOutOnly({ purpose, children }: { purpose: string; children: ReactNode }) {
  const { status, user, signOut } = useSession(useShallow((s) => ({ status: s.status, user: s.user, signOut: s.signOut })));
  // Once the page is shown it stays: accepting an invitation signs the new person in on this page.
  const [entered, setEntered] = useState(false);
  if (status === 'signed-out' && !entered) setEntered(true);
  if (entered || status === 'signed-out') return <>{children}</>;
  if (status === 'checking') {
    return (
      <AuthFrame title="Checking your session">
        <Loading label="Checking your session…" />
      </AuthFrame>
    );
  }
  return (
    <AuthFrame title="You are signed in">
      <p data-testid="signed-in-here" className="text-sm">
        {user ? `${user.name} (${user.email}) is signed in in this browser.` : 'Someone is signed in in this browser.'} Sign out first to {purpose}.
      </p>
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <Button onClick={signOut}>Sign out and continue</Button>
        <Link className={`text-sm ${linkClass}`} to="/dashboard">
          Stay signed in
        </Link>
      </div>
    </AuthFrame>
  );
}
