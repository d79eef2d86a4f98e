import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../../shared/api/client.ts';
import { ROLE_LABELS, type InvitationCheck, type InviteAccepted } from '../../shared/api/types.ts';
import { useSession } from '../../shared/auth/session.ts';
import { Button, Field, FormError } from '../../shared/ui/kit.tsx';
import { LinkStates, SignedOutOnly, isInvalidToken, useLinkToken } from './accountLinks.tsx';
import { AuthFrame, linkClass } from './AuthFrame.tsx';
import { NewPasswordFields, newPasswordErrors } from './NewPasswordFields.tsx';
import { anyError, useAuthForm } from './useAuthForm.ts';

export default function AcceptInvitePage() {
  return (
    <SignedOutOnly purpose="accept this invitation">
      <AcceptInvite />
    </SignedOutOnly>
  );
}

function AcceptInvite() {
  const signInWith = useSession((s) => s.signInWith);
  const navigate = useNavigate();
  const { token, check, retry, markInvalid } = useLinkToken<InvitationCheck>('/api/auth/verify-invite-token');
  const [form, setForm] = useState({ name: '', password: '', confirm: '' });
  const { touched, error, busy, submit } = useAuthForm();
  const errors = { name: !form.name.trim() ? 'Enter your full name' : null, ...newPasswordErrors(form) };

  const onSubmit = submit(anyError(errors), async () => {
    let accepted: InviteAccepted;
    try {
      accepted = (await api.post<InviteAccepted>('/api/auth/accept-invite', { token, name: form.name.trim(), password: form.password })).data;
    } catch (err) {
      if (!isInvalidToken(err)) throw err;
      markInvalid();
      return;
    }
    await signInWith(accepted);
    navigate('/dashboard', { replace: true });
  });

  if (check.state !== 'valid') {
    return (
      <LinkStates
        check={check}
        retry={retry}
        invalid={
          <>
            <p role="alert" className="text-sm">
              This invitation link is invalid, has expired or was already used. An invitation works once, for 7 days; ask the administrator who invited you to send a new one.
            </p>
            <Link className={`mt-4 inline-block text-sm ${linkClass}`} to="/login">
              Go to sign in
            </Link>
          </>
        }
      />
    );
  }
  const { email, role } = check.data;
  return (
    <AuthFrame title="Join TimeTracker" subtitle="Choose your name and password to accept the invitation.">
      <form noValidate onSubmit={onSubmit} className="flex flex-col gap-3">
        <FormError error={error} />
        <Field label="Email address" type="email" name="username" autoComplete="username" value={email} readOnly />
        <Field label="Role" value={ROLE_LABELS[role] ?? role} readOnly />
        <Field label="Full name" name="name" autoComplete="name" required maxLength={255} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} error={touched ? errors.name : null} />
        <NewPasswordFields value={form} onChange={(change) => setForm({ ...form, ...change })} errors={touched ? errors : null} />
        <Button type="submit" busy={busy}>
          Create my account
        </Button>
      </form>
    </AuthFrame>
  );
}
