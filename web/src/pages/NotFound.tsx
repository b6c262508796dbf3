// Any path the portal does not know.

import { Frame, Link, useTitle } from '../components.tsx';
import { useI18n } from '../i18n.ts';

export function NotFoundPage(props: { staff: boolean }) {
  const { t } = useI18n();
  useTitle(t.notFound.title);
  return (
    <Frame pool={props.staff ? 'staff' : 'customer'}>
      <div class="narrow card">
        <h1 tabIndex={-1}>{t.notFound.title}</h1>
        <p>{t.notFound.body}</p>
        <p>
          <Link href={props.staff ? '/admin/sign-in' : '/sign-in'}>{t.notFound.home}</Link>
        </p>
      </div>
    </Frame>
  );
}
