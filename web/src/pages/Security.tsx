// The customer's security centre: their IP allow-list (with a warning before a list that would shut out this
// device), their sign-in history a page at a time, and the way to the one-time security code for phone support.

import { useState } from 'preact/hooks';
import { ApiError, api, request, signOut, type ReplyOf } from '../api.ts';
import { ErrorAlert, Frame, Link, PagedTable, usePagedList, useResource, useTitle } from '../components.tsx';
import { Field, NewPasswordFields, newPasswordErrors } from '../fields.tsx';
import { limitsOf } from '../form-checks.ts';
import { useI18n } from '../i18n.ts';
import { navigate, type Notice } from '../router.ts';

// The inputs enforce what the password route's schema does.
const limits = {
  currentPassword: limitsOf(api.security.changePassword.request.body.shape.currentPassword),
  newPassword: limitsOf(api.security.changePassword.request.body.shape.newPassword),
};

/** Both actions end every session, this one's too: forget it here and open the sign-in page with the reason. */
function signedOutHere(notice: Notice): void {
  void signOut('customer');
  navigate('/sign-in', { notice });
}

type AllowList = ReplyOf<typeof api.security.getIpAllowList>;

/** The lines the server refused, from the error's details (`{ line, entry }` each; line 0: the list as a whole). */
function badLines(error: unknown): Array<{ line: number; entry: string }> {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION_FAILED' || !Array.isArray(error.details)) return [];
  return error.details.flatMap((detail) =>
    typeof detail.line === 'number' ? [{ line: detail.line, entry: typeof detail.entry === 'string' ? detail.entry : '' }] : [],
  );
}

function AllowListForm(props: { initial: AllowList }) {
  const { t } = useI18n();
  const [current, setCurrent] = useState<AllowList>(props.initial);
  const [text, setText] = useState(props.initial.entries.join('\n'));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [confirming, setConfirming] = useState(false);
  const [saved, setSaved] = useState(false);

  const save = async (confirmLockout: boolean) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      const lines = text.split('\n');
      setCurrent(await request(api.security.setIpAllowList, { body: confirmLockout ? { lines, confirmLockout } : { lines } }));
      setConfirming(false);
      setSaved(true);
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'LOCKOUT_NOT_CONFIRMED') setConfirming(true);
      else setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const problems = badLines(error);
  return (
    <form
      class="card section"
      aria-labelledby="allow-list-heading"
      aria-busy={busy}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save(false);
      }}
    >
      <h2 id="allow-list-heading">{t.security.allowListHeading}</h2>
      <p class="muted">{t.security.allowListIntro}</p>
      <p data-testid="current-address">
        {t.security.currentAddress(current.currentAddress)}{' '}
        <strong>{current.currentAddressAllowed ? t.security.currentAllowed : t.security.currentNotAllowed}</strong>
      </p>
      <div class="field">
        <label for="allow-list">{t.security.allowListLabel}</label>
        <p class="hint muted small" id="allow-list-hint">
          {t.security.allowListHint(current.maxEntries)}
        </p>
        <textarea
          id="allow-list"
          rows={6}
          spellcheck={false}
          aria-describedby={problems.length > 0 ? 'allow-list-hint allow-list-problems' : 'allow-list-hint'}
          aria-invalid={problems.length > 0}
          value={text}
          onInput={(event) => {
            setText(event.currentTarget.value);
            setConfirming(false);
            setSaved(false);
          }}
        />
        {problems.length > 0 && (
          <ul class="field-error" id="allow-list-problems" role="alert" data-testid="allow-list-problems">
            {problems.map((problem) => (
              <li key={`${problem.line}-${problem.entry}`}>
                {problem.line === 0 ? t.security.tooManyEntries(current.maxEntries) : t.security.badLine(problem.line, problem.entry)}
              </li>
            ))}
          </ul>
        )}
      </div>
      {error !== null && problems.length === 0 && <ErrorAlert error={error} />}
      {confirming ? (
        <div class="alert alert-error" role="alert" data-testid="lockout-warning">
          <p>{t.security.lockoutWarning(current.currentAddress)}</p>
          <p>
            <button type="button" class="button primary" disabled={busy} onClick={() => void save(true)}>
              {t.security.saveAnyway}
            </button>{' '}
            <button type="button" class="button secondary" disabled={busy} onClick={() => setConfirming(false)}>
              {t.security.cancel}
            </button>
          </p>
        </div>
      ) : (
        <button type="submit" class="button primary" disabled={busy}>
          {t.security.save}
        </button>
      )}
      {saved && (
        <p class="alert alert-info" role="status">
          {current.entries.length === 0 ? t.security.savedEmpty : t.security.saved}
        </p>
      )}
    </form>
  );
}

