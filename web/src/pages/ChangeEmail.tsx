// The change of the person's sign-in e-mail: the current address, the new one, then the code mailed to the new one.

import { useRef, useState } from 'preact/hooks';
import { api, request } from '../api.ts';
import { ErrorAlert, Frame, useResource, useTitle } from '../components.tsx';
import { EMAIL_SHAPE, Field } from '../fields.tsx';
import { limitsOf } from '../form-checks.ts';
import { useI18n } from '../i18n.ts';

const limits = {
  newEmail: limitsOf(api.notifications.startEmailChange.request.body.shape.newEmail),
  code: limitsOf(api.notifications.confirmEmailChange.request.body.shape.code),
};

export function ChangeEmailPage() {
  const { t, locale } = useI18n();
  const texts = t.notifications;
  useTitle(texts.emailTitle);
  const current = useResource((signal) => request(api.notifications.getMyEmail, { signal }), 'email');
  const [newEmail, setNewEmail] = useState('');
  const [code, setCode] = useState('');
  const [pending, setPending] = useState<string | null>(null);
  const [changedTo, setChangedTo] = useState<string | null>(null);
  const [invalid, setInvalid] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const emailInput = useRef<HTMLInputElement>(null);
  const codeInput = useRef<HTMLInputElement>(null);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const sendCode = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const trimmed = newEmail.trim();
    const problem = !trimmed ? texts.emailRequired : !EMAIL_SHAPE.test(trimmed) ? texts.emailInvalid : undefined;
    setInvalid(problem);
    if (problem) return emailInput.current?.focus();
    await run(async () => {
      const started = await request(api.notifications.startEmailChange, { body: { newEmail: trimmed, locale } });
      setPending(started.newEmail);
      setCode('');
    });
  };

  const confirm = async (event: Event) => {
    event.preventDefault();
    if (busy || pending === null) return;
    const problem = /^\d{6}$/.test(code.trim()) ? undefined : texts.codeInvalid;
    setInvalid(problem);
    if (problem) return codeInput.current?.focus();
    await run(async () => {
      const confirmed = await request(api.notifications.confirmEmailChange, { body: { newEmail: pending, code: code.trim() } });
      setChangedTo(confirmed.email);
      setPending(null);
    });
  };

  return (
    <Frame pool="customer" signedIn>
      <div class="narrow card" aria-busy={current.data === undefined && current.error === undefined}>
        <h1 tabIndex={-1}>{texts.emailTitle}</h1>
        {current.error !== undefined && <ErrorAlert error={current.error} />}
        <p data-testid="current-email">
          {texts.currentEmail}: <strong style={{ overflowWrap: 'anywhere' }}>{changedTo ?? current.data?.email ?? '…'}</strong>
        </p>
        {changedTo !== null ? (
          <p class="alert alert-info" role="status" data-testid="email-changed">
            {texts.emailChanged(changedTo)}
          </p>
        ) : pending === null ? (
          <form onSubmit={sendCode} noValidate aria-busy={busy}>
            <p class="muted">{texts.emailIntro}</p>
            {error !== null && <ErrorAlert error={error} />}
            <Field
              id="newEmail"
              label={texts.newEmail}
              type="email"
              autocomplete="email"
              limits={limits.newEmail}
              value={newEmail}
              onInput={setNewEmail}
              error={invalid}
              inputRef={emailInput}
            />
            <button type="submit" class="button primary" disabled={busy}>
              {texts.sendCode}
            </button>
          </form>
        ) : (
          <form onSubmit={confirm} noValidate aria-busy={busy}>
            <p class="alert alert-info" role="status">
              {texts.codeSent(pending)}
            </p>
            {error !== null && <ErrorAlert error={error} />}
            <Field
              id="code"
              label={texts.code}
              autocomplete="one-time-code"
              inputMode="numeric"
              limits={limits.code}
              value={code}
              onInput={setCode}
              error={invalid}
              inputRef={codeInput}
            />
            <button type="submit" class="button primary" disabled={busy}>
              {texts.confirmEmail}
            </button>{' '}
            <button
              type="button"
              class="button"
              disabled={busy}
              onClick={() => {
                setPending(null);
                setError(null);
              }}
            >
              {texts.otherAddress}
            </button>
          </form>
        )}
      </div>
    </Frame>
  );
}
