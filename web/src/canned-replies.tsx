// The canned reply picker the staff reply form offers: choosing one hands its Markdown body to `onPick`.

import { api, request } from './api.ts';
import { useResource } from './components.tsx';
import { useI18n } from './i18n.ts';

export function CannedReplyPicker(props: { onPick: (body: string) => void; id?: string }) {
  const { t } = useI18n();
  const id = props.id ?? 'canned-reply-picker';
  const replies = useResource((signal) => request(api.sla.listCannedReplies, { query: { limit: 100 }, signal }), 'canned');
  const items = replies.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <div class="field">
      <label for={id}>{t.sla.pickerLabel}</label>
      <select
        id={id}
        value=""
        onChange={(event) => {
          const chosen = items.find((item) => item.cannedReplyId === event.currentTarget.value);
          if (chosen) props.onPick(chosen.body);
          event.currentTarget.value = '';
        }}
      >
        <option value="">{t.sla.pickerChoose}</option>
        {items.map((item) => (
          <option key={item.cannedReplyId} value={item.cannedReplyId} lang={item.locale}>
            {item.title} ({item.locale})
          </option>
        ))}
      </select>
    </div>
  );
}
