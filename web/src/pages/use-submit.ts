// The submit of a panel that shows figures and asks the server to act on them (change a plan, pay from the balance):
// one request at a time under a fresh idempotency key, its refusal shown, and the figures read again after a success
// and after a 409 (the price, the balance or the order moved since they were shown).

import { useMemo, useState } from 'preact/hooks';
import { ApiError } from '../api.ts';

export interface SubmitSteps {
  busy: boolean;
  key: string;
  setBusy: (busy: boolean) => void;
  setError: (error: unknown) => void;
  /** Read the panel's figures again (and take a new idempotency key). */
  reload: () => void;
}

/** One submit: `send` with the key, then `done` with its answer; a refusal is kept for the alert, a 409 reloads. */
export async function submitOnce<T>(steps: SubmitSteps, send: (key: string) => Promise<T>, done: (answer: T) => void): Promise<void> {
  if (steps.busy) return;
  steps.setBusy(true);
  steps.setError(undefined);
  try {
    const answer = await send(steps.key);
    steps.reload();
    done(answer);
  } catch (caught) {
    steps.setError(caught);
    // The figures moved: show today's under the refusal.
    if (caught instanceof ApiError && caught.status === 409) steps.reload();
  } finally {
    steps.setBusy(false);
  }
}

export interface Submitting {
  /** How many times the figures were read again: part of the panel's resource key. */
  loads: number;
  busy: boolean;
  /** The last refusal (undefined when none). */
  error: unknown;
  clearError: () => void;
  submit: <T>(send: (key: string) => Promise<T>, done: (answer: T) => void) => Promise<void>;
}

export function useSubmit(): Submitting {
  const [loads, setLoads] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const key = useMemo(() => crypto.randomUUID(), [loads]);
  const steps: SubmitSteps = { busy, key, setBusy, setError, reload: () => setLoads((count) => count + 1) };
  return {
    loads,
    busy,
    error,
    clearError: () => setError(undefined),
    submit: (send, done) => submitOnce(steps, send, done),
  };
}
