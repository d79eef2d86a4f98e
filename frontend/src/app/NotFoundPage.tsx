import { Link, useNavigate } from 'react-router';
import { useSession } from '../shared/auth/session.ts';
import { Button } from '../shared/ui/kit.tsx';

export default function NotFoundPage() {
  const signedIn = useSession((s) => s.status === 'signed-in');
  const navigate = useNavigate();
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-4 p-6 text-center">
      <p className="text-6xl font-bold text-indigo-600 dark:text-indigo-400">404</p>
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="text-slate-600 dark:text-slate-400">The page you asked for does not exist or has moved.</p>
      <div className="flex gap-2">
        <Link to={signedIn ? '/dashboard' : '/login'} className="rounded-md bg-indigo-600 px-3 py-2 text-sm font-medium text-white">
          {signedIn ? 'Go to Dashboard' : 'Go to sign in'}
        </Link>
        <Button tone="secondary" onClick={() => navigate(-1)}>
          Go back
        </Button>
      </div>
    </main>
  );
}
