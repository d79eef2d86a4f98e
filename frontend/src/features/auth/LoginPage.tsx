import { useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { useSession } from '../../shared/auth/session.ts';
import { Button, Field, FormError } from '../../shared/ui/kit.tsx';
import { AuthFrame, emailError, linkClass } from './AuthFrame.tsx';
import { useAuthForm } from './useAuthForm.ts';

export default function LoginPage() {
  const signIn = useSession((s) => s.signIn);
  const reason = useSession((s) => s.reason);
  const navigate = useNavigate();
  const location = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [show, setShow] = useState(false);
  const { touched, error, busy, submit } = useAuthForm();

  const emailProblem = touched ? emailError(email) : null;
  const passwordError = touched && !password ? 'Password is required' : null;

  const onSubmit = submit(Boolean(emailError(email)) || !password, async () => {
    await signIn(email.trim(), password);
    const from = (location.state as { from?: string } | null)?.from;
    navigate(from && from !== '/login' ? from : '/dashboard', { replace: true });
  });

  return (
    <AuthFrame title="Welcome back" subtitle="Sign in to your TimeTracker account">
      {reason && !error ? (
        <p role="status" data-testid="signout-reason" className="mb-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100">
          {reason}
        </p>
      ) : null}
      <form noValidate onSubmit={onSubmit} className="flex flex-col gap-3">
        <FormError error={error} />
        <Field label="Email address" type="email" name="email" autoComplete="email" required value={email} error={emailProblem} onChange={(e) => setEmail(e.target.value)} />
        <div className="relative">
          <Field
            label="Password"
            type={show ? 'text' : 'password'}
            name="password"
            autoComplete="current-password"
            required
            value={password}
            error={passwordError}
            onChange={(e) => setPassword(e.target.value)}
          />
          <button type="button" className="absolute top-7 right-2 px-1 py-1 text-xs" onClick={() => setShow((v) => !v)}>
            {show ? 'Hide' : 'Show'}
          </button>
        </div>
        <Link className={`self-end text-sm ${linkClass}`} to="/forgot-password" state={{ email: email.trim() }}>
          Forgot password?
        </Link>
        <Button type="submit" busy={busy}>
          Sign in
        </Button>
      </form>
      <p className="mt-4 text-sm">
        Need an account?{' '}
        <Link className={linkClass} to="/request-account">
          Request access
        </Link>
      </p>
    </AuthFrame>
  );
}
