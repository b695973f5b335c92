import { useState } from 'react';
import { ApiError } from '../../api';
import { errorText, serverFieldErrors, zodFieldErrors } from '../../form-errors';
import type { FieldErrors } from '../../form-errors';
import { useT } from '../../i18n';

interface SafeParser<T> {
  safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: readonly { code: string; path: PropertyKey[]; message: string }[] } };
}

/**
 * Validate with the protocol's zod schema for comfort, then send; the server's 400 `fields` land next to the
 * same fields. Returns the server's answer or null.
 */
export function useFormSubmit() {
  const { t, lang } = useT();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit<T, R>(schema: SafeParser<T>, value: unknown, send: (data: T) => Promise<R>): Promise<R | null> {
    setFormError(null);
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error, t));
      return null;
    }
    setErrors({});
    setBusy(true);
    try {
      return await send(parsed.data);
    } catch (err) {
      if (err instanceof ApiError && err.fields.length > 0) setErrors(serverFieldErrors(err, lang));
      setFormError(errorText(err, lang));
      return null;
    } finally {
      setBusy(false);
    }
  }

  return { errors, formError, busy, submit, setErrors, setFormError };
}
