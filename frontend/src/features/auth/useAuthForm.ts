import { useState, type FormEvent } from 'react';

/**
 * The submit cycle every sign-in and account page shares: the first submit shows the field
 * errors, nothing is sent while a field is wrong, the button is busy while sending and a refusal
 * is kept for `FormError`.
 */
export function useAuthForm() {
  const [touched, setTouched] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = (invalid: boolean, send: () => Promise<void>) => async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (invalid) return;
    setBusy(true);
    setError(null);
    try {
      await send();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return { touched, error, busy, submit };
}

/** Whether any field of a form has an error message. */
export const anyError = (errors: Record<string, string | null>) => Object.values(errors).some(Boolean);
