import { PASSWORD_HINT, confirmError, passwordError } from '../../shared/lib/password.ts';
import { Field } from '../../shared/ui/kit.tsx';

/** The errors of a new password and its confirmation, as the server's rules and equality require. */
export function newPasswordErrors({ password, confirm }: { password: string; confirm: string }) {
  return { password: passwordError(password), confirm: confirmError(password, confirm) };
}

/** A new password and its confirmation; `errors` is null until the form was first submitted. */
export function NewPasswordFields({
  label = 'Password',
  value,
  onChange,
  errors,
}: {
  label?: string;
  value: { password: string; confirm: string };
  onChange: (change: { password?: string; confirm?: string }) => void;
  errors: { password: string | null; confirm: string | null } | null;
}) {
  const common = { type: 'password', autoComplete: 'new-password', required: true } as const;
  return (
    <>
      <Field {...common} label={label} name="new-password" value={value.password} onChange={(e) => onChange({ password: e.target.value })} hint={PASSWORD_HINT} error={errors?.password} />
      <Field {...common} label={`Confirm ${label.toLowerCase()}`} name="confirm-password" value={value.confirm} onChange={(e) => onChange({ confirm: e.target.value })} error={errors?.confirm} />
    </>
  );
}
