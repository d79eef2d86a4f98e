import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../../shared/api/client.ts';
import { Button, Field, FormError, TextArea } from '../../shared/ui/kit.tsx';
import { AuthFrame, EMAIL, linkClass } from './AuthFrame.tsx';
import { anyError, useAuthForm } from './useAuthForm.ts';

export default function RequestAccountPage() {
  const navigate = useNavigate();
  const [form, setForm] = useState({ name: '', email: '', phone: '', job_title: '', department: '', message: '' });
  const { touched, error, busy, submit } = useAuthForm();
  const [done, setDone] = useState(false);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });

  useEffect(() => {
    if (!done) return;
    const timer = setTimeout(() => navigate('/login'), 5000);
    return () => clearTimeout(timer);
  }, [done, navigate]);

  const errors = {
    name: form.name.trim().length < 2 ? 'Enter your full name (2–100 characters)' : null,
    email: !EMAIL.test(form.email) ? 'Enter a valid email address' : null,
    phone: form.phone && !/^[\d\s\-+()]+$/.test(form.phone) ? 'Digits, spaces and - + ( ) only' : null,
  };

  const onSubmit = submit(anyError(errors), async () => {
    const blank = (v: string) => (v.trim() ? v.trim() : null);
    await api.post('/api/account-requests', {
      name: form.name.trim(),
      email: form.email.trim(),
      phone: blank(form.phone),
      job_title: blank(form.job_title),
      department: blank(form.department),
      message: blank(form.message),
    });
    setDone(true);
  });

  if (done) {
    return (
      <AuthFrame title="Request submitted">
        <p role="status">We have received your information. An administrator reviews requests within 1–2 business days; you will get an email when your account is ready.</p>
        <p className="mt-3 text-sm text-slate-500 dark:text-slate-400">Taking you back to sign in…</p>
        <Link className={`mt-3 inline-block ${linkClass}`} to="/login">
          Return to sign in
        </Link>
      </AuthFrame>
    );
  }

  return (
    <AuthFrame title="Request an account" subtitle="An administrator reviews every request.">
      <form noValidate onSubmit={onSubmit} className="flex flex-col gap-3">
        <FormError error={error} />
        <Field label="Full name" required maxLength={100} value={form.name} onChange={set('name')} error={touched ? errors.name : null} />
        <Field label="Email address" type="email" required value={form.email} onChange={set('email')} error={touched ? errors.email : null} />
        <Field label="Phone number" type="tel" value={form.phone} onChange={set('phone')} error={touched ? errors.phone : null} />
        <Field label="Desired job title" maxLength={100} value={form.job_title} onChange={set('job_title')} />
        <Field label="Department" maxLength={100} value={form.department} onChange={set('department')} />
        <TextArea label="Message" maxLength={500} value={form.message} onChange={set('message')} />
        <div className="flex items-center justify-between gap-2">
          <Link className="text-sm underline" to="/login">
            ← Back to sign in
          </Link>
          <Button type="submit" busy={busy}>
            Submit request
          </Button>
        </div>
      </form>
    </AuthFrame>
  );
}
