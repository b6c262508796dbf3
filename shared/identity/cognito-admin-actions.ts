// The user-pool admin API calls the Cognito adapter makes (shared/identity/cognito.ts), per pool: what CDK grants a
// function whose route or worker entry says `identityAdmin`. No dependencies, so CDK can import it.

import type { PoolName } from '#shared/config.ts';

export const COGNITO_ADMIN_ACTIONS: Record<PoolName, readonly string[]> = {
  customer: [
    // ensureCustomerUser: look the customer up, else create them confirmed with a password nobody knows; also the
    // order-number sign-in of a user who must reset the password, and finishPasswordReset (the user's sub).
    'cognito-idp:AdminGetUser',
    'cognito-idp:AdminCreateUser',
    'cognito-idp:AdminSetUserPassword',
    // deleteUser: undo a sign-up whose account could not be written.
    'cognito-idp:AdminDeleteUser',
    // finishPasswordReset, and the security centre's password change and "sign out everywhere": end every session.
    'cognito-idp:AdminUserGlobalSignOut',
  ],
  staff: [
    // AdminGetUser: finishPasswordReset reads the user's sub, to refuse the access tokens issued before.
    'cognito-idp:AdminGetUser',
    'cognito-idp:AdminDeleteUser',
    'cognito-idp:AdminUserGlobalSignOut',
    // Staff users page (admin): invite (create confirmed with a password nobody knows, groups, then the reset link),
    // change groups, disable and enable.
    'cognito-idp:AdminCreateUser',
    'cognito-idp:AdminSetUserPassword',
    'cognito-idp:AdminAddUserToGroup',
    'cognito-idp:AdminRemoveUserFromGroup',
    'cognito-idp:AdminDisableUser',
    'cognito-idp:AdminEnableUser',
  ],
};