function ChangePasswordForm() {
  const { t } = useI18n();
  const [values, setValues] = useState({ currentPassword: '', newPassword: '', passwordRepeat: '' });
  const [invalid, setInvalid] = useState<{ currentPassword?: string; newPassword?: string; passwordRepeat?: string }>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const found = newPasswordErrors(values.newPassword, values.passwordRepeat, t.account);
    const errors = {
      ...(values.currentPassword === '' ? { currentPassword: t.form.required } : {}),
      ...(found.password ? { newPassword: found.password } : {}),
      ...(found.repeat ? { passwordRepeat: found.repeat } : {}),
    };
    setInvalid(errors);
    setError(null);
    const first = Object.keys(errors)[0];
    if (first) return document.getElementById(first)?.focus();
    setBusy(true);
    try {
      await request(api.security.changePassword, {
        body: { currentPassword: values.currentPassword, newPassword: values.newPassword },
      });
      signedOutHere('passwordChanged');
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'WRONG_PASSWORD') setInvalid({ currentPassword: t.errors.WRONG_PASSWORD });
      else if (caught instanceof ApiError && caught.code === 'WEAK_PASSWORD') setInvalid({ newPassword: t.account.passwordWeak });
      else setError(caught);
      setBusy(false);
    }
  };
  return (
    <form class="card section" aria-labelledby="password-heading" aria-busy={busy} noValidate onSubmit={submit}>
      <h2 id="password-heading">{t.security.passwordHeading}</h2>
      <p class="muted">{t.security.passwordIntro}</p>
      <Field
        id="currentPassword"
        label={t.security.currentPassword}
        type="password"
        autocomplete="current-password"
        limits={limits.currentPassword}
        value={values.currentPassword}
        onInput={(value) => setValues((current) => ({ ...current, currentPassword: value }))}
        error={invalid.currentPassword}
      />
      <NewPasswordFields
        id="newPassword"
        label={t.account.newPassword}
        limits={limits.newPassword}
        values={{ password: values.newPassword, repeat: values.passwordRepeat }}
        onInput={(field, value) =>
          setValues((current) => ({ ...current, [field === 'password' ? 'newPassword' : 'passwordRepeat']: value }))
        }
        errors={{ password: invalid.newPassword, repeat: invalid.passwordRepeat }}
      />
      {error !== null && <ErrorAlert error={error} />}
      <button type="submit" class="button primary" disabled={busy}>
        {t.security.changePassword}
      </button>
    </form>
  );
}

function SignOutEverywhere() {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      await request(api.security.signOutOtherSessions, {});
      signedOutHere('signedOutEverywhere');
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };
  return (
    <section class="card section" aria-labelledby="sessions-heading" aria-busy={busy}>
      <h2 id="sessions-heading">{t.security.sessionsHeading}</h2>
      <p class="muted">{t.security.sessionsIntro}</p>
      {confirming ? (
        <div class="alert alert-info" role="alert">
          <p>{t.security.signOutConfirm}</p>
          <p>
            <button type="button" class="button primary" disabled={busy} onClick={() => void run()}>
              {t.security.signOutEverywhere}
            </button>{' '}
            <button type="button" class="button secondary" disabled={busy} onClick={() => setConfirming(false)}>
              {t.security.cancel}
            </button>
          </p>
        </div>
      ) : (
        <button type="button" class="button secondary" onClick={() => setConfirming(true)}>
          {t.security.signOutEverywhere}
        </button>
      )}
      {error !== null && <ErrorAlert error={error} />}
    </section>
  );
}

function SignInHistory() {
  const { t, formatDateTime } = useI18n();
  const list = usePagedList((page, signal) => request(api.account.listMySignIns, { query: page, signal }));
  return (
    <section class="section" aria-labelledby="history-heading">
      <h2 id="history-heading">{t.security.historyHeading}</h2>
      <p class="muted">{t.security.historyIntro}</p>
      <PagedTable
        list={list}
        testId="sign-in-history"
        caption={t.security.historyCaption}
        empty={{ title: t.security.historyEmpty, help: t.security.historyEmptyHelp }}
        showing={t.security.showing(list.items.length)}
        head={
          <>
            <th scope="col">{t.security.when}</th>
            <th scope="col">{t.security.address}</th>
            <th scope="col">{t.security.method}</th>
            <th scope="col">{t.security.device}</th>
            <th scope="col">{t.security.country}</th>
            <th scope="col">{t.security.outcome}</th>
          </>
        }
        row={(signIn) => (
          <tr key={`${signIn.at}-${signIn.sourceIp}`}>
            <td>
              <time dateTime={signIn.at}>{formatDateTime(signIn.at)}</time>
            </td>
            <td>{signIn.sourceIp}</td>
            <td>{t.security.methods[signIn.method]}</td>
            <td class="small">{signIn.device ?? signIn.userAgent ?? t.app.notAvailable}</td>
            <td>{signIn.country ?? t.app.notAvailable}</td>
            <td>
              {signIn.outcome === 'failure'
                ? signIn.failure === 'ip-not-allowed'
                  ? t.security.failedIpNotAllowed
                  : t.security.failed
                : t.security.succeeded}
            </td>
          </tr>
        )}
      />
    </section>
  );
}

export function SecurityPage() {
  const { t } = useI18n();
  useTitle(t.security.title);
  const allowList = useResource((signal) => request(api.security.getIpAllowList, { signal }), 'allow-list');
  return (
    <Frame pool="customer" signedIn>
      <div class="page-head">
        <h1 tabIndex={-1}>{t.security.heading}</h1>
        <p class="muted">{t.security.intro}</p>
      </div>
      <section class="card section" aria-labelledby="code-heading">
        <h2 id="code-heading">{t.security.codeHeading}</h2>
        <p class="muted">{t.security.codeIntro}</p>
        <p>
          <Link href="/account/security/code">{t.security.codeLink}</Link>
        </p>
      </section>
      {allowList.error !== undefined && <ErrorAlert error={allowList.error} onRetry={allowList.retry} />}
      {/* The history below waits for the list, so nothing moves when the list arrives. */}
      {allowList.data ? (
        <>
          <AllowListForm initial={allowList.data} />
          <ChangePasswordForm />
          <SignOutEverywhere />
          <SignInHistory />
        </>
      ) : (
        allowList.error === undefined && <p role="status">{t.app.loading}</p>
      )}
    </Frame>
  );
}
