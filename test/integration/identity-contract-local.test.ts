// The identity contract, run for real against the local adapter, DynamoDB Local and the local mail server.

import { GetCommand, PutCommand } from '#shared/db/commands.ts';
import { inject } from 'vitest';
import { db, tableName } from '#shared/db/client.ts';
import { keys } from '#shared/db/keys.ts';
import { localUserFromItem } from '#shared/identity/local-entities.ts';
import { localIdentity, putLocalUser } from '#shared/identity/local.ts';
import { uniqueEmail } from '../support/api.ts';
import { describeIdentityContract, type MailPurpose } from '../support/identity-contract.ts';
import { awaitMailTo } from '../support/mailbox.ts';

const SUBJECTS: Record<MailPurpose, RegExp> = {
  'sign-in': /sign-in code/,
  confirm: /Confirm your e-mail/,
  reset: /Set a new password/,
  invitation: /invitation to the Atrium back office|Zaproszenie do panelu obsługi Atrium/,
  'email-change': /code to confirm your new e-mail address/,
};

describeIdentityContract('local', () => ({
  provider: localIdentity,
  freshEmail: () => uniqueEmail('contract'),
  givenUser: ({ pool, email, password, groups }) => putLocalUser({ pool, email, password, ...(groups ? { groups } : {}) }),
  givenMigratedUser: ({ email, password }) => putLocalUser({ pool: 'customer', email, password, migrated: true }),
  async givenOrder({ email, userId, orderReference }) {
    const accountId = `acc-${userId}`;
    await db().send(new PutCommand({ TableName: tableName(), Item: { ...keys.membership(accountId, userId), accountId, userId, email } }));
    await db().send(
      new PutCommand({ TableName: tableName(), Item: { ...keys.orderReference(orderReference), accountId, orderId: orderReference } }),
    );
  },
  async staffGroups(email) {
    const found = await db().send(new GetCommand({ TableName: tableName(), Key: keys.localUser('staff', email), ConsistentRead: true }));
    return found.Item ? localUserFromItem(found.Item).groups.sort() : [];
  },
  async mailedCode(email, purpose) {
    // Reset links leave without the request waiting for them: wait for the mail.
    const mail = await awaitMailTo(inject('mailUrl'), email, SUBJECTS[purpose]);
    const code = /(?:code=|\b)(\d{6})\b/.exec(mail.body.text ?? '')?.[1];
    if (!code) throw new Error(`No ${purpose} code was mailed to ${email}`);
    return code;
  },
}));
