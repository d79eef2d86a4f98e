import { PASSWORD_HINT } from '../../shared/lib/password.ts';
import { Field } from '../../shared/ui/kit.tsx';

/** A new password and its confirmation; the page computes the errors (`passwordError`, `confirmError`). */
export function NewPasswordFields({
  label = 'Password',
  password,
  confirm,
  errors,
  onPassword,
  onConfirm,
}: {
  label?: string;
  password: string;
  confirm: string;
  errors: { password: string | null; confirm: string | null } | null;
  onPassword: (value: string) => void;
  onConfirm: (value: string) => void;
}) {
  return (
    <>
      <Field
        label={label}
        type="password"
        name="new-password"
        autoComplete="new-password"
        required
        value={password}
        onChange={(e) => onPassword(e.target.value)}
        hint={PASSWORD_HINT}
        error={errors?.password}
      />
      <Field
        label={`Confirm ${label.toLowerCase()}`}
        type="password"
        name="confirm-password"
        autoComplete="new-password"
        required
        value={confirm}
        onChange={(e) => onConfirm(e.target.value)}
        error={errors?.confirm}
      />
    </>
  );
}
