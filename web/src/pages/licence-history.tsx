// The two cells of a licence history row that depend on what happened, shared by the customer's licence page and the
// staff's licence manager: what changed (an upgrade names the edition and seats before and after) and who did it.

import type { LicenceEvent } from '../api.ts';
import { useI18n } from '../i18n.ts';

export function LicenceEventChange({ event }: { event: Pick<LicenceEvent, 'action' | 'edition' | 'users'> }) {
  const { t } = useI18n();
  const { edition, users } = event;
  if (event.action === 'upgraded' && edition && users) {
    const { editionSeats } = t.licenceDetail;
    return <>{t.licenceDetail.upgradedFromTo(editionSeats(edition.from, users.from), editionSeats(edition.to, users.to))}</>;
  }
  return <>{t.licenceDetail.actions[event.action]}</>;
}

export function LicenceEventActor({ event }: { event: Pick<LicenceEvent, 'by' | 'email' | 'orderReference'> }) {
  const { t } = useI18n();
  if (event.by === 'customer') return <>{event.email ?? t.app.notAvailable}</>;
  if (event.by === 'staff') return <>{t.licenceDetail.byStaff}</>;
  if (event.by === 'payment') return <>{t.licenceDetail.byPayment(event.orderReference ?? t.app.notAvailable, event.email ?? '')}</>;
  return <>{t.licenceDetail.bySoftware}</>;
}
