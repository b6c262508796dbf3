// Two-step sign-in for either pool: e-mail and password, then the 6-digit code that was e-mailed.

import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, isSignedIn, startSignIn, verifySignInCode, type Pool } from '../api.ts';
import { ErrorAlert, Frame, Link, signInPath, useTitle } from '../components.tsx';
import { useI18n } from '../i18n.ts';
import { navigate, type Notice } from '../router.ts';

// The local adapter and Cognito both end a challenge after three wrong codes.
const MAX_CODE_TRIES = 3;

const homeOf: Record<Pool, string> = { customer: '/licences', staff: '/admin/customers' };

type Step = { kind: 'credentials' } | { kind: 'code'; session: string; destination: string; wrongTries: number };

// Kept as causes, not text, so switching language re-words what is already on screen.
type Problem =
  | { kind: 'api'; error: unknown }
  | { kind: 'triesLeft'; left: number }
  | { kind: 'tooManyTries' };

type Field = 'email' | 'password' | 'code';

const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function SignInPage(props: { pool: Pool; notice?: Notice | undefined }) {
  const { t, locale } = useI18n();
  const { pool } = props;
  const [step, setStep] = useState<Step>({ kind: 'credentials' });
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [invalid, setInvalid] = useState<Partial<Record<Field, string>>>({});
  const emailInput = useRef<HTMLInputElement>(null);
  const passwordInput = useRef<HTMLInputElement>(null);
  const codeInput = useRef<HTMLInputElement>(null);

  useTitle(pool === 'staff' ? t.signIn.staffTitle : t.signIn.customerTitle);

  useEffect(() => {
    if (isSignedIn(pool)) navigate(homeOf[pool], { replace: true });
  }, [pool]);

  useEffect(() => {
    if (step.kind === 'code') codeInput.current?.focus();
  }, [step.kind]);

  const submitCredentials = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    // Read the fields themselves: autofill does not always fire input events.
    const trimmed = (emailInput.current?.value ?? email).trim();
    const secret = passwordInput.current?.value ?? password;
    const errors: Partial<Record<Field, string>> = {};
    if (!trimmed) errors.email = t.signIn.emailRequired;
    else if (!EMAIL_SHAPE.test(trimmed)) errors.email = t.signIn.emailInvalid;
    if (!secret) errors.password = t.signIn.passwordRequired;
    setEmail(trimmed);
    setInvalid(errors);
    if (errors.email) return emailInput.current?.focus();
    if (errors.password) return passwordInput.current?.focus();

    setBusy(true);
    setProblem(null);
    try {
      const challenge = await startSignIn(pool, { email: trimmed, password: secret, locale });
      setPassword('');
      setCode('');
      setStep({ kind: 'code', session: challenge.session, destination: challenge.destination, wrongTries: 0 });
    } catch (error) {
      setProblem({ kind: 'api', error });
      passwordInput.current?.select();
    } finally {
      setBusy(false);
    }
  };

  const submitCode = async (event: Event) => {
    event.preventDefault();
    if (busy || step.kind !== 'code') return;
    const digits = (codeInput.current?.value ?? code).replace(/\D/g, '');
    if (!/^\d{6}$/.test(digits)) {
      setInvalid({ code: t.signIn.codeInvalid });
      return codeInput.current?.focus();
    }
    setInvalid({});
    setBusy(true);
    setProblem(null);
    try {
      await verifySignInCode(pool, { session: step.session, code: digits });
      navigate(homeOf[pool], { replace: true });
    } catch (error) {
      setBusy(false);
      if (error instanceof ApiError && error.code === 'CODE_MISMATCH') {
        const wrongTries = step.wrongTries + 1;
        if (wrongTries >= MAX_CODE_TRIES) {
          startAgain({ kind: 'tooManyTries' });
        } else {
          setStep({ ...step, wrongTries });
          setProblem({ kind: 'triesLeft', left: MAX_CODE_TRIES - wrongTries });
          setCode('');
          codeInput.current?.focus();
        }
        return;
      }
      setProblem({ kind: 'api', error });
    }
  };

  const startAgain = (why: Problem | null) => {
    setStep({ kind: 'credentials' });
    setCode('');
    setInvalid({});
    setProblem(why);
    // After the re-render the password field exists again.
    setTimeout(() => passwordInput.current?.focus(), 0);
  };

  const onCodeInput = (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    // Pasted codes often carry spaces or dashes ("123 456"); keep the digits only.
    const digits = input.value.replace(/\D/g, '').slice(0, 6);
    input.value = digits;
    setCode(digits);
  };

  const title = pool === 'staff' ? t.signIn.staffTitle : t.signIn.customerTitle;
  const notice =
    props.notice === 'sessionEnded' ? t.signIn.sessionEnded : props.notice === 'signedOut' ? t.signIn.signedOut : null;

  const problemView =
    problem === null ? null : problem.kind === 'api' ? (
      <ErrorAlert error={problem.error} />
    ) : (
      <div class="alert alert-error" role="alert">
        <p>{problem.kind === 'tooManyTries' ? t.signIn.tooManyTries : t.signIn.triesLeft(problem.left)}</p>
      </div>
    );

  return (
    <Frame pool={pool}>
      <div class="narrow card">
        {step.kind === 'credentials' ? (
          <>
            <h1 tabIndex={-1}>{title}</h1>
            <p class="muted">{pool === 'staff' ? t.signIn.staffIntro : t.signIn.customerIntro}</p>
            {notice && !problem && (
              <p class="alert alert-info" role="status">
                {notice}
              </p>
            )}
            {problemView}
            <form onSubmit={submitCredentials} noValidate aria-busy={busy}>
              <div class="field">
                <label for="email">{t.signIn.email}</label>
                <input
                  ref={emailInput}
                  id="email"
                  name="email"
                  type="email"
                  autocomplete="username"
                  required
                  value={email}
                  onInput={(event) => setEmail(event.currentTarget.value)}
                  aria-invalid={invalid.email ? true : undefined}
                  aria-describedby={invalid.email ? 'email-error' : undefined}
                />
                {invalid.email && (
                  <p id="email-error" class="field-error">
                    {invalid.email}
                  </p>
                )}
              </div>
              <div class="field">
                <label for="password">{t.signIn.password}</label>
                <input
                  ref={passwordInput}
                  id="password"
                  name="password"
                  type="password"
                  autocomplete="current-password"
                  required
                  value={password}
                  onInput={(event) => setPassword(event.currentTarget.value)}
                  aria-invalid={invalid.password ? true : undefined}
                  aria-describedby={invalid.password ? 'password-error' : undefined}
                />
                {invalid.password && (
                  <p id="password-error" class="field-error">
                    {invalid.password}
                  </p>
                )}
              </div>
              <button type="submit" class="button primary" disabled={busy}>
                {t.signIn.submit}
              </button>
              {busy && (
                <p class="muted small" role="status">
                  {t.signIn.submitting}
                </p>
              )}
            </form>
            {pool === 'staff' && (
              <p class="small switch-pool">
                <Link href={signInPath.customer}>{t.signIn.toCustomer}</Link>
              </p>
            )}
          </>
        ) : (
          <>
            <h1 tabIndex={-1}>{t.signIn.codeTitle}</h1>
            <p>{t.signIn.codeSent(step.destination)}</p>
            <p class="muted small">{t.signIn.codeHint}</p>
            {problemView}
            <form onSubmit={submitCode} noValidate aria-busy={busy}>
              <div class="field">
                <label for="code">{t.signIn.code}</label>
                <input
                  ref={codeInput}
                  id="code"
                  name="code"
                  class="code-input"
                  type="text"
                  inputMode="numeric"
                  autocomplete="one-time-code"
                  pattern="[0-9]{6}"
                  required
                  value={code}
                  onInput={onCodeInput}
                  aria-invalid={invalid.code ? true : undefined}
                  aria-describedby={invalid.code ? 'code-error' : undefined}
                />
                {invalid.code && (
                  <p id="code-error" class="field-error">
                    {invalid.code}
                  </p>
                )}
              </div>
              <button type="submit" class="button primary" disabled={busy}>
                {t.signIn.verify}
              </button>
              {busy && (
                <p class="muted small" role="status">
                  {t.signIn.verifying}
                </p>
              )}
            </form>
            <p class="small switch-pool">
              <button type="button" class="link-button" onClick={() => startAgain(null)}>
                {t.signIn.startAgain}
              </button>
            </p>
          </>
        )}
      </div>
    </Frame>
  );
}
