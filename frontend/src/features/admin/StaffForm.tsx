import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../../shared/api/client.ts';
import { useTeamOptions } from '../../shared/api/queries.ts';
import type { Prefill, Role, User } from '../../shared/api/types.ts';
import { useSession } from '../../shared/auth/session.ts';
import { passwordProblems } from '../../shared/lib/password.ts';
import { Field, FormActions, FormError, Modal, SelectField } from '../../shared/ui/kit.tsx';
import { toast } from '../../shared/ui/toasts.ts';
import { EMAIL } from '../auth/AuthFrame.tsx';

export const ROLE_LABELS: Record<Role, string> = {
  super_admin: 'Super admin',
  admin: 'Admin',
  manager: 'Manager',
  regular_user: 'Worker',
};

/** Creates an account (POST /api/users), prefilled from an approved account request when given. */
export function StaffForm({ prefill, onClose }: { prefill?: Prefill | null; onClose: () => void }) {
  const me = useSession((s) => s.user)!;
  const teams = useTeamOptions();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({
    name: prefill?.name ?? '',
    email: prefill?.email ?? '',
    password: '',
    role: 'regular_user' as Role,
    job_title: prefill?.job_title ?? '',
    department: prefill?.department ?? '',
    phone: prefill?.phone ?? '',
    team_ids: [] as number[],
  });
  const [touched, setTouched] = useState(false);
  const problems = passwordProblems(form.password);
  const errors = {
    name: form.name.trim().length < 2 ? 'Enter the full name (at least 2 characters)' : null,
    email: !EMAIL.test(form.email) ? 'Enter a valid email address' : null,
    password: problems.length ? `Password needs ${problems.join(', ')}` : null,
  };
  const roles: Role[] = me.role === 'super_admin' ? ['regular_user', 'manager', 'admin', 'super_admin'] : ['regular_user', 'manager', 'admin'];
  const blank = (v: string) => (v.trim() ? v.trim() : null);
  const save = useMutation({
    mutationFn: async () =>
      (
        await api.post<User>('/api/users', {
          name: form.name.trim(),
          email: form.email.trim(),
          password: form.password,
          role: form.role,
          job_title: blank(form.job_title),
          department: blank(form.department),
          phone: blank(form.phone),
          team_ids: form.team_ids,
        })
      ).data,
    onSuccess: (user) => {
      toast.success(`Account created for ${user.name}. Share the password with them privately; they can change it in Settings.`);
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      onClose();
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (!Object.values(errors).some(Boolean)) save.mutate();
  }
  const set = (key: 'name' | 'email' | 'password' | 'job_title' | 'department' | 'phone') => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
  return (
    <Modal title="Add staff member" onClose={onClose}>
      <form noValidate onSubmit={submit} className="flex flex-col gap-3" data-testid="staff-form">
        <FormError error={save.error} />
        <fieldset className="flex flex-col gap-3">
          <legend className="mb-1 text-sm font-semibold">Account</legend>
          <Field label="Full name" required value={form.name} onChange={set('name')} error={touched ? errors.name : null} />
          <Field label="Email address" type="email" required value={form.email} onChange={set('email')} error={touched ? errors.email : null} />
          <Field label="Initial password" type="password" autoComplete="new-password" required value={form.password} onChange={set('password')} hint="12+ characters with upper and lower case, a digit and a special character" error={touched ? errors.password : null} />
          <SelectField label="Role" value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as Role })}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </SelectField>
        </fieldset>
        <fieldset className="flex flex-col gap-3">
          <legend className="mb-1 text-sm font-semibold">Position and contact</legend>
          <Field label="Job title" maxLength={100} value={form.job_title} onChange={set('job_title')} />
          <Field label="Department" maxLength={100} value={form.department} onChange={set('department')} />
          <Field label="Phone number" type="tel" value={form.phone} onChange={set('phone')} />
        </fieldset>
        {teams.data?.length ? (
          <fieldset>
            <legend className="mb-1 text-sm font-semibold">Teams</legend>
            {teams.data.map((t) => (
              <label key={t.id} className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  checked={form.team_ids.includes(t.id)}
                  onChange={(e) => setForm({ ...form, team_ids: e.target.checked ? [...form.team_ids, t.id] : form.team_ids.filter((id) => id !== t.id) })}
                />
                {t.name}
              </label>
            ))}
          </fieldset>
        ) : null}
        <FormActions onCancel={onClose} busy={save.isPending} submitLabel="Create account" />
      </form>
    </Modal>
  );
}
