import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../../shared/api/client.ts';
import { useZone } from '../../shared/api/queries.ts';
import { ROLE_LABELS, type Invitation, type Role } from '../../shared/api/types.ts';
import { formatDateTime } from '../../shared/lib/format.ts';
import { Field, FormActions, FormError, Modal, SelectField } from '../../shared/ui/kit.tsx';
import { toast } from '../../shared/ui/toasts.ts';
import { emailError } from '../auth/AuthFrame.tsx';

/** POST /api/auth/invite: the invitee gets an email with a one-time link to /accept-invite. */
export function InviteDialog({ roles, onClose }: { roles: Role[]; onClose: () => void }) {
  const zone = useZone();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('regular_user');
  const [touched, setTouched] = useState(false);
  const emailProblem = emailError(email);
  const invite = useMutation({
    mutationFn: async () => (await api.post<Invitation>('/api/auth/invite', { email: email.trim(), role })).data,
    onSuccess: (sent) => {
      toast.success(`Invitation sent to ${sent.email}. The link expires on ${formatDateTime(sent.expires_at, zone)}.`);
      onClose();
    },
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (!emailProblem) invite.mutate();
  }

  return (
    <Modal title="Invite by email" onClose={onClose}>
      <form noValidate onSubmit={submit} className="flex flex-col gap-3">
        <p className="text-sm text-slate-600 dark:text-slate-400">
          They get an email with a link to choose their name and password. The link works once and expires in 7 days; inviting the same address again replaces it.
        </p>
        <FormError error={invite.error} />
        <Field label="Email address" type="email" required value={email} onChange={(e) => setEmail(e.target.value)} error={touched ? emailProblem : null} />
        <SelectField label="Role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {roles.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </SelectField>
        <FormActions onCancel={onClose} busy={invite.isPending} submitLabel="Send invitation" />
      </form>
    </Modal>
  );
}
