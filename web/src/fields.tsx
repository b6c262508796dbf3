// One labelled form field with its error, so every form says errors the same way (aria-invalid, aria-describedby).

import type { Ref } from 'preact';
import { passwordPolicyProblems } from '#shared/identity/password-policy.ts';
import type { InputLimits } from './form-checks.ts';
import { useI18n } from './i18n.ts';

export interface FieldProps {
  id: string;
  label: string;
  type?: 'text' | 'email' | 'password';
  autocomplete?: string;
  inputMode?: 'numeric' | 'text' | 'email';
  value: string;
  onInput: (value: string) => void;
  error?: string | undefined;
  hint?: string | undefined;
  inputRef?: Ref<HTMLInputElement>;
  class?: string;
  required?: boolean;
  /** From the API's schema of this value (`limitsOf` in form-checks.ts): maxlength, required, type=email. */
  limits?: InputLimits | undefined;
}

/** A form's state as its fields read it, by field name: the values, their setter, the errors and the API's limits. */
export interface FormState<N extends string> {
  values: Record<N, string>;
  set: (name: N) => (value: string) => void;
  invalid: Partial<Record<N, string>>;
  limits: Partial<Record<N, InputLimits>>;
}

/** The props a Field takes from its form's state by its name, which is also its id: `<Field {...fieldOf(form, 'email')} … />`. */
export function fieldOf<N extends string>(form: FormState<N>, name: N): Pick<FieldProps, 'id' | 'limits' | 'value' | 'onInput' | 'error'> {
  return { id: name, limits: form.limits[name], value: form.values[name], onInput: form.set(name), error: form.invalid[name] };
}

export function Field(props: FieldProps) {
  const describedBy = [props.hint ? `${props.id}-hint` : '', props.error ? `${props.id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      {props.hint && (
        <p id={`${props.id}-hint`} class="muted small field-hint">
          {props.hint}
        </p>
      )}
      <input
        ref={props.inputRef}
        id={props.id}
        name={props.id}
        class={props.class}
        type={props.type ?? (props.limits?.email ? 'email' : 'text')}
        autocomplete={props.autocomplete}
        inputMode={props.inputMode}
        required={props.required ?? props.limits?.required ?? true}
        // The attribute, not the maxLength property: Preact reuses this input for the next step's field, and clearing the
        // property sets it to 0 (nothing can be typed), while a missing attribute is removed.
        maxlength={props.limits?.maxLength}
        value={props.value}
        onInput={(event) => props.onInput(event.currentTarget.value)}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy || undefined}
      />
      {props.error && (
        <p id={`${props.id}-error`} class="field-error">
          {props.error}
        </p>
      )}
    </div>
  );
}

/** The fields of a form that fail, in order: the first gets focus. */
export type FieldErrors<F extends string> = Partial<Record<F, string>>;

export const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * A new password typed twice (sign-up, reset): the password field with the policy as its hint, then the repeat.
 * The password field's id is `id`; the repeat's is `passwordRepeat`.
 */
export function NewPasswordFields(props: {
  id: string;
  label: string;
  values: { password: string; repeat: string };
  onInput: (field: 'password' | 'repeat', value: string) => void;
  errors: { password?: string | undefined; repeat?: string | undefined };
  /** The API's limits of the password (both fields). */
  limits?: InputLimits | undefined;
}) {
  const { t } = useI18n();
  return (
    <>
      <Field
        id={props.id}
        label={props.label}
        type="password"
        autocomplete="new-password"
        hint={t.account.passwordHint}
        limits={props.limits}
        value={props.values.password}
        onInput={(value) => props.onInput('password', value)}
        error={props.errors.password}
      />
      <Field
        id="passwordRepeat"
        limits={props.limits}
        label={t.account.passwordRepeat}
        type="password"
        autocomplete="new-password"
        value={props.values.repeat}
        onInput={(value) => props.onInput('repeat', value)}
        error={props.errors.repeat}
      />
    </>
  );
}

/** What is wrong with a new password typed twice, checked before the API is asked: the policy first, then the match. */
export function newPasswordErrors(
  password: string,
  repeat: string,
  messages: { passwordWeak: string; passwordsDiffer: string },
): { password?: string; repeat?: string } {
  if (passwordPolicyProblems(password).length) return { password: messages.passwordWeak };
  if (password !== repeat) return { repeat: messages.passwordsDiffer };
  return {};
}
