// The page a marketing mail's unsubscribe link opens: checks the signed link, then one button leaves the list.

import { useState } from 'preact/hooks';
import { MAILING_LISTS } from '#shared/notifications/consent-wording.ts';
import { api, request } from '../api.ts';
import { ErrorAlert, Frame, useResource, useTitle } from '../components.tsx';
import { useI18n } from '../i18n.ts';

export function UnsubscribePage() {
  const { t } = useI18n();
  useTitle(t.notifications.unsubscribeTitle);
  const params = new URLSearchParams(location.search);
  const list = MAILING_LISTS.find((each) => each === params.get('l'));
  const query = { u: params.get('u') ?? '', l: list ?? 'news', s: params.get('s') ?? '' };
  const complete = query.u !== '' && query.s !== '' && list !== undefined;
  const state = useResource(
    (signal) => (complete ? request(api.notifications.checkUnsubscribeLink, { query, signal }) : Promise.resolve(undefined)),
    location.search,
  );
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const leave = async () => {
    setBusy(true);
    setError(null);
    try {
      await request(api.notifications.unsubscribe, { query });
      setDone(true);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const subscribed = state.data?.subscribed;
  return (
    <Frame pool="customer">
      <div class="narrow card" aria-busy={complete && state.data === undefined && state.error === undefined}>
        <h1 tabIndex={-1}>{t.notifications.unsubscribeTitle}</h1>
        {!complete ? (
          <p class="alert alert-error" role="alert">
            {t.notifications.linkBroken}
          </p>
        ) : state.error !== undefined ? (
          <ErrorAlert error={state.error} />
        ) : done || subscribed === false ? (
          <p class="alert alert-info" role="status" data-testid="unsubscribed">
            {t.notifications.unsubscribed}
          </p>
        ) : subscribed ? (
          <>
            <p>{t.notifications.unsubscribeQuestion}</p>
            <button type="button" class="button primary" disabled={busy} onClick={() => void leave()}>
              {t.notifications.unsubscribeButton}
            </button>
          </>
        ) : null}
        {error !== null && <ErrorAlert error={error} />}
      </div>
    </Frame>
  );
}
