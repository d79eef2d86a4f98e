import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { api } from '../../shared/api/client.ts';
import { Button, Field, FormError } from '../../shared/ui/kit.tsx';
import { AuthFrame, emailError, linkClass } from './AuthFrame.tsx';
import { useAuthForm } from './useAuthForm.ts';

/** The server answers the same for every well-formed address, so the page never tells whether an account exists. */
const NEUTRAL = 'If the email exists, a reset link has been sent';

export default function ForgotPasswordPage() {
  const location = useLocation();
  const [email, setEmail] = useState((location.state as { email?: string } | null)?.email ?? '');
  const { touched, error, busy, submit } = useAuthForm();
  const [sent, setSent] = useState<string | null>(null);
  const problem = touched ? emailError(email) : null;

  const onSubmit = submit(Boolean(emailError(email)), async () => {
    const { data } = await api.post<{ message?: string }>('/api/auth/forgot-password', { email: email.trim() });
    setSent(data.message || NEUTRAL);
  });

  if (sent) {
    return (
      <AuthFrame title="Check your email">
        <p role="status" data-testid="reset-requested" className="text-sm">
          {sent}.
        </p>
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">The link works once and expires in 1 hour. Nothing arrived? Check your spam folder, or ask again in a few minutes.</p>
        <Link className={`mt-4 inline-block text-sm ${linkClass}`} to="/login">
          ← Back to sign in
        </Link>
      </AuthFrame>
    );
  }

  return (
    <AuthFrame title="Forgot your password?" subtitle="Enter your account's email and we will send you a link to choose a new password.">
      <form noValidate onSubmit={onSubmit} className="flex flex-col gap-3">
        <FormError error={error} />
        <Field label="Email address" type="email" name="email" autoComplete="email" required value={email} error={problem} onChange={(e) => setEmail(e.target.value)} />
        <Button type="submit" busy={busy}>
          Send reset link
        </Button>
      </form>
      <Link className={`mt-4 inline-block text-sm ${linkClass}`} to="/login">
        ← Back to sign in
      </Link>
    </AuthFrame>
  );
}
