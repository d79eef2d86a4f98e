import { useMutation, useQueryClient } from '@tanstack/react-query';
import { isAxiosError } from 'axios';
import { useState, type FormEvent } from 'react';
import { api } from '../../shared/api/client.ts';
import type { ApiErrorBody } from '../../shared/api/errors.ts';
import { useManagerOptions, useTeamOptions } from '../../shared/api/queries.ts';
import { ROLE_LABELS, assignableRoles, type Prefill, type Role, type User } from '../../shared/api/types.ts';
import { useSession } from '../../shared/auth/session.ts';
import { CURRENCIES } from '../../shared/lib/money.ts';
import { PASSWORD_HINT, passwordError } from '../../shared/lib/password.ts';
import { Button, Field, FormError, Modal, SelectField, TextArea } from '../../shared/ui/kit.tsx';
import { toast } from '../../shared/ui/toasts.ts';
import { EMAIL } from '../auth/AuthFrame.tsx';
import { RATE_TYPES, hasOvertime } from '../payroll/common.tsx';

export const EMPLOYMENT_TYPES = [
  { id: 'full_time', label: 'Full-time' },
  { id: 'part_time', label: 'Part-time' },
  { id: 'contractor', label: 'Contractor' },
] as const;

export const STEPS = ['Basic info', 'Employment', 'Contact', 'Payroll & teams'] as const;

/** The step of each field the server can name in an error's detail[].field (V1 sent pay errors to Contact). */
const STEP_OF_FIELD: Record<string, number> = {
  name: 0,
  email: 0,
  password: 0,
  role: 0,
  job_title: 1,
  department: 1,
  employment_type: 1,
  start_date: 1,
  expected_hours_per_week: 1,
  manager_id: 1,
  phone: 2,
  address: 2,
  emergency_contact_name: 2,
  emergency_contact_phone: 2,
  pay_rate: 3,
  pay_rate_type: 3,
  overtime_multiplier: 3,
  currency: 3,
  team_ids: 3,
};

