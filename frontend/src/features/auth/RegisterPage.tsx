import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../../shared/api/client.ts';
import { useSession } from '../../shared/auth/session.ts';
import { Button, Field, FormError } from '../../shared/ui/kit.tsx';
import { AuthFrame, EMAIL, linkClass } from './AuthFrame.tsx';
import { NewPasswordFields, newPasswordErrors } from './NewPasswordFields.tsx';
import { anyError, useAuthForm } from './useAuthForm.ts';

export default function RegisterPage() {
  const signIn = useSession((s) => s.signIn);
  const navigate = useNavigate();
  const [form, setForm] = useState({ name: '', email: '', password: '', confirm: '' });
  const { touched, error, busy, submit } = useAuthForm();
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });

  const errors = {
    name: form.name.trim().length < 2 ? 'Enter your full name (at least 2 characters)' : null,
    email: !EMAIL.test(form.email) ? 'Enter a valid email address' : null,
    ...newPasswordErrors(form),
  };

  const onSubmit = submit(anyError(errors), async () => {
    await api.post('/api/auth/register', { name: form.name.trim(), email: form.email.trim(), password: form.password });
    await signIn(form.email.trim(), form.password);
    navigate('/dashboard', { replace: true });
  });

  return (
    <AuthFrame title="Create your account">
      <form noValidate onSubmit={onSubmit} className="flex flex-col gap-3">
        <FormError error={error} />
        <Field label="Full name" required value={form.name} onChange={set('name')} error={touched ? errors.name : null} />
        <Field label="Email address" type="email" required value={form.email} onChange={set('email')} error={touched ? errors.email : null} />
        <NewPasswordFields value={form} onChange={(change) => setForm({ ...form, ...change })} errors={touched ? errors : null} />
        <Button type="submit" busy={busy}>
          Create account
        </Button>
      </form>
      <p className="mt-4 text-sm">
        Already have an account?{' '}
        <Link className={linkClass} to="/login">
          Sign in
        </Link>
      </p>
    </AuthFrame>
  );
}
