// Sign-up for customers: name, e-mail and password, optionally a support contract number with its activation code;
// then "check your e-mail" with a way to get the confirmation link again.

import { useRef, useState } from 'preact/hooks';
import { api, ApiError, request } from '../api.ts';
import { ErrorAlert, Frame, Link, signInPath, useTitle } from '../components.tsx';
import { EMAIL_SHAPE, Field, fieldOf, NewPasswordFields, newPasswordErrors, type FieldErrors, type FormState } from '../fields.tsx';
import { apiIssues, fieldErrorsOf, limitsOf } from '../form-checks.ts';
import { useI18n } from '../i18n.ts';

type FieldName = 'name' | 'email' | 'password' | 'passwordRepeat' | 'contractNumber' | 'activationCode';

// Each input enforces what the API's sign-up schema does.
const schema = api.auth.signUp.request.body;
const contractShape = schema.shape.contract._zod.def.innerType.shape;
const limits = {
  name: limitsOf(schema.shape.name),
  email: limitsOf(schema.shape.email),
  password: limitsOf(schema.shape.password),
  contractNumber: limitsOf(contractShape.contractNumber),
  activationCode: limitsOf(contractShape.activationCode),
};

/** The field an API validation detail is about (`body.contract.activationCode` is the activation code's field). */
function fieldOfPath(path: string): FieldName | undefined {
  const fields: Record<string, FieldName> = {
    'body.name': 'name',
    'body.email': 'email',
    'body.password': 'password',
    'body.contract.contractNumber': 'contractNumber',
    'body.contract.activationCode': 'activationCode',
  };
  return fields[path];
}

export function SignUpPage() {
  const { t, locale } = useI18n();
  const [values, setValues] = useState<Record<FieldName, string>>({
    name: '',
    email: '',
    password: '',
    passwordRepeat: '',
    contractNumber: '',
    activationCode: '',
  });
  const [withContract, setWithContract] = useState(false);
  const [invalid, setInvalid] = useState<FieldErrors<FieldName>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState<{ email: string; destination: string; resent: boolean } | null>(null);
  const form = useRef<HTMLFormElement>(null);
  useTitle(t.account.signUpTitle);

  const set = (name: FieldName) => (value: string) => setValues((current) => ({ ...current, [name]: value }));
  const fields: FormState<FieldName> = { values, set, invalid, limits };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const v = { ...values, name: values.name.trim(), email: values.email.trim() };
    const errors: FieldErrors<FieldName> = {};
    if (!v.name) errors.name = t.account.nameRequired;
    if (!v.email) errors.email = t.signIn.emailRequired;
    else if (!EMAIL_SHAPE.test(v.email)) errors.email = t.signIn.emailInvalid;
    const passwordErrors = newPasswordErrors(v.password, v.passwordRepeat, t.account);
    if (passwordErrors.password) errors.password = passwordErrors.password;
    if (passwordErrors.repeat) errors.passwordRepeat = passwordErrors.repeat;
    if (withContract && !v.contractNumber.trim()) errors.contractNumber = t.account.contractRequired;
    if (withContract && !v.activationCode.trim()) errors.activationCode = t.account.contractRequired;
    setInvalid(errors);
    const first = Object.keys(errors)[0];
    if (first) return form.current?.querySelector<HTMLInputElement>(`#${first}`)?.focus();

    setBusy(true);
    setError(null);
    const body = {
      email: v.email,
      password: v.password,
      name: v.name,
      locale,
      ...(withContract ? { contract: { contractNumber: v.contractNumber.trim(), activationCode: v.activationCode.trim() } } : {}),
    };
    try {
      const result = await request(api.auth.signUp, { body });
      setSent({ email: v.email, destination: result.destination, resent: false });
    } catch (caught) {
      setError(caught);
      // The API names the fields it refused: each gets its message under it, and the first one the focus.
      if (caught instanceof ApiError) {
        const fromServer = fieldErrorsOf(apiIssues(caught, schema, body), fieldOfPath, t.form);
        setInvalid(fromServer);
        const firstRefused = Object.keys(fromServer)[0];
        if (firstRefused) form.current?.querySelector<HTMLInputElement>(`#${firstRefused}`)?.focus();
      }
    } finally {
      setBusy(false);
    }
  };

  const resend = async () => {
    if (!sent || busy) return;
    setBusy(true);
    setError(null);
    try {
      await request(api.auth.resendConfirmation, { body: { email: sent.email, locale } });
      setSent({ ...sent, resent: true });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  if (sent) {
    return (
      <Frame pool="customer">
        <div class="narrow card">
          <h1 tabIndex={-1}>{t.account.checkEmailTitle}</h1>
          <p>{t.account.checkEmailBody(sent.destination)}</p>
          <p class="muted small">{t.account.checkEmailHint}</p>
          {sent.resent && (
            <p class="alert alert-info" role="status">
              {t.account.linkResent}
            </p>
          )}
          {error !== null && <ErrorAlert error={error} />}
          <p class="small">
            <button type="button" class="link-button" onClick={() => void resend()} disabled={busy}>
              {t.account.resendLink}
            </button>
            {' · '}
            <Link href={signInPath.customer}>{t.account.backToSignIn}</Link>
          </p>
        </div>
      </Frame>
    );
  }

  return (
    <Frame pool="customer">
      <div class="narrow card">
        <h1 tabIndex={-1}>{t.account.signUpTitle}</h1>
        <p class="muted">{t.account.signUpIntro}</p>
        {error !== null && <ErrorAlert error={error} />}
        <form ref={form} onSubmit={submit} noValidate aria-busy={busy}>
          <Field {...fieldOf(fields, 'name')} label={t.account.name} autocomplete="name" />
          <Field {...fieldOf(fields, 'email')} label={t.account.email} type="email" autocomplete="email" />
          <NewPasswordFields
            id="password"
            limits={limits.password}
            label={t.account.password}
            values={{ password: values.password, repeat: values.passwordRepeat }}
            onInput={(field, value) => set(field === 'password' ? 'password' : 'passwordRepeat')(value)}
            errors={{ password: invalid.password, repeat: invalid.passwordRepeat }}
          />
          <div class="field checkbox">
            <input
              id="withContract"
              type="checkbox"
              checked={withContract}
              onChange={(event) => setWithContract(event.currentTarget.checked)}
            />
            <label for="withContract">{t.account.haveContract}</label>
          </div>
          {withContract && (
            <fieldset class="contract">
              <legend class="visually-hidden">{t.account.haveContract}</legend>
              <p class="muted small">{t.account.contractHint}</p>
              <Field {...fieldOf(fields, 'contractNumber')} label={t.account.contractNumber} autocomplete="off" />
              <Field {...fieldOf(fields, 'activationCode')} label={t.account.activationCode} autocomplete="off" />
            </fieldset>
          )}
          <button type="submit" class="button primary" disabled={busy}>
            {t.account.submitSignUp}
          </button>
          {busy && (
            <p class="muted small" role="status">
              {t.account.submittingSignUp}
            </p>
          )}
        </form>
        <p class="small switch-pool">
          {t.account.haveAccount} <Link href={signInPath.customer}>{t.account.toSignIn}</Link>
        </p>
      </div>
    </Frame>
  );
}