/** The step of the first field a server refusal names, or null when it names none. */
export function stepOfError(error: unknown): number | null {
  if (!isAxiosError(error)) return null;
  const body = error.response?.data as ApiErrorBody | undefined;
  if (Array.isArray(body?.detail)) {
    for (const entry of body.detail as { field?: unknown }[]) {
      const field = typeof entry?.field === 'string' ? entry.field.replace(/\[.*$/, '') : null;
      const target = field ? STEP_OF_FIELD[field] : undefined;
      if (target !== undefined) return target;
    }
  }
  const message = `${body?.message ?? ''}`.toLowerCase();
  if (/\bemail\b|\bpassword\b/.test(message)) return 0;
  return null;
}

/** A random password that meets the server's rules: 16 characters with every required class. */
export function generatePassword(): string {
  const sets = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnopqrstuvwxyz', '23456789', '!#$%&*+-=?@_'];
  const all = sets.join('');
  const random = (n: number) => (crypto.getRandomValues(new Uint32Array(1))[0] ?? 0) % n;
  const chars = sets.map((s) => s.charAt(random(s.length)));
  while (chars.length < 16) chars.push(all.charAt(random(all.length)));
  for (let i = chars.length - 1; i > 0; i--) {
    const j = random(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}

const today = () => new Date().toLocaleDateString('en-CA');
const blank = (v: string) => (v.trim() ? v.trim() : null);
const tooLong = (v: string, max: number) => (v.trim().length > max ? `At most ${max} characters` : null);

type Form = ReturnType<typeof initialForm>;
function initialForm(prefill?: Prefill | null) {
  return {
    name: prefill?.name ?? '',
    email: prefill?.email ?? '',
    password: '',
    role: 'regular_user' as Role,
    job_title: prefill?.job_title ?? '',
    department: prefill?.department ?? '',
    employment_type: 'full_time',
    start_date: today(),
    expected_hours_per_week: '40',
    manager_id: '',
    phone: prefill?.phone ?? '',
    address: '',
    emergency_contact_name: '',
    emergency_contact_phone: '',
    pay_rate: '',
    pay_rate_type: 'hourly',
    overtime_multiplier: '1.5',
    currency: 'USD',
    team_ids: [] as number[],
  };
}

/** The fields an administrator can also change later (PUT /api/users/{id}). */
export type ProfileFields = Pick<
  Form,
  'name' | 'email' | 'job_title' | 'department' | 'expected_hours_per_week' | 'phone' | 'address' | 'emergency_contact_name' | 'emergency_contact_phone'
>;

const identityErrors = (form: ProfileFields) => ({
  name: form.name.trim().length < 2 ? 'Enter the full name (at least 2 characters)' : tooLong(form.name, 255),
  email: !EMAIL.test(form.email.trim()) ? 'Enter a valid email address' : tooLong(form.email, 255),
});

const employmentErrors = (form: ProfileFields) => {
  const hours = Number(form.expected_hours_per_week);
  return {
    job_title: tooLong(form.job_title, 255),
    department: tooLong(form.department, 255),
    expected_hours_per_week: form.expected_hours_per_week.trim() && (!Number.isFinite(hours) || hours < 0 || hours > 168) ? 'Between 0 and 168' : null,
  };
};

const contactErrors = (form: ProfileFields) => ({
  phone: tooLong(form.phone, 50),
  address: tooLong(form.address, 2000),
  emergency_contact_name: tooLong(form.emergency_contact_name, 255),
  emergency_contact_phone: tooLong(form.emergency_contact_phone, 50),
});

/** The server's limits on a profile (UserController.UpdateUser). */
export function profileErrors(form: ProfileFields): Record<string, string | null> {
  return { ...identityErrors(form), ...employmentErrors(form), ...contactErrors(form) };
}

/** The server's limits (UserController.CreateUser, password rules), per step. */
export function stepErrors(form: Form, step: number): Record<string, string | null> {
  if (step === 0) {
    return { ...identityErrors(form), password: passwordError(form.password) };
  }
  if (step === 1) return employmentErrors(form);
  if (step === 2) return contactErrors(form);
  const rate = Number(form.pay_rate);
  const multiplier = Number(form.overtime_multiplier);
  return {
    pay_rate:
      form.pay_rate.trim() && (!/^\d{1,8}(\.\d{1,2})?$/.test(form.pay_rate.trim()) || !Number.isFinite(rate))
        ? 'A non-negative amount with at most 2 decimals'
        : null,
    overtime_multiplier: hasOvertime(form.pay_rate_type) && (!Number.isFinite(multiplier) || multiplier < 1 || multiplier > 3) ? 'Between 1 and 3' : null,
  };
}

export const hasErrors = (errors: Record<string, string | null>) => Object.values(errors).some(Boolean);

export interface Credentials {
  name: string;
  email: string;
  password: string;
}

/**
 * Creates an account (POST /api/users) in four steps, prefilled from an approved account request when given.
 * Each step is checked before Next; a server refusal returns to the step of the field it names.
 */
export function StaffForm({ prefill, onClose }: { prefill?: Prefill | null; onClose: () => void }) {
  const me = useSession((s) => s.user)!;
  const teams = useTeamOptions();
  const queryClient = useQueryClient();
  const [form, setForm] = useState(() => initialForm(prefill));
  const [step, setStep] = useState(0);
  const [touched, setTouched] = useState<boolean[]>([false, false, false, false]);
  const [showPassword, setShowPassword] = useState(false);
  const [created, setCreated] = useState<Credentials | null>(null);
  const errors = stepErrors(form, step);
  const shown = (key: string) => (touched[step] ? (errors[key] ?? null) : null);
  const roles: Role[] = assignableRoles(me.role);
  const save = useMutation({
    mutationFn: async () => {
      const rate = form.pay_rate.trim() ? Number(form.pay_rate) : 0;
      return (
        await api.post<User>('/api/users', {
          name: form.name.trim(),
          email: form.email.trim(),
          password: form.password,
          role: form.role,
          job_title: blank(form.job_title),
          department: blank(form.department),
          employment_type: form.employment_type,
          start_date: form.start_date || null,
          expected_hours_per_week: form.expected_hours_per_week.trim() ? Number(form.expected_hours_per_week) : null,
          manager_id: form.manager_id ? Number(form.manager_id) : null,
          phone: blank(form.phone),
          address: blank(form.address),
          emergency_contact_name: blank(form.emergency_contact_name),
          emergency_contact_phone: blank(form.emergency_contact_phone),
          pay_rate: rate,
          pay_rate_type: form.pay_rate_type,
          overtime_multiplier: hasOvertime(form.pay_rate_type) ? Number(form.overtime_multiplier) : 1,
          currency: form.currency,
          team_ids: form.team_ids,
        })
      ).data;
    },
    onSuccess: (user) => {
      toast.success(`Account created for ${user.name}.`);
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      void queryClient.invalidateQueries({ queryKey: ['pay-rates'] });
      setCreated({ name: user.name, email: user.email, password: form.password });
    },
    onError: (error) => {
      const target = stepOfError(error);
      if (target !== null) setStep(target);
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    setTouched(touched.map((t, i) => (i === step ? true : t)));
    if (hasErrors(errors)) return;
    if (step < STEPS.length - 1) setStep(step + 1);
    else save.mutate();
  }
  type TextKey = { [K in keyof Form]: Form[K] extends string ? K : never }[keyof Form];
  const set = (key: TextKey) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
  if (created) return <CredentialsSummary credentials={created} onClose={onClose} />;
  return (
    <Modal title="Add staff member" onClose={onClose}>
      <form noValidate onSubmit={submit} className="flex flex-col gap-3" data-testid="staff-form">
        <ol className="flex gap-2 text-xs" aria-label="Steps">
          {STEPS.map((label, i) => (
            <li
              key={label}
              aria-current={i === step ? 'step' : undefined}
              className={`flex-1 rounded-md border px-2 py-1 ${i === step ? 'border-indigo-600 font-semibold' : 'border-slate-300 dark:border-slate-600'}`}
            >
              {i < step ? '✓ ' : `${i + 1}. `}
              {label}
            </li>
          ))}
        </ol>
        <FormError error={save.error} />
        <fieldset className="flex flex-col gap-3">
          <legend className="mb-1 text-sm font-semibold">
            Step {step + 1} of {STEPS.length}: {STEPS[step]}
          </legend>
          {step === 0 ? (
            <>
              <Field label="Full name" required value={form.name} onChange={set('name')} error={shown('name')} />
              <Field label="Email address" type="email" required value={form.email} onChange={set('email')} error={shown('email')} />
              <Field
                label="Initial password"
                type={showPassword ? 'text' : 'password'}
                autoComplete="new-password"
                required
                value={form.password}
                onChange={set('password')}
                hint={PASSWORD_HINT}
                error={shown('password')}
              />
              <div className="flex gap-2">
                <Button tone="secondary" onClick={() => setShowPassword(!showPassword)}>
                  {showPassword ? 'Hide password' : 'Show password'}
                </Button>
                <Button
                  tone="secondary"
                  onClick={() => {
                    setForm({ ...form, password: generatePassword() });
                    setShowPassword(true);
                  }}
                >
                  Generate password
                </Button>
              </div>
              <SelectField label="Role" value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as Role })}>
                {roles.map((r) => (
                  <option key={r} value={r}>
                    {ROLE_LABELS[r]}
                  </option>
                ))}
              </SelectField>
            </>
          ) : null}
          {step === 1 ? <EmploymentFields form={form} set={set} shown={shown} /> : null}
          {step === 2 ? <ContactFields form={form} set={set} shown={shown} /> : null}
          {step === 3 ? (
            <>
              <Field
                label="Pay rate"
                inputMode="decimal"
                value={form.pay_rate}
                onChange={set('pay_rate')}
                hint="A pay rate is created when this is more than 0; blank means none"
                error={shown('pay_rate')}
              />
              <SelectField label="Rate type" value={form.pay_rate_type} onChange={set('pay_rate_type')}>
                {RATE_TYPES.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.label}
                  </option>
                ))}
              </SelectField>
              {hasOvertime(form.pay_rate_type) ? (
                <Field
                  label="Overtime multiplier"
                  inputMode="decimal"
                  value={form.overtime_multiplier}
                  onChange={set('overtime_multiplier')}
                  hint="1.5 = time and a half"
                  error={shown('overtime_multiplier')}
                />
              ) : null}
              <SelectField label="Currency" value={form.currency} onChange={set('currency')}>
                {CURRENCIES.map((c) => (
                  <option key={c}>{c}</option>
                ))}
              </SelectField>
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
                  <p className="text-xs text-slate-500 dark:text-slate-400">Selected teams: {form.team_ids.length}</p>
                </fieldset>
              ) : (
                <p className="text-xs text-slate-500 dark:text-slate-400">No teams yet.</p>
              )}
            </>
          ) : null}
        </fieldset>
        <div className="flex justify-between gap-2">
          <Button tone="secondary" disabled={step === 0} onClick={() => setStep(step - 1)}>
            Previous
          </Button>
          <div className="flex gap-2">
            <Button tone="secondary" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" busy={save.isPending}>
              {step < STEPS.length - 1 ? 'Next' : 'Create staff member'}
            </Button>
          </div>
        </div>
      </form>
    </Modal>
  );
}

