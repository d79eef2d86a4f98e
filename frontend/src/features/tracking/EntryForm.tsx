import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../../shared/api/client.ts';
import { useProjectOptions, useTaskOptions, useZone } from '../../shared/api/queries.ts';
import type { TimeEntry } from '../../shared/api/types.ts';
import { dayKey, formatDuration, formatTime, parseDuration, zonedToIso } from '../../shared/lib/format.ts';
import { Field, FormActions, FormError, Modal, Options, SelectField } from '../../shared/ui/kit.tsx';
import { toast } from '../../shared/ui/toasts.ts';

/** Add a manual entry, or edit one (description and times). Entries may cross midnight. */
export function EntryForm({ entry, onClose }: { entry?: TimeEntry; onClose: () => void }) {
  const zone = useZone();
  const queryClient = useQueryClient();
  const today = dayKey(Date.now(), zone);
  const [form, setForm] = useState(() => ({
    description: entry?.description ?? '',
    project_id: entry?.project_id ?? (null as number | null),
    task_id: entry?.task_id ?? (null as number | null),
    start_date: entry ? dayKey(entry.start_time, zone) : today,
    start_time: entry ? formatTime(entry.start_time, zone) : '09:00',
    end_date: entry?.end_time ? dayKey(entry.end_time, zone) : today,
    end_time: entry?.end_time ? formatTime(entry.end_time, zone) : '17:00',
  }));
  const [touched, setTouched] = useState(false);
  const [durationText, setDurationText] = useState('');
  const projects = useProjectOptions();
  const tasks = useTaskOptions(entry ? null : form.project_id);
  const start = zonedToIso(form.start_date, form.start_time, zone);
  const end = zonedToIso(form.end_date, form.end_time, zone);
  const seconds = (Date.parse(end) - Date.parse(start)) / 1000;
  const errors = {
    project: !entry && !form.project_id ? 'Please select a project' : null,
    end: seconds <= 0 ? 'End must be after start' : null,
  };

  const save = useMutation({
    mutationFn: async () => {
      if (entry) {
        return (await api.put<TimeEntry>(`/api/time/${entry.id}`, { description: form.description, start_time: start, end_time: end })).data;
      }
      return (
        await api.post<TimeEntry>('/api/time', {
          project_id: form.project_id,
          task_id: form.task_id,
          description: form.description.trim() || null,
          start_time: start,
          end_time: end,
        })
      ).data;
    },
    onSuccess: (saved) => {
      toast.success(entry ? 'Entry updated' : `Entry created — ${formatDuration(saved.duration_seconds)} logged`);
      void queryClient.invalidateQueries({ queryKey: ['time-entries'] });
      onClose();
    },
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (errors.project || errors.end) return;
    save.mutate();
  }

  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
  /** A typed duration sets the end: start + duration, in the user's zone (may cross midnight). */
  const setDuration = (text: string) => {
    setDurationText(text);
    const typed = parseDuration(text);
    if (typed === null) return;
    const endIso = new Date(Date.parse(start) + typed * 1000).toISOString();
    setForm({ ...form, end_date: dayKey(endIso, zone), end_time: formatTime(endIso, zone) });
  };

  return (
    <Modal title={entry ? 'Edit time entry' : 'Add manual time entry'} onClose={onClose}>
      <form noValidate onSubmit={submit} className="flex flex-col gap-3" data-testid="entry-form">
        <FormError error={save.error} />
        <Field label="Description" value={form.description} onChange={set('description')} maxLength={5000} />
        {entry ? (
          <p className="text-sm">
            Project: <strong>{entry.project_name}</strong>
            {entry.task_name ? ` • ${entry.task_name}` : ''}
          </p>
        ) : (
          <>
            <SelectField
              label="Project"
              required
              value={form.project_id ?? ''}
              onChange={(e) => setForm({ ...form, project_id: e.target.value ? Number(e.target.value) : null, task_id: null })}
            >
              <option value="">Select a project</option>
              <Options items={projects.data} />
            </SelectField>
            {touched && errors.project ? (
              <p role="alert" className="text-xs text-red-600">
                {errors.project}
              </p>
            ) : null}
            {form.project_id && tasks.data?.length ? (
              <SelectField label="Task" value={form.task_id ?? ''} onChange={(e) => setForm({ ...form, task_id: e.target.value ? Number(e.target.value) : null })}>
                <option value="">No task</option>
                <Options items={tasks.data} />
              </SelectField>
            ) : null}
          </>
        )}
        <div className="grid grid-cols-2 gap-2">
          <Field label="Start date" type="date" required value={form.start_date} onChange={set('start_date')} />
          <Field label="Start time" type="time" required value={form.start_time} onChange={set('start_time')} />
          <Field label="End date" type="date" required value={form.end_date} onChange={set('end_date')} />
          <Field label="End time" type="time" required value={form.end_time} onChange={set('end_time')} error={touched ? errors.end : null} />
        </div>
        <Field
          label="Or a duration"
          value={durationText}
          onChange={(e) => setDuration(e.target.value)}
          placeholder="1:30"
          hint="h:mm, hours (1.5) or minutes (90m): sets the end from the start"
          error={durationText.trim() && parseDuration(durationText) === null ? 'Enter a duration up to 24 h, e.g. 1:30, 1.5 or 90m' : null}
        />
        <p className="text-sm" data-testid="entry-duration">
          Duration: {seconds > 0 ? formatDuration(seconds) : '—'} <span className="text-slate-500">({zone})</span>
        </p>
        <FormActions onCancel={onClose} busy={save.isPending} submitLabel={entry ? 'Save changes' : 'Add entry'} />
      </form>
    </Modal>
  );
}
