// Two-step sign-in for either pool: e-mail and password (or, for customers, e-mail and an order number), then the
// 6-digit code that was e-mailed.

import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError, isSignedIn, request, verifySignInCode, type Pool } from '../api.ts';
import { ErrorAlert, Frame, Link, signInPath, useTitle } from '../components.tsx';
import { EMAIL_SHAPE, Field, type FieldErrors } from '../fields.tsx';
import { limitsOf } from '../form-checks.ts';
import { useI18n } from '../i18n.ts';
import { navigate, safeNextPath, type Notice } from '../router.ts';
import { isPartnerSignIn, PARTNER_HOME, PartnerHint, PartnersLink } from './Distributors.tsx';

// The local adapter and Cognito both end a challenge after three wrong codes.
const MAX_CODE_TRIES = 3;

// The inputs enforce what the sign-in routes' schemas do.
const limits = {
  email: limitsOf(api.auth.startSignIn.request.body.shape.email),
  password: limitsOf(api.auth.startSignIn.request.body.shape.password),
  orderNumber: limitsOf(api.auth.startOrderSignIn.request.body.shape.orderReference),
};

/** How long "Send a new code" waits when the API does not say (it answers `resendAfterSeconds` with each challenge). */
export const DEFAULT_RESEND_AFTER_SECONDS = 30;

function resendDelay(challenge: object): number {
  const seconds = 'resendAfterSeconds' in challenge ? challenge.resendAfterSeconds : undefined;
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0 ? seconds : DEFAULT_RESEND_AFTER_SECONDS;
}

/** The wait a 429 answer asks for, in seconds, when it says. */
function retryAfter(error: unknown): number | undefined {
  if (!(error instanceof ApiError) || error.code !== 'TOO_MANY_REQUESTS') return undefined;
  const seconds = error.details && !Array.isArray(error.details) ? Number(error.details.retryAfterSeconds) : NaN;
  return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : undefined;
}

/** Whole seconds until `until` (epoch ms), ticking once a second while there are any. */
function useSecondsUntil(until: number): number {
  // `now` only re-renders; the count reads the clock itself, so a new `until` is right from its first render.
  const [now, setNow] = useState(() => Date.now());
  const left = Math.max(0, Math.ceil((until - Date.now()) / 1000));
  useEffect(() => {
    if (left === 0) return;
    const timer = setTimeout(() => setNow(Date.now()), Math.min(1000, until - Date.now()));
    return () => clearTimeout(timer);
  }, [until, now, left]);
  return left;
}

const homeOf: Record<Pool, string> = { customer: '/home', staff: '/admin/customers' };
export const forgotPasswordPath: Record<Pool, string> = { customer: '/forgot-password', staff: '/admin/forgot-password' };

type Method = 'password' | 'order-number';
type Step = { kind: 'credentials' } | { kind: 'code'; session: string; destination: string; wrongTries: number };

// Kept as causes, not text, so switching language re-words what is already on screen.
type Problem = { kind: 'api'; error: unknown } | { kind: 'triesLeft'; left: number } | { kind: 'tooManyTries' } | { kind: 'codeResent' };

type FieldName = 'email' | 'password' | 'orderNumber' | 'code';

