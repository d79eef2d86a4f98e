import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api } from '../../shared/api/client.ts';
import { messageOf } from '../../shared/api/errors.ts';
import { fetchAll, usePage, useZone } from '../../shared/api/queries.ts';
import { isAdmin, type Team, type TeamDetail, type TeamMember, type User } from '../../shared/api/types.ts';
import { useSession } from '../../shared/auth/session.ts';
import { formatDate, initials } from '../../shared/lib/format.ts';
import { Button, Card, ConfirmDialog, Empty, ErrorState, Field, FormActions, FormError, Loading, Modal, PageHeader, Pager, QueryView, SelectField } from '../../shared/ui/kit.tsx';
import { toast } from '../../shared/ui/toasts.ts';

const TEAM_ROLES = [
  { value: 'member', label: 'Member' },
  { value: 'admin', label: 'Team admin' },
  { value: 'owner', label: 'Owner' },
];

function TeamNameForm({ team, onClose, onSaved }: { team?: Team; onClose: () => void; onSaved: (id: number) => void }) {
  const [name, setName] = useState(team?.name ?? '');
  const [touched, setTouched] = useState(false);
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: async () => (team ? await api.put<Team>(`/api/teams/${team.id}`, { name: name.trim() }) : await api.post<Team>('/api/teams', { name: name.trim() })).data,
    onSuccess: (saved) => {
      toast.success(team ? 'Team renamed' : 'Team created');
      void queryClient.invalidateQueries({ queryKey: ['teams'] });
      onSaved(saved.id);
      onClose();
    },
  });
  const error = !name.trim() ? 'Enter a team name' : null;
  function submit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (!error) save.mutate();
  }
  return (
    <Modal title={team ? 'Rename team' : 'New team'} onClose={onClose}>
      <form noValidate onSubmit={submit} className="flex flex-col gap-3" data-testid="team-form">
        <FormError error={save.error} />
        <Field label="Team name" required maxLength={255} value={name} onChange={(e) => setName(e.target.value)} error={touched ? error : null} />
        <FormActions onCancel={onClose} busy={save.isPending} submitLabel={team ? 'Save' : 'Create team'} />
      </form>
    </Modal>
  );
}

function AddMember({ team, onClose }: { team: TeamDetail; onClose: () => void }) {
  const users = useQuery({ queryKey: ['users', 'options'], queryFn: () => fetchAll<User>('/api/users', { is_active: true }) });
  const [userId, setUserId] = useState<number | null>(null);
  const [role, setRole] = useState('member');
  const queryClient = useQueryClient();
  const candidates = users.data?.filter((u) => !team.members.some((m) => m.user_id === u.id)) ?? [];
  const add = useMutation({
    mutationFn: () => api.post(`/api/teams/${team.id}/members`, { user_id: userId, role }),
    onSuccess: () => {
      toast.success('Member added');
      void queryClient.invalidateQueries({ queryKey: ['teams'] });
      onClose();
    },
  });
  return (
    <Modal title={`Add a member to ${team.name}`} onClose={onClose}>
      <form
        className="flex flex-col gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          if (userId) add.mutate();
        }}
      >
        <FormError error={add.error ?? users.error} />
        <SelectField label="Person" required value={userId ?? ''} onChange={(e) => setUserId(e.target.value ? Number(e.target.value) : null)}>
          <option value="">{users.isLoading ? 'Loading people…' : 'Choose a person'}</option>
          {candidates.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name} ({u.email})
            </option>
          ))}
        </SelectField>
        <SelectField label="Role in the team" value={role} onChange={(e) => setRole(e.target.value)}>
          {TEAM_ROLES.map((r) => (
            <option key={r.value} value={r.value}>
              {r.label}
            </option>
          ))}
        </SelectField>
        <div className="flex justify-end gap-2">
          <Button tone="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" disabled={!userId} busy={add.isPending}>
            Add member
          </Button>
        </div>
      </form>
    </Modal>
  );
}

