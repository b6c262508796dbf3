// Staff (admin, support): the news customers read on their home page and at /news, per language (English always,
// the fallback), published or not, and the offer banner. Every change is audited (news.*, banner.set).

import { useState } from 'preact/hooks';
import { LOCALES, type Locale } from '#shared/i18n/locale.ts';
import { api, request, type ReplyOf } from '../api.ts';
import { ErrorAlert, Frame, MoreControls, usePagedList, useResource, useTitle } from '../components.tsx';
import { useI18n } from '../i18n.ts';

type StaffNews = ReplyOf<typeof api.home.listStaffNews>['items'][number];
type Texts = Record<Locale, { title: string; body: string }>;

const emptyTexts = (): Texts => Object.fromEntries(LOCALES.map((code) => [code, { title: '', body: '' }])) as Texts;

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The versions written: English always, another language only when both its title and text are given. */
function translationsOf(texts: Texts) {
  const written = Object.fromEntries(
    LOCALES.filter((code) => code === 'en' || (texts[code].title.trim() && texts[code].body.trim())).map((code) => [code, texts[code]]),
  );
  return written as { en: { title: string; body: string } } & Partial<Texts>;
}

function NewsForm(props: { editing?: StaffNews; onDone: () => void }) {
  const { t } = useI18n();
  const [date, setDate] = useState(props.editing?.date ?? today());
  const [texts, setTexts] = useState<Texts>(() => ({ ...emptyTexts(), ...(props.editing?.translations ?? {}) }) as Texts);
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const set = (code: Locale, field: 'title' | 'body', value: string) => setTexts({ ...texts, [code]: { ...texts[code], [field]: value } });

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const translations = translationsOf(texts);
      if (props.editing) {
        await request(api.home.editNews, {
          path: { newsId: props.editing.newsId },
          body: { date, translations, updatedAt: props.editing.updatedAt },
        });
      } else {
        await request(api.home.createNews, { body: { date, translations } });
      }
      props.onDone();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="card" onSubmit={onSubmit} data-testid="news-form">
      <h2>{props.editing ? t.home.edit : t.home.write}</h2>
      <p class="muted small">{t.home.englishRequired}</p>
      <div class="field">
        <label for="news-date">{t.home.date}</label>
        <input id="news-date" type="date" required value={date} onInput={(event) => setDate(event.currentTarget.value)} />
      </div>
      {LOCALES.map((code) => (
        <fieldset key={code} class="field" lang={code}>
          <legend>
            {t.languages[code]}
            {code !== 'en' && <span class="muted small"> ({t.home.optionalLang})</span>}
          </legend>
          <div class="field">
            <label for={`news-title-${code}`}>{t.home.fTitle}</label>
            <input
              id={`news-title-${code}`}
              required={code === 'en'}
              maxlength={200}
              value={texts[code].title}
              onInput={(event) => set(code, 'title', event.currentTarget.value)}
            />
          </div>
          <div class="field">
            <label for={`news-body-${code}`}>{t.home.fBody}</label>
            <p id={`news-body-${code}-hint`} class="muted small field-hint">
              {t.home.bodyHelp}
            </p>
            <textarea
              id={`news-body-${code}`}
              required={code === 'en'}
              maxlength={5000}
              rows={4}
              aria-describedby={`news-body-${code}-hint`}
              value={texts[code].body}
              onInput={(event) => set(code, 'body', event.currentTarget.value)}
            />
          </div>
        </fieldset>
      ))}
      {error !== undefined && <ErrorAlert error={error} />}
      <div class="actions">
        <button type="submit" class="button primary" disabled={busy}>
          {t.home.save}
        </button>
        <button type="button" class="button secondary" onClick={props.onDone}>
          {t.home.cancel}
        </button>
      </div>
    </form>
  );
}

/** The banner as read; the page reads it, so the news below waits for it and nothing shifts (layout shift at 390 px). */
function useBanner() {
  return useResource((signal) => request(api.home.getBanner, { signal }), 'banner');
}

