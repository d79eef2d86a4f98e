import { useEffect, useState, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useShallow } from 'zustand/react/shallow';
import { isAdmin } from '../shared/api/types.ts';
import { allowAuthRedirect, resetBreaker } from '../shared/auth/redirectBreaker.ts';
import { useSession } from '../shared/auth/session.ts';
import { Button, Loading } from '../shared/ui/kit.tsx';

/** While the tokens are being checked nothing protected renders and nothing redirects. */
function Checking() {
  return (
    <div className="flex min-h-dvh items-center justify-center">
      <Loading label="Checking your session…" />
    </div>
  );
}

function Unreachable() {
  const start = useSession((s) => s.start);
  return (
    <div className="flex min-h-dvh flex-col items-center justify-center gap-3 p-4 text-center">
      <p role="alert">The server cannot be reached. Your session is kept.</p>
      <Button onClick={() => void start()}>Try again</Button>
    </div>
  );
}

/** Shown instead of redirecting once the breaker sees a loop of auth redirects. */
function RedirectLoop() {
  const end = useSession((s) => s.end);
  return (
    <div className="flex min-h-dvh flex-col items-center justify-center gap-3 p-4 text-center">
      <h1 className="text-xl font-semibold">Sign-in keeps bouncing</h1>
      <p>We stopped redirecting to avoid a loop. Your local session was cleared.</p>
      <Button
        onClick={() => {
          resetBreaker();
          end(null);
          window.location.assign('/login');
        }}
      >
        Go to sign in
      </Button>
    </div>
  );
}

/** One navigation per mount, counted by the breaker; re-renders never navigate again. */
function Redirect({ to, state }: { to: string; state?: unknown }) {
  const navigate = useNavigate();
  const [allowed] = useState(allowAuthRedirect);
  useEffect(() => {
    if (allowed) navigate(to, { replace: true, state });
      }, []);
  return allowed ? null : <RedirectLoop />;
}

export function RequireAuth({ children, admin = false }: { children: ReactNode; admin?: boolean }) {
  const { status, user } = useSession(useShallow((s) => ({ status: s.status, user: s.user })));
  const location = useLocation();
  if (status === 'checking') return <Checking />;
  if (status === 'unreachable') return <Unreachable />;
  if (status === 'signed-out' || !user) {
    return <Redirect to="/login" state={{ from: location.pathname + location.search }} />;
  }
  if (admin && !isAdmin(user.role)) return <NoPermission />;
  return <SettledSession>{children}</SettledSession>;
}

/** A page that rendered with a valid session ends any redirect streak. */
function SettledSession({ children }: { children: ReactNode }) {
  useEffect(() => {
    const timer = setTimeout(resetBreaker, 3000);
    return () => clearTimeout(timer);
  }, []);
  return <>{children}</>;
}

export function PublicOnly({ children }: { children: ReactNode }) {
  const status = useSession((s) => s.status);
  const location = useLocation();
  if (status === 'checking') return <Checking />;
  if (status === 'signed-in') {
    const from = (location.state as { from?: string } | null)?.from;
    return <Redirect to={from && from !== '/login' ? from : '/dashboard'} />;
  }
  return <>{children}</>;
}

export function NoPermission() {
  return (
    <div role="alert" className="rounded-md bg-amber-50 p-4 text-amber-900 dark:bg-amber-950 dark:text-amber-100">
      <h1 className="text-lg font-semibold">You don't have permission to see this page</h1>
      <p className="text-sm">Ask an administrator if you need access.</p>
    </div>
  );
}
