// Staff: sets a subscription's identifier (the server's IP address, host name or serial), audited.

import * as api from '#shared/api/subscriptions.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { setIdentifier } from '#shared/subscriptions/manage.ts';

export const handler = httpHandler(api.staffSetIdentifier, async ({ path, body, audit }) => {
  const view = await setIdentifier(path.accountId, path.subscriptionId, { kind: body.kind, value: body.value }, (change) =>
    audit.commit({
      target: {
        kind: 'subscription',
        id: change.subscription.subscriptionId,
        accountId: change.subscription.accountId,
        label: `${change.subscription.product} ${change.subscription.plan}`,
      },
      changes: [
        {
          field: 'identifier',
          ...(change.before ? { before: `${change.before.kind}:${change.before.value}` } : {}),
          after: `${body.kind}:${change.subscription.identifier!.value}`,
        },
      ],
      items: change.items,
    }),
  );
  return { body: view };
});
