// Any path the portal does not know: leads to the pool's home when a session is (or can silently be) open, else to sign-in.

import { useEffect, useState } from 'preact/hooks';
import { isSignedIn, restoreSession } from '../api.ts';
import { Frame, Link, signInPath, useTitle } from '../components.tsx';
import { useI18n } from '../i18n.ts';

export function NotFoundPage(props: { staff: boolean }) {
  const { t } = useI18n();
  const pool = props.staff ? 'staff' : 'customer';
  // Undefined while a session is being restored: the page waits for it rather than redraw with the navigation.
  const [signedIn, setSignedIn] = useState<boolean | undefined>(() => (isSignedIn(pool) ? true : undefined));
  useTitle(t.notFound.title);

  useEffect(() => {
    if (signedIn !== undefined) return;
    let live = true;
    void restoreSession(pool).then((restored) => live && setSignedIn(restored));
    return () => {
      live = false;
    };
  }, [pool, signedIn]);

  if (signedIn === undefined) return null;
  return (
    <Frame pool={pool} signedIn={signedIn}>
      <div class="narrow card">
        <h1 tabIndex={-1}>{t.notFound.title}</h1>
        <p>{t.notFound.body}</p>
        <p>
          {signedIn ? (
            <Link href={props.staff ? '/admin/customers' : '/licences'}>{props.staff ? t.notFound.staffHome : t.notFound.home}</Link>
          ) : (
            <Link href={signInPath[pool]}>{t.notFound.signIn}</Link>
          )}
        </p>
      </div>
    </Frame>
  );
}
