// The customer's notification settings: who of the account's people receives each category of its mail (a grid the
// owner changes; everyone else reads it), and the person's own mailing-list subscription with the exact wording.

import { useState } from 'preact/hooks';
import { notificationCategories } from '#shared/api/notifications.ts';
import { consentWording } from '#shared/notifications/consent-wording.ts';
import { api, request, type ReplyOf } from '../api.ts';
import { ErrorAlert, Frame, Link, useResource, useTitle } from '../components.tsx';
import { useI18n } from '../i18n.ts';

type Settings = ReplyOf<typeof api.notifications.getNotificationRecipients>;
type Category = (typeof notificationCategories)[number];

function RecipientsGrid(props: { settings: Settings; onSaved: (settings: Settings) => void }) {
  const { t } = useI18n();
  const [chosen, setChosen] = useState<Record<Category, string[]>>(props.settings.categories);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const toggle = (category: Category, userId: string, on: boolean) => {
    setSaved(false);
    setChosen((current) => ({
      ...current,
      [category]: on ? [...current[category], userId] : current[category].filter((each) => each !== userId),
    }));
  };
  const empty = notificationCategories.filter((category) => chosen[category].length === 0);
  const save = async (event: Event) => {
    event.preventDefault();
    if (busy || empty.length > 0) return;
    setBusy(true);
    setError(null);
    try {
      const settings = await request(api.notifications.setNotificationRecipients, { body: { categories: chosen } });
      props.onSaved(settings);
      setSaved(true);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const nameOf = (person: Settings['people'][number]) => [person.firstName, person.lastName].filter(Boolean).join(' ') || person.email;
  return (
    <form class="card section" onSubmit={save} aria-busy={busy} aria-labelledby="recipients-heading" noValidate>
      <h2 id="recipients-heading">{t.notifications.recipientsHeading}</h2>
      <p class="muted">{t.notifications.recipientsIntro}</p>
      {notificationCategories.map((category) => (
        <fieldset key={category} class="contract" data-testid={`category-${category}`}>
          <legend>{t.notifications.categories[category]}</legend>
          <p class="muted small">{t.notifications.categoryHelp[category]}</p>
          {props.settings.people.map((person) => {
            const id = `recipient-${category}-${person.userId}`;
            return (
              <div class="field checkbox" key={person.userId}>
                <input
                  type="checkbox"
                  id={id}
                  checked={chosen[category].includes(person.userId)}
                  onChange={(event) => toggle(category, person.userId, event.currentTarget.checked)}
                />
                <label for={id}>
                  {nameOf(person)} <span class="muted small">({t.notifications.roles[person.role]})</span>
                </label>
              </div>
            );
          })}
          {chosen[category].length === 0 && (
            <p class="field-error" role="alert">
              {t.notifications.chooseOne}
            </p>
          )}
        </fieldset>
      ))}
      {error !== null && <ErrorAlert error={error} />}
      {saved && (
        <p class="alert alert-info" role="status">
          {t.notifications.saved}
        </p>
      )}
      <p class="muted small">{t.notifications.ownerOnly}</p>
      <button type="submit" class="button primary" disabled={busy || empty.length > 0}>
        {t.notifications.save}
      </button>
    </form>
  );
}

type Mailing = ReplyOf<typeof api.notifications.getMailingList>;

function MailingList(props: { initial: Mailing }) {
  const { t, locale, formatDateTime } = useI18n();
  const [current, setCurrent] = useState<Mailing>(props.initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const wording = consentWording(locale, t.app.name);
  const change = async (subscribed: boolean) => {
    setBusy(true);
    setError(null);
    try {
      setCurrent(await request(api.notifications.setMailingList, { body: { subscribed, locale } }));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="card section" aria-labelledby="mailing-heading" aria-busy={busy}>
      <h2 id="mailing-heading">{t.notifications.mailingHeading}</h2>
      {current.subscribed ? (
        <>
          <p data-testid="mailing-state">{t.notifications.subscribedSince(formatDateTime(current.consentedAt ?? ''))}</p>
          <blockquote class="muted small">{current.wording}</blockquote>
          <button type="button" class="button secondary" disabled={busy} onClick={() => void change(false)}>
            {t.notifications.leave}
          </button>
        </>
      ) : (
        <>
          <p data-testid="mailing-state">{t.notifications.notSubscribed}</p>
          <p class="consent-wording">{wording}</p>
          <button type="button" class="button primary" disabled={busy} onClick={() => void change(true)}>
            {t.notifications.join}
          </button>
        </>
      )}
      {error !== null && <ErrorAlert error={error} />}
    </section>
  );
}

export function NotificationsPage() {
  const { t } = useI18n();
  useTitle(t.notifications.title);
  // Both parts at once, so the page does not move when the second arrives.
  const settings = useResource(
    (signal) =>
      Promise.all([
        request(api.notifications.getNotificationRecipients, { signal }),
        request(api.notifications.getMailingList, { signal }),
      ]),
    'notifications',
  );
  const [latest, setLatest] = useState<Settings | undefined>(undefined);
  const shown = latest ?? settings.data?.[0];
  return (
    <Frame pool="customer" signedIn>
      <div class="page-head">
        <h1 tabIndex={-1}>{t.notifications.heading}</h1>
        <p class="muted">{t.notifications.intro}</p>
      </div>
      <p>
        <Link href="/account/email">{t.notifications.changeEmailLink}</Link>
      </p>
      {settings.error !== undefined && <ErrorAlert error={settings.error} onRetry={settings.retry} />}
      {shown && settings.data ? (
        <>
          <RecipientsGrid key={JSON.stringify(shown.categories)} settings={shown} onSaved={setLatest} />
          <MailingList initial={settings.data[1]} />
        </>
      ) : (
        settings.error === undefined && <p role="status">{t.notifications.loading}</p>
      )}
    </Frame>
  );
}
