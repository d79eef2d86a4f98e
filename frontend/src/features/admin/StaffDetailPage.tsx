import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { isAxiosError } from 'axios';
import { useState, type FormEvent, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../shared/api/client.ts';
import { messageOf } from '../../shared/api/errors.ts';
import { useZone } from '../../shared/api/queries.ts';
import { ROLE_LABELS, type PayRate, type User } from '../../shared/api/types.ts';
import { useSession } from '../../shared/auth/session.ts';
import { formatDate, formatDay } from '../../shared/lib/format.ts';
import { formatMoney } from '../../shared/lib/money.ts';
import { Button, Card, ConfirmDialog, Field, FormActions, FormError, Modal, PageHeader, QueryView } from '../../shared/ui/kit.tsx';
import { toast } from '../../shared/ui/toasts.ts';
import { rateTypeLabel, rateUnit } from '../payroll/common.tsx';
import { ContactFields, EMPLOYMENT_TYPES, EmploymentFields, hasErrors, profileErrors, type StaffFields } from './StaffForm.tsx';

const employmentLabel = (type: string | null) => EMPLOYMENT_TYPES.find((t) => t.id === type)?.label ?? '—';

/** One person's profile (V1's staff detail, with a working edit): GET /api/users/{id}, PUT to change it. */
export default function StaffDetailPage() {
  const { userId } = useParams();
  const me = useSession((s) => s.user)!;
  const zone = useZone();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [toggling, setToggling] = useState(false);
  const user = useQuery({
    queryKey: ['users', 'one', userId],
    queryFn: async () => (await api.get<User>(`/api/users/${encodeURIComponent(userId ?? '')}`)).data,
  });
  const managerId = user.data?.manager_id ?? null;
  const manager = useQuery({
    queryKey: ['users', 'one', String(managerId)],
    queryFn: async () => (await api.get<User>(`/api/users/${managerId}`)).data,
    enabled: managerId !== null,
  });
  const rate = useQuery({
    queryKey: ['pay-rates', 'current', userId],
    queryFn: async () => {
      try {
        return (await api.get<PayRate>(`/api/pay-rates/user/${encodeURIComponent(userId ?? '')}/current`)).data;
      } catch (error) {
        if (isAxiosError(error) && error.response?.status === 404) return null;
        throw error;
      }
    },
  });
  const toggle = useMutation({
    mutationFn: async (u: User) => {
      if (u.is_active) await api.delete(`/api/users/${u.id}`);
      else await api.put(`/api/users/${u.id}`, { is_active: true });
    },
    onSuccess: (_, u) => {
      toast.success(u.is_active ? `${u.name} deactivated` : `${u.name} activated`);
      void queryClient.invalidateQueries({ queryKey: ['users'] });
    },
    onError: (error) => toast.error(messageOf(error)),
    onSettled: () => setToggling(false),
  });

  return (
    <>
      <Link to="/admin" className="text-sm text-indigo-700 underline dark:text-indigo-300">
        ← Back to users
      </Link>
      <QueryView query={user} isEmpty={() => false} empty={null}>
        {(u) => {
          const self = u.id === me.id;
          const locked = self || (u.role === 'super_admin' && me.role !== 'super_admin');
          return (
            <>
              <PageHeader
                title={u.name}
                subtitle={`${u.email} · ${ROLE_LABELS[u.role]} · ${u.is_active ? 'Active' : 'Inactive'}`}
                action={
                  <div className="flex flex-wrap gap-2">
                    <Button tone="secondary" disabled={u.role === 'super_admin' && me.role !== 'super_admin'} onClick={() => setEditing(true)}>
                      Edit profile
                    </Button>
                    <Button tone="secondary" disabled={locked} onClick={() => setToggling(true)}>
                      {u.is_active ? 'Deactivate' : 'Activate'}
                    </Button>
                    <Link to={`/admin/user/${u.id}`} className="self-center text-sm text-indigo-700 underline dark:text-indigo-300">
                      Time and analytics
                    </Link>
                  </div>
                }
              />
              <div className="grid gap-4 lg:grid-cols-2">
                <Card title="Employment">
                  <Facts>
                    <Fact label="Job title">{u.job_title || '—'}</Fact>
                    <Fact label="Department">{u.department || '—'}</Fact>
                    <Fact label="Employment type">{employmentLabel(u.employment_type)}</Fact>
                    <Fact label="Start date">{u.start_date ? formatDay(u.start_date) : '—'}</Fact>
                    <Fact label="Expected hours per week">{u.expected_hours_per_week ?? '—'}</Fact>
                    <Fact label="Manager">
                      {managerId === null ? (
                        'None'
                      ) : manager.data ? (
                        <Link to={`/staff/${manager.data.id}`} className="text-indigo-700 underline dark:text-indigo-300">
                          {manager.data.name}
                        </Link>
                      ) : manager.isError ? (
                        'Unavailable'
                      ) : (
                        'Loading…'
                      )}
                    </Fact>
                    <Fact label="Member since">{formatDate(u.created_at, zone)}</Fact>
                  </Facts>
                </Card>
                <Card title="Contact">
                  <Facts>
                    <Fact label="Phone">{u.phone || '—'}</Fact>
                    <Fact label="Address">{u.address || '—'}</Fact>
                    <Fact label="Emergency contact">{u.emergency_contact_name || '—'}</Fact>
                    <Fact label="Emergency phone">{u.emergency_contact_phone || '—'}</Fact>
                  </Facts>
                </Card>
                <Card title="Pay rate" action={<Link to="/payroll/rates" className="text-sm text-indigo-700 underline dark:text-indigo-300">All pay rates</Link>}>
                  <QueryView query={rate} isEmpty={(r) => r === null} empty="No active pay rate">
                    {(r) =>
                      r ? (
                        <Facts>
                          <Fact label="Rate">
                            {formatMoney(r.base_rate, r.currency)}
                            {rateUnit(r.rate_type)}
                          </Fact>
                          <Fact label="Type">{rateTypeLabel(r.rate_type)}</Fact>
                          <Fact label="Overtime multiplier">{r.overtime_multiplier}</Fact>
                          <Fact label="Effective from">{formatDay(r.effective_from)}</Fact>
                        </Facts>
                      ) : null
                    }
                  </QueryView>
                </Card>
              </div>
              {editing ? <ProfileEditor user={u} onClose={() => setEditing(false)} /> : null}
              {toggling ? (
                <ConfirmDialog
                  title={u.is_active ? 'Deactivate account' : 'Activate account'}
                  message={u.is_active ? `Deactivate ${u.name}? They are signed out everywhere and cannot sign in; their data stays.` : `Let ${u.name} sign in again?`}
                  confirmLabel={u.is_active ? 'Deactivate' : 'Activate'}
                  busy={toggle.isPending}
                  onConfirm={() => toggle.mutate(u)}
                  onCancel={() => setToggling(false)}
                />
              ) : null}
            </>
          );
        }}
      </QueryView>
    </>
  );
}

function Facts({ children }: { children: ReactNode }) {
  return <dl className="grid grid-cols-[minmax(0,11rem)_1fr] gap-x-3 gap-y-1 text-sm">{children}</dl>;
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-slate-500 dark:text-slate-400">{label}</dt>
      <dd className="break-words" data-testid={`fact-${label.toLowerCase().replaceAll(' ', '-')}`}>
        {children}
      </dd>
    </>
  );
}

