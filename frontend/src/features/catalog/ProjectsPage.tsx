import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../../shared/api/client.ts';
import { messageOf } from '../../shared/api/errors.ts';
import { usePage, useTeamOptions, useZone } from '../../shared/api/queries.ts';
import type { Project } from '../../shared/api/types.ts';
import { formatDate } from '../../shared/lib/format.ts';
import { Button, Card, ConfirmDialog, Field, FormActions, FormError, Modal, Options, PageHeader, Pager, QueryView, SelectField, TextArea } from '../../shared/ui/kit.tsx';
import { toast } from '../../shared/ui/toasts.ts';

const PALETTE = ['#4F46E5', '#0EA5E9', '#10B981', '#F59E0B', '#EF4444', '#8B5CF6', '#EC4899', '#14B8A6'];

function ProjectForm({ project, onClose }: { project?: Project; onClose: () => void }) {
  const teams = useTeamOptions();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({
    name: project?.name ?? '',
    team_id: project?.team_id ?? (null as number | null),
    description: project?.description ?? '',
    color: project?.color ?? PALETTE[Math.floor(Math.random() * PALETTE.length)]!,
  });
  const [touched, setTouched] = useState(false);
  const teamId = form.team_id ?? teams.data?.[0]?.id ?? null;
  const errors = { name: !form.name.trim() ? 'Enter a project name' : null, team: !project && !teamId ? 'Create or join a team first' : null };
  const save = useMutation({
    mutationFn: async () => {
      const body = { name: form.name.trim(), description: form.description.trim() || null, color: form.color };
      if (project) await api.put(`/api/projects/${project.id}`, body);
      else await api.post('/api/projects', { ...body, team_id: teamId });
    },
    onSuccess: () => {
      toast.success(project ? 'Project updated' : 'Project created');
      void queryClient.invalidateQueries({ queryKey: ['projects'] });
      onClose();
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (!errors.name && !errors.team) save.mutate();
  }
  return (
    <Modal title={project ? 'Edit project' : 'New project'} onClose={onClose}>
      <form noValidate onSubmit={submit} className="flex flex-col gap-3" data-testid="project-form">
        <FormError error={save.error} />
        <Field label="Project name" required maxLength={255} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} error={touched ? errors.name : null} />
        {!project ? (
          <SelectField label="Team" required value={teamId ?? ''} onChange={(e) => setForm({ ...form, team_id: Number(e.target.value) })}>
            <Options items={teams.data} />
          </SelectField>
        ) : null}
        {touched && errors.team ? <p role="alert" className="text-xs text-red-600">{errors.team}</p> : null}
        <TextArea label="Description" value={form.description} onChange={(e) => setForm({ ...form, description: e.target.value })} />
        <Field label="Colour" type="color" value={form.color} onChange={(e) => setForm({ ...form, color: e.target.value.toUpperCase() })} />
        <FormActions onCancel={onClose} busy={save.isPending} submitLabel={project ? 'Save changes' : 'Create project'} />
      </form>
    </Modal>
  );
}

export default function ProjectsPage() {
  const zone = useZone();
  const [page, setPage] = useState(1);
  const [search, setSearch] = useState('');
  const [archived, setArchived] = useState(false);
  const [editing, setEditing] = useState<Project | 'new' | null>(null);
  const [confirming, setConfirming] = useState<{ project: Project; action: 'archive' | 'restore' } | null>(null);
  const queryClient = useQueryClient();
  const projects = usePage<Project>('projects', '/api/projects', { page, page_size: 12, search: search || undefined, include_archived: archived });

  const change = useMutation({
    mutationFn: ({ project, action }: { project: Project; action: 'archive' | 'restore' }) =>
      action === 'archive' ? api.delete(`/api/projects/${project.id}`) : api.post(`/api/projects/${project.id}/restore`),
    onSuccess: (_, { action }) => {
      toast.success(action === 'archive' ? 'Project archived' : 'Project restored');
      setConfirming(null);
      void queryClient.invalidateQueries({ queryKey: ['projects'] });
    },
    onError: (error) => toast.error(messageOf(error)),
  });

  return (
    <>
      <PageHeader
        title="Projects"
        subtitle="Projects of your teams"
        action={
          <div className="flex gap-2">
            <Button tone="secondary" onClick={() => { setArchived((v) => !v); setPage(1); }}>
              {archived ? 'Hide archived' : 'Include archived'}
            </Button>
            <Button onClick={() => setEditing('new')}>New project</Button>
          </div>
        }
      />
      <Card>
        <div className="mb-3 max-w-sm">
          <Field label="Search projects" type="search" value={search} onChange={(e) => { setSearch(e.target.value); setPage(1); }} />
        </div>
        <QueryView query={projects} isEmpty={(d) => !d.items.length} empty={search ? 'No project matches your search' : 'No projects yet. Create the first one for your team.'}>
          {(d) => (
            <ul className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3" data-testid="project-list">
              {d.items.map((p) => (
                <li key={p.id} data-testid="project" className="flex flex-col gap-1 rounded-md border border-slate-200 p-3 dark:border-slate-800">
                  <div className="flex items-center gap-2">
                    <span aria-hidden="true" className="size-3 rounded-full" style={{ backgroundColor: p.color }} />
                    <h2 className="min-w-0 flex-1 truncate font-semibold">{p.name}</h2>
                    {p.is_archived ? <span className="rounded-full bg-slate-200 px-2 text-xs text-slate-800">Archived</span> : null}
                  </div>
                  <p className="line-clamp-2 text-sm text-slate-600 dark:text-slate-400">{p.description || 'No description'}</p>
                  <p className="text-xs text-slate-500 dark:text-slate-400">
                    {p.team_name ?? 'Team'} · {p.task_count} tasks · created {formatDate(p.created_at, zone)}
                  </p>
                  <div className="mt-1 flex gap-1">
                    <Button tone="ghost" onClick={() => setEditing(p)} aria-label={`Edit ${p.name}`}>
                      Edit
                    </Button>
                    <Button tone="ghost" onClick={() => setConfirming({ project: p, action: p.is_archived ? 'restore' : 'archive' })} aria-label={`${p.is_archived ? 'Restore' : 'Archive'} ${p.name}`}>
                      {p.is_archived ? 'Restore' : 'Archive'}
                    </Button>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </QueryView>
        {projects.data ? <Pager page={projects.data.page} pages={projects.data.pages} total={projects.data.total} onPage={setPage} /> : null}
      </Card>
      {editing ? <ProjectForm project={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} /> : null}
      {confirming ? (
        <ConfirmDialog
          title={confirming.action === 'archive' ? 'Archive project' : 'Restore project'}
          message={
            confirming.action === 'archive'
              ? `Archive "${confirming.project.name}"? It disappears from timers and lists; its tracked time stays.`
              : `Restore "${confirming.project.name}" to the active projects?`
          }
          confirmLabel={confirming.action === 'archive' ? 'Archive' : 'Restore'}
          busy={change.isPending}
          onConfirm={() => change.mutate(confirming)}
          onCancel={() => setConfirming(null)}
        />
      ) : null}
    </>
  );
}
