// Staff: the signed-in staff user's own recent sign-ins, newest first, a page at a time.

import { api, request } from '../api.ts';
import { Frame, PagedTable, usePagedList, useTitle } from '../components.tsx';
import { useI18n } from '../i18n.ts';

export function MySignInsPage() {
  const { t, formatDateTime } = useI18n();
  const list = usePagedList((page, signal) => request(api.staff.listMyStaffSignIns, { query: page, signal }));

  useTitle(t.mySignIns.title);

  return (
    <Frame pool="staff" signedIn>
      <div class="page-head">
        <h1 tabIndex={-1}>{t.mySignIns.heading}</h1>
        <p class="muted">{t.mySignIns.intro}</p>
      </div>

      <PagedTable
        list={list}
        testId="sign-ins-table"
        caption={t.mySignIns.tableCaption}
        empty={{ title: t.mySignIns.empty, help: t.mySignIns.emptyHelp }}
        showing={t.mySignIns.showing(list.items.length)}
        head={
          <>
            <th scope="col">{t.mySignIns.when}</th>
            <th scope="col">{t.mySignIns.sourceIp}</th>
            <th scope="col">{t.mySignIns.method}</th>
            <th scope="col">{t.mySignIns.browser}</th>
          </>
        }
        row={(signIn) => (
          <tr key={signIn.at}>
            <td>
              <time dateTime={signIn.at}>{formatDateTime(signIn.at)}</time>
            </td>
            <td>{signIn.sourceIp}</td>
            <td>{t.mySignIns.methods[signIn.method]}</td>
            <td class="small">{signIn.userAgent ?? t.app.notAvailable}</td>
          </tr>
        )}
      />
    </Frame>
  );
}
