// One labelled form field with its error, so every form says errors the same way (aria-invalid, aria-describedby).

import type { Ref } from 'preact';

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
        type={props.type ?? 'text'}
        autocomplete={props.autocomplete}
        inputMode={props.inputMode}
        required={props.required ?? true}
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
