import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { api } from '../../shared/api/client.ts';
import { messageOf } from '../../shared/api/errors.ts';
import { usePage } from '../../shared/api/queries.ts';
import { ROLE_LABELS, assignableRoles, type Prefill, type Role, type User } from '../../shared/api/types.ts';
import { useSession } from '../../shared/auth/session.ts';
import { Button, Card, ConfirmDialog, Field, PageHeader, Pager, QueryView } from '../../shared/ui/kit.tsx';
import { toast } from '../../shared/ui/toasts.ts';
import { InviteDialog } from './InviteDialog.tsx';
import { StaffForm } from './StaffForm.tsx';

export default function UsersPage() {
  const me = useSession((s) => s.user)!;
  const location = useLocation();
  const navigate = useNavigate();
  const prefill = (location.state as { prefill?: Prefill } | null)?.prefill ?? null;
  const [creating, setCreating] = useState(prefill !== null);
  const [inviting, setInviting] = useState(false);
  const [page, setPage] = useState(1);
  const [search, setSearch] = useState('');
  const [toggling, setToggling] = useState<User | null>(null);
  const queryClient = useQueryClient();
  const users = usePage<User>('users', '/api/users', { page, page_size: 20, search: search || undefined });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['users'] });

  const changeRole = useMutation({
    mutationFn: ({ user, role }: { user: User; role: Role }) => api.put(`/api/users/${user.id}/role`, { role }),
    onSuccess: () => {
      toast.success('Role changed');
      refresh();
    },
    onError: (error) => {
      toast.error(messageOf(error));
      refresh();
    },
  });
  const toggle = useMutation({
    mutationFn: async (user: User) => {
      if (user.is_active) await api.delete(`/api/users/${user.id}`);
      else await api.put(`/api/users/${user.id}`, { is_active: true });
    },
    onSuccess: (_, user) => {
      toast.success(user.is_active ? `${user.name} deactivated` : `${user.name} activated`);
      setToggling(null);
      refresh();
    },
    onError: (error) => {
      setToggling(null);
      toast.error(messageOf(error));
    },
  });
  const roles: Role[] = assignableRoles(me.role);

  return (
    <>
      <PageHeader title="Users" subtitle="Accounts, roles and access" action={
          <div className="flex flex-wrap gap-2">
            <Button tone="secondary" onClick={() => setInviting(true)}>
              Invite by email
            </Button>
            <Button onClick={() => setCreating(true)}>Add staff member</Button>
          </div>
        }
      />
      <Card>
        <div className="mb-3 max-w-sm">
          <Field label="Search by name or email" type="search" value={search} onChange={(e) => { setSearch(e.target.value); setPage(1); }} />
        </div>
        <QueryView query={users} isEmpty={(d) => !d.items.length} empty="No user matches">
          {(d) => (
            <ul className="divide-y divide-slate-100 dark:divide-slate-800" data-testid="user-list">
              {d.items.map((u) => {
                const self = u.id === me.id;
                const locked = self || (u.role === 'super_admin' && me.role !== 'super_admin');
                return (
                  <li key={u.id} className="flex flex-wrap items-center gap-2 py-2 text-sm">
                    <div className="min-w-0 flex-1">
                      <p className="truncate font-medium">
                        <Link to={`/staff/${u.id}`} className="text-indigo-700 underline dark:text-indigo-300">
                          {u.name}
                        </Link>{' '}
                        {self ? <span className="text-xs text-slate-500">(you)</span> : null}
                      </p>
                      <p className="truncate text-xs text-slate-500 dark:text-slate-400">
                        {u.email}
                        {u.job_title ? ` · ${u.job_title}` : ''}
                      </p>
                    </div>
                    <span className={`rounded-full px-2 text-xs ${u.is_active ? 'bg-emerald-100 text-emerald-900' : 'bg-slate-200 text-slate-800'}`}>{u.is_active ? 'Active' : 'Inactive'}</span>
                    <label className="sr-only" htmlFor={`user-role-${u.id}`}>
                      Role of {u.name}
                    </label>
                    <select
                      id={`user-role-${u.id}`}
                      disabled={locked}
                      className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm disabled:opacity-60 dark:border-slate-600 dark:bg-slate-900"
                      value={u.role}
                      onChange={(e) => changeRole.mutate({ user: u, role: e.target.value as Role })}
                    >
                      {(roles.includes(u.role) ? roles : [u.role, ...roles]).map((r) => (
                        <option key={r} value={r}>
                          {ROLE_LABELS[r]}
                        </option>
                      ))}
                    </select>
                    <Button tone="ghost" disabled={locked} onClick={() => setToggling(u)}>
                      {u.is_active ? 'Deactivate' : 'Activate'}
                    </Button>
                  </li>
                );
              })}
            </ul>
          )}
        </QueryView>
        {users.data ? <Pager page={users.data.page} pages={users.data.pages} total={users.data.total} onPage={setPage} /> : null}
      </Card>
      {creating ? (
        <StaffForm
          prefill={prefill}
          onClose={() => {
            setCreating(false);
            if (prefill) navigate('/admin', { replace: true, state: null });
          }}
        />
      ) : null}
      {inviting ? <InviteDialog roles={roles} onClose={() => setInviting(false)} /> : null}
      {toggling ? (
        <ConfirmDialog
          title={toggling.is_active ? 'Deactivate account' : 'Activate account'}
          message={toggling.is_active ? `Deactivate ${toggling.name}? They are signed out everywhere and cannot sign in; their data stays.` : `Let ${toggling.name} sign in again?`}
          confirmLabel={toggling.is_active ? 'Deactivate' : 'Activate'}
          busy={toggle.isPending}
          onConfirm={() => toggle.mutate(toggling)}
          onCancel={() => setToggling(null)}
        />
      ) : null}
    </>
  );
}
