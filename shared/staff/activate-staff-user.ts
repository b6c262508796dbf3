// An invited staff user becomes active once they have chosen their first password (the staff password reset).
// Apart from shared/staff/staff-admin.ts so the password-reset handler does not carry the staff pages' use cases.

import { UpdateCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { staffUserKey } from '#shared/staff/staff-user.ts';

/**
 * An invited staff user who has chosen their first password is active. Called after a staff password reset; a user
 * who is not `invited` (active, disabled, or without an item) stays as they are.
 */
export async function activateInvitedStaffUser(userId: string): Promise<void> {
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: staffUserKey(userId),
        ConditionExpression: '#status = :invited',
        UpdateExpression: 'SET #status = :active',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':invited': 'invited', ':active': 'active' },
      }),
    );
  } catch (error) {
    if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
  }
}
