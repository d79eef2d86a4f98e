import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../../shared/api/client.ts';
import { useSession } from '../../shared/auth/session.ts';
import { passwordProblems } from '../../shared/lib/password.ts';
import { Button, Field, FormError } from '../../shared/ui/kit.tsx';
import { AuthFrame, EMAIL } from './AuthFrame.tsx';

export default function RegisterPage() {
  const signIn = useSession((s) => s.signIn);
  const navigate = useNavigate();
  const [form, setForm] = useState({ name: '', email: '', password: '', confirm: '' });
  const [touched, setTouched] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });

  const problems = passwordProblems(form.password);
  const errors = {
    name: form.name.trim().length < 2 ? 'Enter your full name (at least 2 characters)' : null,
    email: !EMAIL.test(form.email) ? 'Enter a valid email address' : null,
    password: problems.length ? `Password needs ${problems.join(', ')}` : null,
    confirm: form.confirm !== form.password ? 'Passwords do not match' : null,
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (Object.values(errors).some(Boolean)) return;
    setBusy(true);
    setError(null);
    try {
      await api.post('/api/auth/register', { name: form.name.trim(), email: form.email.trim(), password: form.password });
      await signIn(form.email.trim(), form.password);
      navigate('/dashboard', { replace: true });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <AuthFrame title="Create your account">
      <form noValidate onSubmit={submit} className="flex flex-col gap-3">
        <FormError error={error} />
        <Field label="Full name" required value={form.name} onChange={set('name')} error={touched ? errors.name : null} />
        <Field label="Email address" type="email" required value={form.email} onChange={set('email')} error={touched ? errors.email : null} />
        <Field
          label="Password"
          type="password"
          autoComplete="new-password"
          required
          value={form.password}
          onChange={set('password')}
          hint="12+ characters with upper and lower case, a digit and a special character"
          error={touched ? errors.password : null}
        />
        <Field label="Confirm password" type="password" autoComplete="new-password" required value={form.confirm} onChange={set('confirm')} error={touched ? errors.confirm : null} />
        <Button type="submit" busy={busy}>
          Create account
        </Button>
      </form>
      <p className="mt-4 text-sm">
        Already have an account?{' '}
        <Link className="font-medium text-indigo-700 underline dark:text-indigo-300" to="/login">
          Sign in
        </Link>
      </p>
    </AuthFrame>
  );
}