/** The fields of the wizard's Employment and Contact steps, which the profile editor reuses. */
export type StaffFields = ProfileFields & { employment_type: string; start_date: string; manager_id: string };

interface FieldGroupProps {
  form: StaffFields;
  set: (key: keyof StaffFields) => (e: { target: { value: string } }) => void;
  shown: (key: keyof StaffFields) => string | null;
  /** The person being edited, who cannot be their own manager. */
  self?: number;
}

export function EmploymentFields({ form, set, shown, self }: FieldGroupProps) {
  return (
    <>
      <Field label="Job title" value={form.job_title} onChange={set('job_title')} error={shown('job_title')} />
      <Field label="Department" value={form.department} onChange={set('department')} error={shown('department')} />
      <SelectField label="Employment type" value={form.employment_type} onChange={set('employment_type')}>
        {form.employment_type ? null : <option value="">Not set</option>}
        {EMPLOYMENT_TYPES.map((t) => (
          <option key={t.id} value={t.id}>
            {t.label}
          </option>
        ))}
      </SelectField>
      <Field label="Start date" type="date" value={form.start_date} onChange={set('start_date')} />
      <Field
        label="Expected hours per week"
        type="number"
        min={0}
        max={168}
        value={form.expected_hours_per_week}
        onChange={set('expected_hours_per_week')}
        hint="Used for time tracking and payroll"
        error={shown('expected_hours_per_week')}
      />
      <ManagerField value={form.manager_id} onChange={set('manager_id')} exclude={self} />
    </>
  );
}

