// "Forgot password": ask for a link by e-mail; the link opens "set a new password" (typed twice), and a changed
// password sends the person to sign in with it. Customers and staff alike.

import { useRef, useState } from 'preact/hooks';
import { api, ApiError, request, type Pool } from '../api.ts';
import { ErrorAlert, Frame, Link, signInPath, useTitle } from '../components.tsx';
import { EMAIL_SHAPE, Field, NewPasswordFields, newPasswordErrors, type FieldErrors } from '../fields.tsx';
import { limitsOf } from '../form-checks.ts';
import { useI18n } from '../i18n.ts';
import { navigate } from '../router.ts';
import { forgotPasswordPath } from './SignIn.tsx';

// The inputs enforce what the reset routes' schemas do.
const limits = {
  email: limitsOf(api.auth.startPasswordReset.request.body.shape.email),
  newPassword: limitsOf(api.auth.finishPasswordReset.request.body.shape.newPassword),
};

export function ForgotPasswordPage(props: { pool: Pool }) {
  const { t, locale } = useI18n();
  const [email, setEmail] = useState('');
  const [invalid, setInvalid] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useTitle(t.account.forgotTitle);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const trimmed = (input.current?.value ?? email).trim();
    const problem = !trimmed ? t.signIn.emailRequired : !EMAIL_SHAPE.test(trimmed) ? t.signIn.emailInvalid : undefined;
    setInvalid(problem);
    if (problem) return input.current?.focus();
    setBusy(true);
    setError(null);
    try {
      await request(api.auth.startPasswordReset, { path: { pool: props.pool }, body: { email: trimmed, locale } });
      setSentTo(trimmed);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Frame pool={props.pool}>
      <div class="narrow card">
        <h1 tabIndex={-1}>{t.account.forgotTitle}</h1>
        {sentTo ? (
          <p class="alert alert-info" role="status">
            {t.account.linkSent(sentTo)}
          </p>
        ) : (
          <>
            <p class="muted">{t.account.forgotIntro}</p>
            {error !== null && <ErrorAlert error={error} />}
            <form onSubmit={submit} noValidate aria-busy={busy}>
              <Field
                id="email"
                label={t.account.email}
                type="email"
                autocomplete="username"
                limits={limits.email}
                value={email}
                onInput={setEmail}
                error={invalid}
                inputRef={input}
              />
              <button type="submit" class="button primary" disabled={busy}>
                {busy ? t.account.sendingLink : t.account.sendLink}
              </button>
            </form>
          </>
        )}
        <p class="small switch-pool">
          <Link href={signInPath[props.pool]}>{t.account.backToSignIn}</Link>
        </p>
      </div>
    </Frame>
  );
}

type ResetField = 'newPassword' | 'passwordRepeat';

export function ResetPasswordPage(props: { pool: Pool }) {
  const { t } = useI18n();
  const params = new URLSearchParams(location.search);
  const email = params.get('email') ?? '';
  const code = params.get('code') ?? '';
  const complete = email !== '' && /^\d{6}$/.test(code);
  const [values, setValues] = useState<Record<ResetField, string>>({ newPassword: '', passwordRepeat: '' });
  const [invalid, setInvalid] = useState<FieldErrors<ResetField>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const form = useRef<HTMLFormElement>(null);
  useTitle(t.account.resetTitle);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const errors: FieldErrors<ResetField> = {};
    const passwordErrors = newPasswordErrors(values.newPassword, values.passwordRepeat, t.account);
    if (passwordErrors.password) errors.newPassword = passwordErrors.password;
    if (passwordErrors.repeat) errors.passwordRepeat = passwordErrors.repeat;
    setInvalid(errors);
    const first = Object.keys(errors)[0];
    if (first) return form.current?.querySelector<HTMLInputElement>(`#${first}`)?.focus();
    setBusy(true);
    setError(null);
    try {
      await request(api.auth.finishPasswordReset, { path: { pool: props.pool }, body: { email, code, newPassword: values.newPassword } });
      navigate(signInPath[props.pool], { replace: true, notice: 'passwordChanged' });
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  const linkDead = error instanceof ApiError && (error.code === 'CODE_MISMATCH' || error.code === 'CODE_EXPIRED');

  return (
    <Frame pool={props.pool}>
      <div class="narrow card">
        <h1 tabIndex={-1}>{t.account.resetTitle}</h1>
        {!complete ? (
          <p class="alert alert-error" role="alert">
            {t.account.linkBroken}
          </p>
        ) : (
          <>
            {error !== null && <ErrorAlert error={error} />}
            <form ref={form} onSubmit={submit} noValidate aria-busy={busy}>
              {/* For password managers, which save the new password under this address. */}
              <input type="email" name="username" autocomplete="username" aria-label={t.account.email} value={email} hidden readOnly />
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
              <button type="submit" class="button primary" disabled={busy}>
                {busy ? t.account.savingPassword : t.account.savePassword}
              </button>
            </form>
          </>
        )}
        <p class="small switch-pool">
          {(linkDead || !complete) && (
            <>
              <Link href={forgotPasswordPath[props.pool]}>{t.account.askNewLink}</Link>
              {' · '}
            </>
          )}
          <Link href={signInPath[props.pool]}>{t.account.backToSignIn}</Link>
        </p>
      </div>
    </Frame>
  );
}