const formOf = (u: User): StaffFields => ({
  name: u.name,
  email: u.email,
  job_title: u.job_title ?? '',
  department: u.department ?? '',
  employment_type: u.employment_type ?? '',
  start_date: u.start_date ?? '',
  expected_hours_per_week: u.expected_hours_per_week === null ? '' : String(u.expected_hours_per_week),
  manager_id: u.manager_id === null ? '' : String(u.manager_id),
  phone: u.phone ?? '',
  address: u.address ?? '',
  emergency_contact_name: u.emergency_contact_name ?? '',
  emergency_contact_phone: u.emergency_contact_phone ?? '',
});

/**
 * The whole profile in one form. Every field is sent: a blank text clears it and manager 0 removes
 * the manager (the server's rule); fields the form leaves out (role, password, pay) have their own pages.
 */
function ProfileEditor({ user, onClose }: { user: User; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [form, setForm] = useState(() => formOf(user));
  const [touched, setTouched] = useState(false);
  const errors = profileErrors(form);
  const shown = (key: keyof StaffFields) => (touched ? (errors[key] ?? null) : null);
  const set = (key: keyof StaffFields) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
  const save = useMutation({
    mutationFn: async () =>
      (
        await api.put<User>(`/api/users/${user.id}`, {
          name: form.name.trim(),
          email: form.email.trim(),
          job_title: form.job_title,
          department: form.department,
          employment_type: form.employment_type || null,
          start_date: form.start_date || null,
          expected_hours_per_week: form.expected_hours_per_week.trim() ? Number(form.expected_hours_per_week) : null,
          manager_id: form.manager_id ? Number(form.manager_id) : 0,
          phone: form.phone,
          address: form.address,
          emergency_contact_name: form.emergency_contact_name,
          emergency_contact_phone: form.emergency_contact_phone,
        })
      ).data,
    onSuccess: (saved) => {
      toast.success(`Profile of ${saved.name} saved`);
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      onClose();
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (!hasErrors(errors)) save.mutate();
  }
  return (
    <Modal title={`Edit ${user.name}`} onClose={onClose}>
      <form noValidate onSubmit={submit} className="flex flex-col gap-3" data-testid="profile-form">
        <FormError error={save.error} />
        <Field label="Full name" required value={form.name} onChange={set('name')} error={shown('name')} />
        <Field label="Email address" type="email" required value={form.email} onChange={set('email')} error={shown('email')} />
        <EmploymentFields form={form} set={set} shown={shown} self={user.id} />
        <ContactFields form={form} set={set} shown={shown} />
        <FormActions onCancel={onClose} busy={save.isPending} submitLabel="Save profile" />
      </form>
    </Modal>
  );
}