function BannerForm(props: { current: ReturnType<typeof useBanner> }) {
  const { t } = useI18n();
  const current = props.current;
  const banner = current.data?.banner;
  const [draft, setDraft] = useState<{ enabled: boolean; texts: Record<Locale, string>; link: string } | undefined>(undefined);
  const [status, setStatus] = useState<'idle' | 'busy' | 'saved'>('idle');
  const [error, setError] = useState<unknown>(undefined);
  if (current.error !== undefined) return <ErrorAlert error={current.error} onRetry={current.retry} />;
  if (!current.data) return <p class="muted">{t.app.loading}</p>;
  const form = draft ?? {
    enabled: banner?.enabled ?? false,
    texts: Object.fromEntries(LOCALES.map((code) => [code, banner?.texts[code] ?? ''])) as Record<Locale, string>,
    link: banner?.link ?? '',
  };

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    setStatus('busy');
    setError(undefined);
    try {
      const texts = Object.fromEntries(
        LOCALES.filter((code) => code === 'en' || form.texts[code].trim()).map((code) => [code, form.texts[code]]),
      );
      await request(api.home.setBanner, {
        body: { enabled: form.enabled, texts: texts as { en: string }, ...(form.link.trim() ? { link: form.link.trim() } : {}) },
      });
      setStatus('saved');
    } catch (failure) {
      setError(failure);
      setStatus('idle');
    }
  };

  return (
    <form class="card" onSubmit={onSubmit} aria-labelledby="banner-heading" data-testid="banner-form">
      <h2 id="banner-heading">{t.home.bannerHeading}</h2>
      <div class="field checkbox">
        <label>
          <input type="checkbox" checked={form.enabled} onChange={(event) => setDraft({ ...form, enabled: event.currentTarget.checked })} />{' '}
          {t.home.bannerEnabled}
        </label>
      </div>
      {LOCALES.map((code) => (
        <div class="field" key={code}>
          <label for={`banner-text-${code}`}>
            {t.home.bannerText} · {t.languages[code]}
            {code !== 'en' && <span class="muted small"> ({t.home.optionalLang})</span>}
          </label>
          <input
            id={`banner-text-${code}`}
            lang={code}
            required={code === 'en'}
            maxlength={300}
            value={form.texts[code]}
            onInput={(event) => setDraft({ ...form, texts: { ...form.texts, [code]: event.currentTarget.value } })}
          />
        </div>
      ))}
      <div class="field">
        <label for="banner-link">{t.home.bannerLinkField}</label>
        <p id="banner-link-hint" class="muted small field-hint">
          {t.home.bannerLinkHelp}
        </p>
        <input
          id="banner-link"
          maxlength={500}
          aria-describedby="banner-link-hint"
          value={form.link}
          onInput={(event) => setDraft({ ...form, link: event.currentTarget.value })}
        />
      </div>
      {error !== undefined && <ErrorAlert error={error} />}
      <p class="muted small" role="status">
        {status === 'saved' ? t.home.saved : ''}
      </p>
      <button type="submit" class="button primary" disabled={status === 'busy'}>
        {t.home.bannerSave}
      </button>
    </form>
  );
}

export function AdminNewsPage() {
  const { t, formatDate } = useI18n();
  const [round, setRound] = useState(0);
  const [editing, setEditing] = useState<StaffNews | 'new' | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const list = usePagedList((page, signal) => request(api.home.listStaffNews, { query: page, signal }), String(round));
  const banner = useBanner();
  useTitle(t.home.adminTitle);

  const done = () => {
    setEditing(undefined);
    setRound(round + 1);
  };
  const publish = async (item: StaffNews, published: boolean) => {
    setError(undefined);
    try {
      await request(api.home.publishNews, { path: { newsId: item.newsId }, body: { published } });
      setRound(round + 1);
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <Frame pool="staff" signedIn>
      <div class="page-head">
        <h1 tabIndex={-1}>{t.home.adminTitle}</h1>
        <p class="muted">{t.home.adminIntro}</p>
      </div>
      <BannerForm current={banner} />
      {(banner.data !== undefined || banner.error !== undefined) && (
        <section class="section" aria-labelledby="staff-news-heading">
          <h2 id="staff-news-heading">{t.home.newsHeading}</h2>
          {editing === undefined && (
            <p>
              <button type="button" class="button primary" onClick={() => setEditing('new')}>
                {t.home.write}
              </button>
            </p>
          )}
          {editing !== undefined && (
            <NewsForm key={editing === 'new' ? 'new' : editing.newsId} {...(editing === 'new' ? {} : { editing })} onDone={done} />
          )}
          {error !== undefined && <ErrorAlert error={error} />}
          {list.status === 'error' && list.items.length === 0 && <ErrorAlert error={list.error} onRetry={list.retry} />}
          {list.status === 'ready' && list.items.length === 0 && <p class="muted">{t.home.adminEmpty}</p>}
          {list.items.length > 0 && (
            <ul class="plain-list card" data-testid="staff-news-list">
              {list.items.map((item) => (
                <li key={item.newsId}>
                  <strong>{item.translations.en.title}</strong>{' '}
                  <span class="muted small">
                    · <time dateTime={item.date}>{formatDate(item.date)}</time> · {item.published ? t.home.published : t.home.draft} ·{' '}
                    {LOCALES.filter((code) => item.translations[code]).join(', ')}
                  </span>
                  <div class="actions">
                    <button type="button" class="button secondary" onClick={() => setEditing(item)}>
                      {t.home.edit}
                    </button>
                    <button type="button" class="button secondary" onClick={() => void publish(item, !item.published)}>
                      {item.published ? t.home.unpublish : t.home.publish}
                    </button>
                  </div>
                </li>
              ))}
            </ul>
          )}
          <MoreControls list={list} showing="" />
        </section>
      )}
    </Frame>
  );
}