export function ContactFields({ form, set, shown }: FieldGroupProps) {
  return (
    <>
      <Field label="Phone number" type="tel" value={form.phone} onChange={set('phone')} error={shown('phone')} />
      <TextArea label="Address" value={form.address} onChange={set('address')} />
      {shown('address') ? (
        <p role="alert" className="text-xs text-red-600 dark:text-red-400">
          Address: {shown('address')}
        </p>
      ) : null}
      <Field label="Emergency contact name" value={form.emergency_contact_name} onChange={set('emergency_contact_name')} error={shown('emergency_contact_name')} />
      <Field label="Emergency contact phone" type="tel" value={form.emergency_contact_phone} onChange={set('emergency_contact_phone')} error={shown('emergency_contact_phone')} />
    </>
  );
}

/** A select of the people who can be a manager ("None" = ''), leaving out `exclude` (the person themselves). */
export function ManagerField({ value, onChange, exclude }: { value: string; onChange: (e: { target: { value: string } }) => void; exclude?: number }) {
  const managers = useManagerOptions();
  return (
    <>
      <SelectField label="Manager" value={value} onChange={onChange} aria-busy={managers.isLoading}>
        <option value="">{managers.isLoading ? 'Loading managers…' : 'None'}</option>
        {managers.data
          ?.filter((u) => u.id !== exclude)
          .map((u) => (
            <option key={u.id} value={u.id}>
              {u.name} ({ROLE_LABELS[u.role]})
            </option>
          ))}
      </SelectField>
      {managers.isError ? <p role="alert" className="text-xs text-red-600 dark:text-red-400">The list of managers could not be loaded.</p> : null}
    </>
  );
}

/** Shown once after creation: the sign-in email and the initial password, to hand over privately. */
export function CredentialsSummary({ credentials, onClose }: { credentials: Credentials; onClose: () => void }) {
  const [copied, setCopied] = useState(false);
  const text = `Sign in at ${window.location.origin}/login\nEmail: ${credentials.email}\nPassword: ${credentials.password}\nPlease change your password in Settings after your first sign-in.`;
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      toast.error('Copying failed: select the text and copy it yourself.');
    }
  }
  return (
    <Modal title="Credentials summary" onClose={onClose}>
      <div className="flex flex-col gap-3" data-testid="credentials-summary">
        <p className="text-sm">Account created for {credentials.name}. Share these credentials with them privately.</p>
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
          <dt className="font-medium">Email</dt>
          <dd data-testid="credentials-email">{credentials.email}</dd>
          <dt className="font-medium">Password</dt>
          <dd className="font-mono break-all" data-testid="credentials-password">
            {credentials.password}
          </dd>
        </dl>
        <p role="note" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100">
          The password is shown once: it is not stored in readable form and cannot be shown again. Ask them to change it after the first sign-in.
        </p>
        <div className="flex justify-end gap-2">
          <Button tone="secondary" onClick={() => void copy()}>
            {copied ? 'Copied!' : 'Copy to clipboard'}
          </Button>
          <Button onClick={onClose}>Done</Button>
        </div>
      </div>
    </Modal>
  );
}
