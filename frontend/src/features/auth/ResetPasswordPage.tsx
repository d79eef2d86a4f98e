import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../shared/api/client.ts';
import type { ResetTokenCheck } from '../../shared/api/types.ts';
import { Button, FormError } from '../../shared/ui/kit.tsx';
import { LinkStates, SignedOutOnly, isInvalidToken, useLinkToken } from './accountLinks.tsx';
import { AuthFrame, linkClass } from './AuthFrame.tsx';
import { NewPasswordFields, newPasswordErrors } from './NewPasswordFields.tsx';
import { anyError, useAuthForm } from './useAuthForm.ts';

export default function ResetPasswordPage() {
  return (
    <SignedOutOnly purpose="set a new password">
      <ResetPassword />
    </SignedOutOnly>
  );
}

function ResetPassword() {
  const { token, check, retry, markInvalid } = useLinkToken<ResetTokenCheck>('/api/auth/verify-reset-token');
  const [form, setForm] = useState({ password: '', confirm: '' });
  const { touched, error, busy, submit } = useAuthForm();
  const [done, setDone] = useState(false);
  const errors = newPasswordErrors(form);

  // a password the server's policy refuses shows its requirements, and the form is kept
  const onSubmit = submit(anyError(errors), async () => {
    try {
      await api.post('/api/auth/reset-password', { token, new_password: form.password });
      setDone(true);
    } catch (err) {
      if (!isInvalidToken(err)) throw err;
      markInvalid();
    }
  });

  if (done) {
    return (
      <AuthFrame title="Password changed">
        <p role="status" className="text-sm">
          Your new password is set, and every device that was signed in to this account has been signed out.
        </p>
        <Link className={`mt-4 inline-block ${linkClass}`} to="/login">
          Sign in with your new password
        </Link>
      </AuthFrame>
    );
  }
  if (check.state !== 'valid') {
    return (
      <LinkStates
        check={check}
        retry={retry}
        invalid={
          <>
            <p role="alert" className="text-sm">
              This password reset link is invalid, has expired or was already used. A link works once, for 1 hour.
            </p>
            <div className="mt-4 flex flex-wrap gap-4 text-sm">
              <Link className={linkClass} to="/forgot-password">
                Ask for a new link
              </Link>
              <Link className={linkClass} to="/login">
                Back to sign in
              </Link>
            </div>
          </>
        }
      />
    );
  }
  return (
    <AuthFrame title="Choose a new password" subtitle={`For ${check.data.email}. Setting it signs this account out on every device.`}>
      <form noValidate onSubmit={onSubmit} className="flex flex-col gap-3">
        <FormError error={error} />
        {/* lets a password manager file the new password under the right account */}
        <input type="email" name="username" autoComplete="username" value={check.data.email} readOnly hidden />
        <NewPasswordFields label="New password" value={form} onChange={(change) => setForm({ ...form, ...change })} errors={touched ? errors : null} />
        <Button type="submit" busy={busy}>
          Set new password
        </Button>
      </form>
    </AuthFrame>
  );
}
