// Staff: the canned replies — add, edit and remove ready answers (title, Markdown text, language), at most 200.

import { useState } from 'preact/hooks';
import { LOCALES, type Locale } from '#shared/i18n/locale.ts';
import { api, request } from '../api.ts';
import { ErrorAlert, Frame, useResource, useTitle } from '../components.tsx';
import { useI18n } from '../i18n.ts';

interface Draft {
  cannedReplyId?: string;
  title: string;
  body: string;
  locale: Locale;
}

export function AdminCannedRepliesPage() {
  const { t, locale } = useI18n();
  useTitle(t.sla.cannedTitle);
  const [version, setVersion] = useState(0);
  const replies = useResource((signal) => request(api.sla.listCannedReplies, { query: { limit: 100 }, signal }), String(version));
  const empty: Draft = { title: '', body: '', locale };
  const [draft, setDraft] = useState<Draft>(empty);
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);

  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
      setDraft(empty);
      setVersion((count) => count + 1);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const save = () => {
    const body = { title: draft.title, body: draft.body, locale: draft.locale };
    return run(() =>
      draft.cannedReplyId
        ? request(api.sla.updateCannedReply, { path: { cannedReplyId: draft.cannedReplyId }, body })
        : request(api.sla.createCannedReply, { body }),
    );
  };

  return (
    <Frame pool="staff" signedIn>
      <div class="page-head">
        <h1 tabIndex={-1}>{t.sla.cannedHeading}</h1>
        <p class="muted">{t.sla.cannedIntro}</p>
      </div>
      <form
        class="card section"
        aria-busy={busy}
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <h2>{draft.cannedReplyId ? t.sla.editReply : t.sla.newReply}</h2>
        <div class="field">
          <label for="canned-title">{t.sla.title}</label>
          <input
            id="canned-title"
            value={draft.title}
            maxLength={120}
            required
            onInput={(event) => setDraft({ ...draft, title: event.currentTarget.value })}
          />
        </div>
        <div class="field">
          <label for="canned-body">{t.sla.body}</label>
          <textarea
            id="canned-body"
            rows={6}
            value={draft.body}
            maxLength={10_000}
            required
            onInput={(event) => setDraft({ ...draft, body: event.currentTarget.value })}
          />
        </div>
        <div class="field">
          <label for="canned-locale">{t.sla.language}</label>
          <select
            id="canned-locale"
            value={draft.locale}
            onChange={(event) => setDraft({ ...draft, locale: event.currentTarget.value as Locale })}
          >
            {LOCALES.map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="button primary" disabled={busy}>
          {draft.cannedReplyId ? t.sla.save : t.sla.add}
        </button>
        {draft.cannedReplyId && (
          <button type="button" class="button secondary" onClick={() => setDraft(empty)}>
            {t.sla.cancel}
          </button>
        )}
        {error !== undefined && <ErrorAlert error={error} />}
      </form>
      {replies.error !== undefined && <ErrorAlert error={replies.error} onRetry={replies.retry} />}
      {replies.data && (
        <section class="card section" data-testid="canned-replies">
          {replies.data.items.length === 0 ? (
            <p>{t.sla.emptyCanned}</p>
          ) : (
            <div class="table-wrap">
              <table>
                <caption>{t.sla.cannedCaption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.sla.title}</th>
                    <th scope="col">{t.sla.language}</th>
                    <th scope="col">
                      <span class="visually-hidden">{t.sla.edit}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {replies.data.items.map((reply) => (
                    <tr key={reply.cannedReplyId}>
                      <td data-label={t.sla.title}>{reply.title}</td>
                      <td data-label={t.sla.language}>{reply.locale}</td>
                      <td>
                        <button type="button" class="button secondary" onClick={() => setDraft({ ...reply })}>
                          {t.sla.edit}
                          <span class="visually-hidden"> {reply.title}</span>
                        </button>{' '}
                        <button
                          type="button"
                          class="button secondary"
                          disabled={busy}
                          onClick={() =>
                            void run(() => request(api.sla.deleteCannedReply, { path: { cannedReplyId: reply.cannedReplyId } }))
                          }
                        >
                          {t.sla.remove}
                          <span class="visually-hidden"> {reply.title}</span>
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
    </Frame>
  );
}
