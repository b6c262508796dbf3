// The page the confirmation link opens: confirms the address at once, then sends the customer to sign in.

import { useEffect, useState } from 'preact/hooks';
import { api, request } from '../api.ts';
import { ErrorAlert, Frame, Link, signInPath, useTitle } from '../components.tsx';
import { useI18n } from '../i18n.ts';
import { navigate } from '../router.ts';

export function ConfirmEmailPage() {
  const { t, locale } = useI18n();
  const params = new URLSearchParams(location.search);
  const email = params.get('email') ?? '';
  const code = params.get('code') ?? '';
  const complete = email !== '' && /^\d{6}$/.test(code);
  const [error, setError] = useState<unknown>(null);
  const [resent, setResent] = useState(false);
  useTitle(t.account.confirmTitle);

  useEffect(() => {
    if (!complete) return;
    let live = true;
    request(api.auth.confirmEmail, { body: { email, code } }).then(
      () => live && navigate(signInPath.customer, { replace: true, notice: 'emailConfirmed' }),
      (caught: unknown) => live && setError(caught),
    );
    return () => {
      live = false;
    };
  }, [email, code, complete]);

  const resend = async () => {
    await request(api.auth.resendConfirmation, { body: { email, locale } }).then(() => setResent(true), setError);
  };

  return (
    <Frame pool="customer">
      <div class="narrow card">
        <h1 tabIndex={-1}>{t.account.confirmTitle}</h1>
        {!complete ? (
          <p class="alert alert-error" role="alert">
            {t.account.linkBroken}
          </p>
        ) : error === null ? (
          <p role="status">{t.account.confirming}</p>
        ) : (
          <>
            <p>{t.account.confirmFailed}</p>
            <ErrorAlert error={error} />
          </>
        )}
        {resent && (
          <p class="alert alert-info" role="status">
            {t.account.linkResent}
          </p>
        )}
        <p class="small">
          {email && (error !== null || !complete) && (
            <>
              <button type="button" class="link-button" onClick={() => void resend()}>
                {t.account.resendLink}
              </button>
              {' · '}
            </>
          )}
          <Link href={signInPath.customer}>{t.account.backToSignIn}</Link>
        </p>
      </div>
    </Frame>
  );
}
