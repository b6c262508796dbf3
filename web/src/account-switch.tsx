// The account switch in the header: shown when the signed-in person acts for more than one account. Choosing one keeps
// it (web/src/chosen-account.ts, sent as the `x-atrium-account` header) and reloads the page, so every list on it is
// read again for that account.

import { useEffect, useState } from 'preact/hooks';
import { api, request, type ReplyOf } from './api.ts';
import { chooseAccount } from './chosen-account.ts';
import { useI18n } from './i18n.ts';

type MyAccounts = ReplyOf<typeof api.people.listMyAccounts>;

export function AccountSwitch() {
  const { t } = useI18n();
  const [mine, setMine] = useState<MyAccounts | undefined>(undefined);

  useEffect(() => {
    const controller = new AbortController();
    request(api.people.listMyAccounts, { signal: controller.signal }).then(
      (answer) => setMine(answer),
      // The switch is a convenience: without the list, the page works for the account it acts for.
      () => undefined,
    );
    return () => controller.abort();
  }, []);

  if (!mine || mine.accounts.length < 2) return null;
  return (
    <div class="language account-switch">
      <label for="account-switch">{t.people.switchLabel}</label>
      <select
        id="account-switch"
        value={mine.current}
        onChange={(event) => {
          chooseAccount(event.currentTarget.value);
          window.location.reload();
        }}
      >
        {mine.accounts.map((account) => (
          <option key={account.accountId} value={account.accountId}>
            {account.name} ({t.customerRoles[account.role]})
          </option>
        ))}
      </select>
    </div>
  );
}
