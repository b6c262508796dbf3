// Knowledge-base articles that may answer a ticket while its subject is typed: `<ArticleSuggestions subject={subject} />`
// asks the suggestions route 300 ms after the last keystroke (three letters at least), and lists up to five links that
// open the article in a new tab (the ticket being written stays). The list is a polite live region.

import { useEffect, useState } from 'preact/hooks';
import { api, request, type ReplyOf } from '../api.ts';
import { useI18n } from '../i18n.ts';

type Suggestion = ReplyOf<typeof api.knowledge.suggestArticles>['items'][number];

/** How long typing must pause before the suggestions are asked for. */
export const SUGGEST_DELAY_MS = 300;
const MIN_CHARS = 3;

export function ArticleSuggestions(props: { subject: string }) {
  const { t, locale } = useI18n();
  const [items, setItems] = useState<Suggestion[]>([]);
  const subject = props.subject.trim();

  useEffect(() => {
    if (subject.length < MIN_CHARS) {
      setItems([]);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      request(api.knowledge.suggestArticles, { query: { subject: subject.slice(0, 200), locale }, signal: controller.signal }).then(
        (answer) => setItems(answer.items),
        // Suggestions are a help, not the form: a failure just shows none.
        () => {
          if (!controller.signal.aborted) setItems([]);
        },
      );
    }, SUGGEST_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [subject, locale]);

  return (
    <div class="article-suggestions" aria-live="polite" data-testid="article-suggestions">
      {items.length > 0 && (
        <section class="card" aria-labelledby="article-suggestions-heading">
          <h2 id="article-suggestions-heading" class="h3">
            {t.knowledge.suggestionsHeading}
          </h2>
          <p class="muted small">{t.knowledge.suggestionsNote}</p>
          <ul class="plain-list">
            {items.map((item) => (
              <li key={item.articleId} lang={item.locale}>
                <a href={`/knowledge/${item.articleId}`} target="_blank" rel="noopener noreferrer">
                  {item.title}
                </a>
                <span class="muted small"> · {item.summary}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