function TeamDetailPane({ teamId, onDeleted }: { teamId: number; onDeleted: () => void }) {
  const me = useSession((s) => s.user)!;
  const zone = useZone();
  const queryClient = useQueryClient();
  const [renaming, setRenaming] = useState(false);
  const [adding, setAdding] = useState(false);
  const [confirm, setConfirm] = useState<{ kind: 'team' } | { kind: 'member'; member: TeamMember } | null>(null);
  const team = useQuery({ queryKey: ['teams', 'detail', teamId], queryFn: async () => (await api.get<TeamDetail>(`/api/teams/${teamId}`)).data });
  const myRole = team.data?.members.find((m) => m.user_id === me.id)?.role;
  const manages = isAdmin(me.role) || myRole === 'owner' || myRole === 'admin';
  const owns = isAdmin(me.role) || myRole === 'owner';
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['teams'] });

  const changeRole = useMutation({
    mutationFn: ({ member, role }: { member: TeamMember; role: string }) => api.put(`/api/teams/${teamId}/members/${member.user_id}`, { role }),
    onSuccess: () => {
      toast.success('Role changed');
      refresh();
    },
    onError: (error) => toast.error(messageOf(error)),
  });
  const remove = useMutation({
    mutationFn: async () => {
      if (confirm?.kind === 'team') await api.delete(`/api/teams/${teamId}`);
      else if (confirm?.kind === 'member') await api.delete(`/api/teams/${teamId}/members/${confirm.member.user_id}`);
    },
    onSuccess: () => {
      const wasTeam = confirm?.kind === 'team';
      toast.success(wasTeam ? 'Team deleted' : 'Member removed');
      setConfirm(null);
      refresh();
      if (wasTeam) onDeleted();
    },
    onError: (error) => {
      setConfirm(null);
      toast.error(messageOf(error));
    },
  });

  if (team.isLoading) return <Loading />;
  if (team.isError) return <ErrorState error={team.error} retry={() => void team.refetch()} />;
  const t = team.data!;
  return (
    <div data-testid="team-detail">
      <div className="mb-3 flex flex-wrap items-start justify-between gap-2">
        <div>
          <h2 className="text-lg font-semibold">{t.name}</h2>
          <p className="text-xs text-slate-500 dark:text-slate-400">Created {formatDate(t.created_at, zone)}</p>
        </div>
        {manages ? (
          <div className="flex gap-1">
            <Link
              to={`/teams/${teamId}/report`}
              className="inline-flex items-center rounded-md border border-slate-300 px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100 dark:border-slate-600 dark:text-slate-100 dark:hover:bg-slate-700"
            >
              Team report
            </Link>
            <Button tone="secondary" onClick={() => setRenaming(true)}>
              Rename
            </Button>
            {isAdmin(me.role) ? (
              <Button tone="secondary" onClick={() => setAdding(true)}>
                Add member
              </Button>
            ) : null}
            {owns ? (
              <Button tone="danger" onClick={() => setConfirm({ kind: 'team' })}>
                Delete team
              </Button>
            ) : null}
          </div>
        ) : null}
      </div>
      <h3 className="mb-1 text-sm font-semibold">Members ({t.members.length})</h3>
      <ul className="divide-y divide-slate-100 dark:divide-slate-800" data-testid="members">
        {t.members.map((m) => (
          <li key={m.user_id} className="flex flex-wrap items-center gap-2 py-2 text-sm">
            <span aria-hidden="true" className="grid size-8 place-items-center rounded-full bg-indigo-100 text-xs font-semibold text-indigo-900">
              {initials(m.user.name)}
            </span>
            <div className="min-w-0 flex-1">
              <p className="truncate font-medium">{m.user.name}</p>
              <p className="truncate text-xs text-slate-500 dark:text-slate-400">{m.user.email}</p>
            </div>
            {owns ? (
              <>
                <label className="sr-only" htmlFor={`role-${m.user_id}`}>
                  Role of {m.user.name}
                </label>
                <select
                  id={`role-${m.user_id}`}
                  className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900"
                  value={m.role}
                  onChange={(e) => changeRole.mutate({ member: m, role: e.target.value })}
                >
                  {TEAM_ROLES.map((r) => (
                    <option key={r.value} value={r.value}>
                      {r.label}
                    </option>
                  ))}
                </select>
              </>
            ) : (
              <span className="rounded-full bg-slate-100 px-2 text-xs text-slate-800">{TEAM_ROLES.find((r) => r.value === m.role)?.label ?? m.role}</span>
            )}
            {manages ? (
              <Button tone="ghost" aria-label={`Remove ${m.user.name}`} onClick={() => setConfirm({ kind: 'member', member: m })}>
                Remove
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      {!isAdmin(me.role) && manages ? <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">Ask an administrator to add people to this team.</p> : null}
      {renaming ? <TeamNameForm team={t} onClose={() => setRenaming(false)} onSaved={() => {}} /> : null}
      {adding ? <AddMember team={t} onClose={() => setAdding(false)} /> : null}
      {confirm ? (
        <ConfirmDialog
          title={confirm.kind === 'team' ? 'Delete team' : 'Remove member'}
          message={
            confirm.kind === 'team'
              ? `Delete "${t.name}" with its projects and tasks? A team with tracked time cannot be deleted: archive its projects instead.`
              : `Remove ${confirm.member.user.name} from "${t.name}"?`
          }
          confirmLabel={confirm.kind === 'team' ? 'Delete team' : 'Remove'}
          busy={remove.isPending}
          onConfirm={() => remove.mutate()}
          onCancel={() => setConfirm(null)}
        />
      ) : null}
    </div>
  );
}

export default function TeamsPage() {
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const teams = usePage<Team>('teams', '/api/teams', { page, page_size: 20 });
  return (
    <>
      <PageHeader title="Teams" subtitle="Your teams and their members" action={<Button onClick={() => setCreating(true)}>New team</Button>} />
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]">
        <Card>
          <QueryView query={teams} isEmpty={(d) => !d.items.length} empty="You are not in a team yet">
            {(d) => (
              <ul className="flex flex-col gap-1" data-testid="team-list">
                {d.items.map((t) => (
                  <li key={t.id}>
                    <button
                      type="button"
                      aria-pressed={selected === t.id}
                      className={`w-full rounded-md px-3 py-2 text-left text-sm ${selected === t.id ? 'bg-indigo-100 text-indigo-900 dark:bg-indigo-900/60 dark:text-indigo-100' : 'hover:bg-slate-100 dark:hover:bg-slate-800'}`}
                      onClick={() => setSelected(t.id)}
                    >
                      <span className="font-medium">{t.name}</span>
                      <span className="block text-xs text-slate-500 dark:text-slate-400">
                        {t.member_count} {t.member_count === 1 ? 'member' : 'members'}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </QueryView>
          {teams.data ? <Pager page={teams.data.page} pages={teams.data.pages} total={teams.data.total} onPage={setPage} /> : null}
        </Card>
        <Card>{selected ? <TeamDetailPane key={selected} teamId={selected} onDeleted={() => setSelected(null)} /> : <Empty>Select a team to see its members</Empty>}</Card>
      </div>
      {creating ? <TeamNameForm onClose={() => setCreating(false)} onSaved={setSelected} /> : null}
    </>
  );
}
