// The one submit of the web panels that act on the figures they show (web/src/pages/use-submit.ts: the plan panel and
// "Pay from balance"): one request at a time under the panel's idempotency key, the figures read again after a success
// and after a 409, a refusal kept for the alert.

import { describe, expect, it } from 'vitest';
import { ApiError } from '../../web/src/api.ts';
import { type SubmitSteps, submitOnce } from '../../web/src/pages/use-submit.ts';

/** The steps as a panel wires them, recording what happened in order. */
function panel(busy = false) {
  const seen: string[] = [];
  const state = { busy, error: undefined as unknown, reloads: 0 };
  const steps: SubmitSteps = {
    busy,
    key: 'key-1',
    setBusy: (value) => {
      state.busy = value;
      seen.push(`busy:${value}`);
    },
    setError: (value) => {
      state.error = value;
      seen.push(value === undefined ? 'error:cleared' : 'error:set');
    },
    reload: () => {
      state.reloads += 1;
      seen.push('reload');
    },
  };
  return { steps, seen, state };
}

describe('submitOnce', () => {
  it('sends with the panel key, reloads the figures and hands the answer on; busy only while it runs', async () => {
    const { steps, seen, state } = panel();
    const answers: string[] = [];
    await submitOnce(
      steps,
      async (key) => {
        seen.push(`send:${key}`);
        return 'changed';
      },
      (answer) => answers.push(answer),
    );
    expect(answers).toEqual(['changed']);
    expect(seen).toEqual(['busy:true', 'error:cleared', 'send:key-1', 'reload', 'busy:false']);
    expect(state).toMatchObject({ busy: false, error: undefined, reloads: 1 });
  });

  it('keeps a 409 refusal for the alert and reads the figures again', async () => {
    const { steps, state } = panel();
    const refusal = new ApiError(409, 'PRICE_CHANGED', 'The price changed.');
    await submitOnce(
      steps,
      () => Promise.reject(refusal),
      () => expect.unreachable(),
    );
    expect(state).toMatchObject({ busy: false, error: refusal, reloads: 1 });
  });

  it('keeps any other refusal without reloading (the figures did not move)', async () => {
    const { steps, state } = panel();
    const refusal = new ApiError(403, 'COMPANY_NOT_VERIFIED', 'Verify the company first.');
    await submitOnce(
      steps,
      () => Promise.reject(refusal),
      () => expect.unreachable(),
    );
    expect(state).toMatchObject({ busy: false, error: refusal, reloads: 0 });
  });

  it('sends nothing while a submit is running (a double click)', async () => {
    const { steps, seen } = panel(true);
    let sent = 0;
    await submitOnce(
      steps,
      async () => {
        sent += 1;
      },
      () => undefined,
    );
    expect(sent).toBe(0);
    expect(seen).toEqual([]);
  });
});
