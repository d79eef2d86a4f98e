import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTheme, type ThemeChoice } from '../../app/theme.ts';
import { api } from '../../shared/api/client.ts';
import type { Me } from '../../shared/api/types.ts';
import { useSession } from '../../shared/auth/session.ts';
import { timeZones } from '../../shared/lib/format.ts';
import { PASSWORD_HINT, confirmError, passwordError } from '../../shared/lib/password.ts';
import { Button, Card, Field, FormError, PageHeader, SelectField } from '../../shared/ui/kit.tsx';
import { toast } from '../../shared/ui/toasts.ts';
import { EMAIL } from '../auth/AuthFrame.tsx';

const ZONES = timeZones();

function Profile() {
  const user = useSession((s) => s.user)!;
  const setUser = useSession((s) => s.setUser);
  const [form, setForm] = useState({ name: user.name, email: user.email, timezone: user.timezone ?? '' });
  const [touched, setTouched] = useState(false);
  const errors = { name: form.name.trim().length < 1 ? 'Enter your name' : null, email: !EMAIL.test(form.email) ? 'Enter a valid email address' : null };
  const save = useMutation({
    mutationFn: async () => (await api.put<Me>('/api/auth/me', { name: form.name.trim(), email: form.email.trim(), timezone: form.timezone || null })).data,
    onSuccess: (me) => {
      setUser(me);
      toast.success('Profile updated');
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (!errors.name && !errors.email) save.mutate();
  }
  return (
    <Card title="Profile">
      <form noValidate onSubmit={submit} className="flex max-w-md flex-col gap-3">
        <FormError error={save.error} />
        <Field label="Full name" required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} error={touched ? errors.name : null} />
        <Field label="Email address" type="email" required value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} error={touched ? errors.email : null} />
        <SelectField label="Time zone" value={form.timezone} onChange={(e) => setForm({ ...form, timezone: e.target.value })}>
          <option value="">Browser default ({Intl.DateTimeFormat().resolvedOptions().timeZone})</option>
          {ZONES.map((z) => (
            <option key={z} value={z}>
              {z}
            </option>
          ))}
        </SelectField>
        <div>
          <Button type="submit" busy={save.isPending}>
            Save changes
          </Button>
        </div>
      </form>
    </Card>
  );
}

function Password() {
  const [form, setForm] = useState({ current: '', next: '', confirm: '' });
  const [touched, setTouched] = useState(false);
  const errors = {
    current: !form.current ? 'Enter your current password' : null,
    next: passwordError(form.next),
    confirm: confirmError(form.next, form.confirm),
  };
  const save = useMutation({
    mutationFn: () => api.put('/api/auth/password', { current_password: form.current, new_password: form.next }),
    onSuccess: () => {
      toast.success('Password changed. Your other sessions were signed out.');
      setForm({ current: '', next: '', confirm: '' });
      setTouched(false);
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (!Object.values(errors).some(Boolean)) save.mutate();
  }
  return (
    <Card title="Change password">
      <form noValidate onSubmit={submit} className="flex max-w-md flex-col gap-3">
        <FormError error={save.error} />
        <Field label="Current password" type="password" autoComplete="current-password" required value={form.current} onChange={(e) => setForm({ ...form, current: e.target.value })} error={touched ? errors.current : null} />
        <Field label="New password" type="password" autoComplete="new-password" required value={form.next} onChange={(e) => setForm({ ...form, next: e.target.value })} hint={PASSWORD_HINT} error={touched ? errors.next : null} />
        <Field label="Confirm new password" type="password" autoComplete="new-password" required value={form.confirm} onChange={(e) => setForm({ ...form, confirm: e.target.value })} error={touched ? errors.confirm : null} />
        <div>
          <Button type="submit" busy={save.isPending}>
            Change password
          </Button>
        </div>
      </form>
    </Card>
  );
}

export default function SettingsPage() {
  const theme = useTheme();
  const user = useSession((s) => s.user)!;
  return (
    <>
      <PageHeader title="Settings" />
      <div className="flex flex-col gap-4">
        <Profile />
        <Password />
        <Card title="Appearance">
          <div className="max-w-xs">
            <SelectField label="Theme" value={theme.choice} onChange={(e) => theme.set(e.target.value as ThemeChoice)}>
              <option value="system">Same as the system</option>
              <option value="light">Light</option>
              <option value="dark">Dark</option>
            </SelectField>
          </div>
        </Card>
        <Card title="Account">
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-slate-500 dark:text-slate-400">User ID</dt>
            <dd>{user.id}</dd>
            <dt className="text-slate-500 dark:text-slate-400">Role</dt>
            <dd>{user.role.replace('_', ' ')}</dd>
          </dl>
        </Card>
      </div>
    </>
  );
}
