import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../../shared/api/client.ts';
import { messageOf } from '../../shared/api/errors.ts';
import { usePage, useProjectOptions } from '../../shared/api/queries.ts';
import type { Task, TaskStatus } from '../../shared/api/types.ts';
import { Button, Card, ConfirmDialog, Field, FormActions, FormError, Modal, Options, PageHeader, Pager, QueryView, SelectField, TextArea } from '../../shared/ui/kit.tsx';
import { toast } from '../../shared/ui/toasts.ts';

export const STATUSES: { value: TaskStatus; label: string }[] = [
  { value: 'TODO', label: 'To do' },
  { value: 'IN_PROGRESS', label: 'In progress' },
  { value: 'DONE', label: 'Done' },
];

function TaskForm({ task, onClose }: { task?: Task; onClose: () => void }) {
  const projects = useProjectOptions();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({
    name: task?.name ?? '',
    project_id: task?.project_id ?? (null as number | null),
    status: task?.status ?? ('TODO' as TaskStatus),
    description: task?.description ?? '',
  });
  const [touched, setTouched] = useState(false);
  const errors = { name: !form.name.trim() ? 'Enter a task name' : null, project: !form.project_id ? 'Please select a project' : null };
  const save = useMutation({
    mutationFn: async () => {
      const body = { name: form.name.trim(), status: form.status, description: form.description.trim() || null };
      if (task) await api.put(`/api/tasks/${task.id}`, body);
      else await api.post('/api/tasks', { ...body, project_id: form.project_id });
    },
    onSuccess: () => {
      toast.success(task ? 'Task updated' : 'Task created');
      void queryClient.invalidateQueries({ queryKey: ['tasks'] });
      onClose();
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (!errors.name && !errors.project) save.mutate();
  }
  return (
    <Modal title={task ? 'Edit task' : 'New task'} onClose={onClose}>
      <form noValidate onSubmit={submit} className="flex flex-col gap-3" data-testid="task-form">
        <FormError error={save.error} />
        <Field label="Task name" required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} error={touched ? errors.name : null} />
        <SelectField label="Project" required disabled={!!task} value={form.project_id ?? ''} onChange={(e) => setForm({ ...form, project_id: e.target.value ? Number(e.target.value) : null })}>
          <option value="">Select a project</option>
          {task && !projects.data?.some((p) => p.id === task.project_id) ? <option value={task.project_id}>{task.project_name}</option> : null}
          <Options items={projects.data} />
        </SelectField>
        {touched && errors.project ? <p role="alert" className="text-xs text-red-600">{errors.project}</p> : null}
        <SelectField label="Status" value={form.status} onChange={(e) => setForm({ ...form, status: e.target.value as TaskStatus })}>
          {STATUSES.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </SelectField>
        <TextArea label="Description" value={form.description} onChange={(e) => setForm({ ...form, description: e.target.value })} />
        <FormActions onCancel={onClose} busy={save.isPending} submitLabel={task ? 'Save changes' : 'Create task'} />
      </form>
    </Modal>
  );
}

export default function TasksPage() {
  const [page, setPage] = useState(1);
  const [projectId, setProjectId] = useState<number | null>(null);
  const [status, setStatus] = useState<TaskStatus | ''>('');
  const [editing, setEditing] = useState<Task | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Task | null>(null);
  const projects = useProjectOptions();
  const queryClient = useQueryClient();
  const tasks = usePage<Task>('tasks', '/api/tasks', { page, page_size: 20, project_id: projectId ?? undefined, status: status || undefined });

  const move = useMutation({
    mutationFn: ({ task, next }: { task: Task; next: TaskStatus }) => api.put(`/api/tasks/${task.id}`, { status: next }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['tasks'] }),
    onError: (error) => toast.error(messageOf(error)),
  });
  const remove = useMutation({
    mutationFn: (task: Task) => api.delete(`/api/tasks/${task.id}`),
    onSuccess: () => {
      toast.success('Task deleted');
      setDeleting(null);
      void queryClient.invalidateQueries({ queryKey: ['tasks'] });
    },
    onError: (error) => {
      setDeleting(null);
      toast.error(messageOf(error));
    },
  });

  return (
    <>
      <PageHeader title="Tasks" subtitle="Tasks of your teams' projects" action={<Button onClick={() => setEditing('new')}>New task</Button>} />
      <Card>
        <div className="mb-3 grid gap-2 sm:grid-cols-3">
          <SelectField label="Project" value={projectId ?? ''} onChange={(e) => { setProjectId(e.target.value ? Number(e.target.value) : null); setPage(1); }}>
            <option value="">All projects</option>
            <Options items={projects.data} />
          </SelectField>
          <SelectField label="Status" value={status} onChange={(e) => { setStatus(e.target.value as TaskStatus | ''); setPage(1); }}>
            <option value="">All statuses</option>
            {STATUSES.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </SelectField>
        </div>
        <QueryView query={tasks} isEmpty={(d) => !d.items.length} empty="No tasks here yet">
          {(d) => (
            <ul className="divide-y divide-slate-100 dark:divide-slate-800" data-testid="task-list">
              {d.items.map((t) => (
                <li key={t.id} data-testid="task" className="flex flex-wrap items-center gap-2 py-2">
                  <div className="min-w-0 flex-1">
                    <p className="truncate font-medium">{t.name}</p>
                    <p className="truncate text-xs text-slate-500 dark:text-slate-400">
                      {t.project_name}
                      {t.description ? ` · ${t.description}` : ''}
                    </p>
                  </div>
                  <label className="sr-only" htmlFor={`status-${t.id}`}>
                    Status of {t.name}
                  </label>
                  <select
                    id={`status-${t.id}`}
                    className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900"
                    value={t.status}
                    onChange={(e) => move.mutate({ task: t, next: e.target.value as TaskStatus })}
                  >
                    {STATUSES.map((s) => (
                      <option key={s.value} value={s.value}>
                        {s.label}
                      </option>
                    ))}
                  </select>
                  <Button tone="ghost" aria-label={`Edit ${t.name}`} onClick={() => setEditing(t)}>
                    Edit
                  </Button>
                  <Button tone="ghost" aria-label={`Delete ${t.name}`} onClick={() => setDeleting(t)}>
                    Delete
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </QueryView>
        {tasks.data ? <Pager page={tasks.data.page} pages={tasks.data.pages} total={tasks.data.total} onPage={setPage} /> : null}
      </Card>
      {editing ? <TaskForm task={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} /> : null}
      {deleting ? (
        <ConfirmDialog
          title="Delete task"
          message={`Delete "${deleting.name}"? A task with tracked time cannot be deleted: mark it done instead.`}
          confirmLabel="Delete"
          busy={remove.isPending}
          onConfirm={() => remove.mutate(deleting)}
          onCancel={() => setDeleting(null)}
        />
      ) : null}
    </>
  );
}
