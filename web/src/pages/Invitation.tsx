// The page an invitation's link opens (public: the link's token proves the mailbox): who invites to which account with
// which role; a password to choose when the address has no account yet; then "sign in now".

import { useState } from 'preact/hooks';
import { api, ApiError, request, type ReplyOf } from '../api.ts';
import { ErrorAlert, Frame, Link, signInPath, useResource, useTitle } from '../components.tsx';
import { Field } from '../fields.tsx';
import { useI18n } from '../i18n.ts';

type Accepted = ReplyOf<typeof api.people.acceptInvitation>;

export function InvitationPage() {
  const { t, formatDate } = useI18n();
  const token = new URLSearchParams(location.search).get('token') ?? '';
  const invitation = useResource(
    (signal) => (token ? request(api.people.viewInvitation, { body: { token }, signal }) : Promise.reject(new Error('no token'))),
    token,
  );
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [accepted, setAccepted] = useState<Accepted | null>(null);
  useTitle(t.people.invitationTitle);

  const data = invitation.data;
  const accept = async (event: Event) => {
    event.preventDefault();
    if (busy || !data) return;
    if (!data.hasUser && password === '') {
      setMissing(true);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      setAccepted(await request(api.people.acceptInvitation, { body: { token, ...(data.hasUser ? {} : { password }) } }));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const weak = error instanceof ApiError && error.code === 'WEAK_PASSWORD';

  return (
    <Frame pool="customer">
      <div class="narrow card invitation-page">
        {!token ? (
          <>
            <h1 tabIndex={-1}>{t.people.invalidHeading}</h1>
            <p class="alert alert-error" role="alert">
              {t.people.noToken}
            </p>
          </>
        ) : accepted ? (
          <>
            <h1 tabIndex={-1}>{t.people.acceptedHeading}</h1>
            <p role="status">{t.people.accepted(accepted.accountName)}</p>
            <p>
              <Link href={signInPath.customer} class="button primary">
                {t.people.signInNow}
              </Link>
            </p>
          </>
        ) : invitation.error !== undefined ? (
          <>
            <h1 tabIndex={-1}>{t.people.invalidHeading}</h1>
            <ErrorAlert error={invitation.error} />
          </>
        ) : !data ? (
          <p class="muted" role="status">
            {t.app.loading}
          </p>
        ) : (
          <>
            <h1 tabIndex={-1}>{t.people.invitationHeading(data.accountName)}</h1>
            <p>{t.people.invitationIntro(data.invitedBy, t.customerRoles[data.role])}</p>
            <p class="muted">
              {t.people.invitationFor(data.email)} {t.people.invitationExpires(formatDate(data.expiresAt))}
            </p>
            {error !== null && !weak && <ErrorAlert error={error} />}
            <form onSubmit={accept} noValidate aria-busy={busy}>
              {data.hasUser ? (
                <p class="muted">{t.people.hasUserHint}</p>
              ) : (
                <Field
                  id="invitation-password"
                  label={t.people.choosePassword}
                  type="password"
                  autocomplete="new-password"
                  hint={t.people.passwordHint}
                  value={password}
                  onInput={(value) => {
                    setPassword(value);
                    setMissing(false);
                  }}
                  error={missing ? t.people.passwordRequired : weak ? t.errors.WEAK_PASSWORD : undefined}
                />
              )}
              <div class="actions-row">
                <button type="submit" class="button primary" disabled={busy}>
                  {busy ? t.people.accepting : t.people.accept}
                </button>
              </div>
            </form>
          </>
        )}
      </div>
    </Frame>
  );
}
