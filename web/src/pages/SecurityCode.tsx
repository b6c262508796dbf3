// The one-time security code for phone support: the person sets (or replaces) it with their password and sees only
// whether one is set and when; and the staff's small "verify" form on the customer page, answering match or no match.

import { useState } from 'preact/hooks';
import { SECURITY_CODE_PATTERN } from '#shared/api/security-code.ts';
import { api, request, type ReplyOf } from '../api.ts';
import { ErrorAlert, Frame, Link, useResource, useTitle } from '../components.tsx';
import { useI18n } from '../i18n.ts';

type Status = ReplyOf<typeof api.securityCode.getSecurityCode>;

function SetCodeForm(props: { onSaved: (status: Status) => void }) {
  const { t } = useI18n();
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [invalid, setInvalid] = useState(false);
  const save = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const wellFormed = SECURITY_CODE_PATTERN.test(code);
    setInvalid(!wellFormed);
    if (!wellFormed) return;
    setBusy(true);
    setError(null);
    try {
      props.onSaved(await request(api.securityCode.setSecurityCode, { body: { password, code } }));
      setPassword('');
      setCode('');
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="card section" onSubmit={save} aria-busy={busy} aria-labelledby="set-code-heading" noValidate>
      <h2 id="set-code-heading">{t.securityCode.setHeading}</h2>
      <div class="field">
        <label for="security-code">{t.securityCode.codeLabel}</label>
        <input
          id="security-code"
          type="password"
          autocomplete="off"
          inputMode="text"
          maxLength={12}
          value={code}
          aria-invalid={invalid}
          aria-describedby="security-code-hint"
          onInput={(event) => setCode(event.currentTarget.value.trim())}
        />
        <p id="security-code-hint" class={invalid ? 'field-error' : 'muted small'}>
          {t.securityCode.codeHint}
        </p>
      </div>
      <div class="field">
        <label for="security-code-password">{t.securityCode.passwordLabel}</label>
        <input
          id="security-code-password"
          type="password"
          autocomplete="current-password"
          value={password}
          onInput={(event) => setPassword(event.currentTarget.value)}
        />
      </div>
      {error !== null && <ErrorAlert error={error} />}
      <button type="submit" class="button primary" disabled={busy || password === ''}>
        {busy ? t.securityCode.saving : t.securityCode.save}
      </button>
    </form>
  );
}

export function SecurityCodePage() {
  const { t, formatDateTime } = useI18n();
  useTitle(t.securityCode.title);
  const status = useResource((signal) => request(api.securityCode.getSecurityCode, { signal }), 'security-code');
  const [latest, setLatest] = useState<Status | undefined>(undefined);
  const [justSaved, setJustSaved] = useState(false);
  const shown = latest ?? status.data;
  return (
    <Frame pool="customer" signedIn>
      <div class="page-head">
        <p>
          <Link href="/account/security">{t.securityCode.back}</Link>
        </p>
        <h1 tabIndex={-1}>{t.securityCode.heading}</h1>
        <p class="muted">{t.securityCode.intro}</p>
      </div>
      {status.error !== undefined && <ErrorAlert error={status.error} onRetry={status.retry} />}
      {shown ? (
        <>
          <p class="card section" data-testid="security-code-status" role="status">
            {shown.set && shown.setAt ? t.securityCode.isSet(formatDateTime(shown.setAt)) : t.securityCode.notSet}
          </p>
          {justSaved && (
            <p class="alert alert-info" role="status">
              {t.securityCode.saved}
            </p>
          )}
          <SetCodeForm
            onSaved={(saved) => {
              setLatest(saved);
              setJustSaved(true);
            }}
          />
        </>
      ) : (
        status.error === undefined && <p role="status">{t.securityCode.loading}</p>
      )}
    </Frame>
  );
}

/** Staff: checks a code the person reads on the phone; shows only match, no match or "no code set". */
export function VerifySecurityCodeForm(props: { accountId: string; personId: string; email: string }) {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<ReplyOf<typeof api.securityCode.staffVerifySecurityCode> | undefined>(undefined);
  const id = `verify-code-${props.personId}`;
  const verify = async (event: Event) => {
    event.preventDefault();
    if (busy || !SECURITY_CODE_PATTERN.test(code)) return;
    setBusy(true);
    setError(null);
    setResult(undefined);
    try {
      setResult(
        await request(api.securityCode.staffVerifySecurityCode, {
          path: { accountId: props.accountId, personId: props.personId },
          body: { code },
        }),
      );
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="verify-code" onSubmit={verify} aria-busy={busy} noValidate data-testid={`verify-code-${props.email}`}>
      <label for={id}>{t.securityCode.verifyLabel}</label>
      <input
        id={id}
        type="text"
        autocomplete="off"
        maxLength={12}
        size={10}
        value={code}
        onInput={(event) => {
          setCode(event.currentTarget.value.replace(/\s/g, ''));
          setResult(undefined);
        }}
      />
      <button type="submit" class="button" disabled={busy || !SECURITY_CODE_PATTERN.test(code)}>
        {busy ? t.securityCode.verifying : t.securityCode.verify}
      </button>
      {result && (
        <p role="status" class={result.match ? 'alert alert-info' : 'alert alert-error'}>
          {result.match ? t.securityCode.match : result.set ? t.securityCode.noMatch : t.securityCode.noCodeSet}
        </p>
      )}
      {error !== null && <ErrorAlert error={error} />}
    </form>
  );
}