export function SignInPage(props: { pool: Pool; notice?: Notice | undefined }) {
  const { t, locale } = useI18n();
  const { pool } = props;
  const [method, setMethod] = useState<Method>('password');
  const [step, setStep] = useState<Step>({ kind: 'credentials' });
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [orderNumber, setOrderNumber] = useState('');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [invalid, setInvalid] = useState<FieldErrors<FieldName>>({});
  // When "Send a new code" may be used again (epoch ms): the API's cooldown after each code mail.
  const [resendAt, setResendAt] = useState(0);
  const resendIn = useSecondsUntil(resendAt);
  const emailInput = useRef<HTMLInputElement>(null);
  const secretInput = useRef<HTMLInputElement>(null);
  const codeInput = useRef<HTMLInputElement>(null);
  // The first factor, kept only while the code step is on screen, so "send a new code" can start again.
  const firstFactor = useRef<{ email: string; secret: string } | null>(null);

  useTitle(pool === 'staff' ? t.signIn.staffTitle : t.signIn.customerTitle);

  // The page asked for before signing in (a deep link, or where the session ended), if it is one of ours.
  // The partner sign-in (issue #15) leads to the distributor's clients.
  const destination = () =>
    safeNextPath(new URLSearchParams(location.search).get('next'), pool, location.origin) ??
    (pool === 'customer' && isPartnerSignIn() ? PARTNER_HOME : homeOf[pool]);

  useEffect(() => {
    if (isSignedIn(pool)) navigate(destination(), { replace: true });
  }, [pool]);

  useEffect(() => {
    if (step.kind === 'code') codeInput.current?.focus();
  }, [step.kind]);

  const begin = (factor: { email: string; secret: string }) =>
    method === 'password'
      ? request(api.auth.startSignIn, { path: { pool }, body: { email: factor.email, password: factor.secret, locale } })
      : request(api.auth.startOrderSignIn, { body: { email: factor.email, orderReference: factor.secret, locale } });

  const submitCredentials = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    // Read the fields themselves: autofill does not always fire input events.
    const trimmed = (emailInput.current?.value ?? email).trim();
    const secret = (secretInput.current?.value ?? (method === 'password' ? password : orderNumber)).trim();
    const errors: FieldErrors<FieldName> = {};
    if (!trimmed) errors.email = t.signIn.emailRequired;
    else if (!EMAIL_SHAPE.test(trimmed)) errors.email = t.signIn.emailInvalid;
    if (!secret)
      errors[method === 'password' ? 'password' : 'orderNumber'] =
        method === 'password' ? t.signIn.passwordRequired : t.signIn.orderNumberRequired;
    setEmail(trimmed);
    setInvalid(errors);
    // A new attempt: what the last one answered no longer applies.
    if (Object.keys(errors).length > 0) setProblem(null);
    if (errors.email) return emailInput.current?.focus();
    if (errors.password || errors.orderNumber) return secretInput.current?.focus();

    setBusy(true);
    setProblem(null);
    try {
      const factor = { email: trimmed, secret: method === 'password' ? (secretInput.current?.value ?? password) : secret };
      const challenge = await begin(factor);
      firstFactor.current = factor;
      setPassword('');
      setCode('');
      setResendAt(Date.now() + resendDelay(challenge) * 1000);
      setStep({ kind: 'code', session: challenge.session, destination: challenge.destination, wrongTries: 0 });
    } catch (error) {
      setProblem({ kind: 'api', error });
      secretInput.current?.select();
    } finally {
      setBusy(false);
    }
  };

  const resendCode = async () => {
    if (busy || resendIn > 0 || !firstFactor.current) return;
    setBusy(true);
    try {
      const challenge = await begin(firstFactor.current);
      setResendAt(Date.now() + resendDelay(challenge) * 1000);
      setCode('');
      setStep({ kind: 'code', session: challenge.session, destination: challenge.destination, wrongTries: 0 });
      setProblem({ kind: 'codeResent' });
      codeInput.current?.focus();
    } catch (error) {
      const wait = retryAfter(error);
      if (wait !== undefined) setResendAt(Date.now() + wait * 1000);
      setProblem({ kind: 'api', error });
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
      // The field says what is wrong now; an older "that code is not right" would contradict it.
      setProblem(null);
      return codeInput.current?.focus();
    }
    setInvalid({});
    setBusy(true);
    setProblem(null);
    try {
      await verifySignInCode(pool, { email, session: step.session, code: digits });
      firstFactor.current = null;
      navigate(destination(), { replace: true });
    } catch (error) {
      setBusy(false);
      if (error instanceof ApiError && error.code === 'CODE_MISMATCH') {
        const wrongTries = step.wrongTries + 1;
        if (wrongTries >= MAX_CODE_TRIES) {
          startAgain({ kind: 'tooManyTries' });
        } else {
          // Cognito's custom flow hands out a new session after a wrong answer; the password flow keeps its own.
          const next =
            error.details && !Array.isArray(error.details) && typeof error.details.session === 'string'
              ? error.details.session
              : step.session;
          setStep({ ...step, session: next, wrongTries });
          setProblem({ kind: 'triesLeft', left: MAX_CODE_TRIES - wrongTries });
          setCode('');
          codeInput.current?.focus();
        }
        return;
      }
      if (error instanceof ApiError && error.code === 'TOO_MANY_REQUESTS') return startAgain({ kind: 'api', error });
      setProblem({ kind: 'api', error });
    }
  };

  const startAgain = (why: Problem | null) => {
    setStep({ kind: 'credentials' });
    firstFactor.current = null;
    setCode('');
    setInvalid({});
    setProblem(why);
    // After the re-render the secret field exists again.
    setTimeout(() => secretInput.current?.focus(), 0);
  };

  const onCodeInput = (value: string) => {
    // Pasted codes often carry spaces or dashes ("123 456"); keep the digits only.
    const digits = value.replace(/\D/g, '').slice(0, 6);
    if (codeInput.current) codeInput.current.value = digits;
    setCode(digits);
  };

  const switchMethod = (next: Method) => {
    setMethod(next);
    setInvalid({});
    setProblem(null);
  };

  const title = pool === 'staff' ? t.signIn.staffTitle : t.signIn.customerTitle;
  const notices: Partial<Record<Notice, string>> = {
    sessionEnded: t.signIn.sessionEnded,
    signedOut: t.signIn.signedOut,
    passwordChanged: t.signIn.passwordChanged,
    emailConfirmed: t.signIn.emailConfirmed,
    ipNotAllowed: t.errors.IP_NOT_ALLOWED,
    signedOutEverywhere: t.security.signedOutEverywhere,
  };
  const notice = props.notice ? notices[props.notice] : null;

  return (
    <Frame pool={pool}>
      <div class="narrow card">
        {step.kind === 'credentials' ? (
          <>
            <h1 tabIndex={-1}>{title}</h1>
            <p class="muted">{pool === 'staff' ? t.signIn.staffIntro : t.signIn.customerIntro}</p>
            {pool === 'customer' && <PartnerHint />}
            {notice && !problem && (
              <p class="alert alert-info" role="status">
                {notice}
              </p>
            )}
            <ProblemView problem={problem} pool={pool} method={method} />
            {pool === 'customer' && (
              // Real radio inputs: one Tab stop for the group, arrow keys move between the two.
              <fieldset class="segmented">
                <legend class="visually-hidden">{t.signIn.methodLabel}</legend>
                {(['password', 'order-number'] as const).map((option) => (
                  <label key={option} class={method === option ? 'segment selected' : 'segment'}>
                    <input
                      type="radio"
                      name="sign-in-method"
                      value={option}
                      checked={method === option}
                      onChange={() => switchMethod(option)}
                    />
                    {option === 'password' ? t.signIn.withPassword : t.signIn.withOrderNumber}
                  </label>
                ))}
              </fieldset>
            )}
            <form onSubmit={submitCredentials} noValidate aria-busy={busy}>
              <Field
                id="email"
                label={t.signIn.email}
                type="email"
                autocomplete="username"
                limits={limits.email}
                value={email}
                onInput={setEmail}
                error={invalid.email}
                inputRef={emailInput}
              />
              {method === 'password' ? (
                <Field
                  key="password"
                  id="password"
                  label={t.signIn.password}
                  type="password"
                  autocomplete="current-password"
                  limits={limits.password}
                  value={password}
                  onInput={setPassword}
                  error={invalid.password}
                  inputRef={secretInput}
                />
              ) : (
                <Field
                  key="order-number"
                  id="order-number"
                  label={t.signIn.orderNumber}
                  hint={t.signIn.orderNumberHint}
                  limits={limits.orderNumber}
                  autocomplete="off"
                  value={orderNumber}
                  onInput={setOrderNumber}
                  error={invalid.orderNumber}
                  inputRef={secretInput}
                />
              )}
              <button type="submit" class="button primary" disabled={busy}>
                {t.signIn.submit}
              </button>
              {busy && (
                <p class="muted small" role="status">
                  {t.signIn.submitting}
                </p>
              )}
            </form>
            <p class="small switch-pool">
              <Link href={forgotPasswordPath[pool]}>{t.signIn.forgotPassword}</Link>
            </p>
            {pool === 'customer' ? (
              <>
                <p class="small">
                  {t.signIn.noAccount} <Link href="/sign-up">{t.signIn.createAccount}</Link>
                </p>
                <PartnersLink />
              </>
            ) : (
              <p class="small">
                <Link href={signInPath.customer}>{t.signIn.toCustomer}</Link>
              </p>
            )}
          </>
        ) : (
          <>
            <h1 tabIndex={-1}>{t.signIn.codeTitle}</h1>
            <p>{t.signIn.codeSent(step.destination)}</p>
            <p class="muted small">{t.signIn.codeHint}</p>
            <ProblemView problem={problem} pool={pool} method={method} />
            <form onSubmit={submitCode} noValidate aria-busy={busy}>
              <Field
                id="code"
                label={t.signIn.code}
                class="code-input"
                inputMode="numeric"
                autocomplete="one-time-code"
                value={code}
                onInput={onCodeInput}
                error={invalid.code}
                inputRef={codeInput}
              />
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
              <button type="button" class="link-button" onClick={() => void resendCode()} disabled={busy || resendIn > 0}>
                {resendIn > 0 ? t.signIn.resendCodeIn(resendIn) : t.signIn.resendCode}
              </button>
              {' · '}
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

function ProblemView(props: { problem: Problem | null; pool: Pool; method: Method }) {
  const { t } = useI18n();
  const { problem } = props;
  if (problem === null) return null;
  if (problem.kind === 'codeResent') {
    return (
      <p class="alert alert-info" role="status">
        {t.signIn.codeResent}
      </p>
    );
  }
  if (problem.kind === 'api') {
    const { error } = problem;
    if (error instanceof ApiError && error.code === 'TOO_MANY_REQUESTS') {
      // A short wait is the cooldown between code mails; a long one is the lockout after failed attempts.
      const seconds = retryAfter(error);
      return (
        <div class="alert alert-error" role="alert">
          <p>
            {seconds !== undefined && seconds < 60
              ? t.signIn.codeWait(seconds)
              : t.signIn.locked(seconds !== undefined ? Math.ceil(seconds / 60) : 5)}
          </p>
        </div>
      );
    }
    if (error instanceof ApiError && error.code === 'INVALID_CREDENTIALS' && props.method === 'order-number') {
      return (
        <div class="alert alert-error" role="alert">
          <p>{t.signIn.orderNumberWrong}</p>
        </div>
      );
    }
    if (error instanceof ApiError && error.code === 'PASSWORD_RESET_REQUIRED') {
      return (
        <div class="alert alert-error" role="alert">
          <p>
            {t.signIn.resetRequired} <Link href={forgotPasswordPath[props.pool]}>{t.signIn.setPassword}</Link>
          </p>
        </div>
      );
    }
    return <ErrorAlert error={error} />;
  }
  return (
    <div class="alert alert-error" role="alert">
      <p>{problem.kind === 'tooManyTries' ? t.signIn.tooManyTries : t.signIn.triesLeft(problem.left)}</p>
    </div>
  );
}
