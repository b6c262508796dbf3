// Sets a new password with the code from the reset link; sessions signed in before end on their next call.

import { underLockout } from '#shared/auth/lockout.ts';
import { revokeSessions } from '#shared/auth/revocation.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { identity } from '#shared/identity/index.ts';
import { activateInvitedStaffUser } from '#shared/staff/activate-staff-user.ts';
import { countOutcome } from '#shared/observability/metrics.ts';
import * as api from '#shared/api/auth.ts';

export const handler = httpHandler(api.finishPasswordReset, async ({ path, body, event }) => {
  const provider = await identity();
  const { userId } = await countOutcome(
    () =>
      underLockout({ pool: path.pool, email: body.email, sourceIp: event.requestContext.http.sourceIp }, () =>
        provider.finishPasswordReset({ pool: path.pool, email: body.email, code: body.code, newPassword: body.newPassword }),
      ),
    'PasswordResetCompleted',
    'PasswordResetRejected',
  );
  // Whoever held a session with the old password loses it on their next call.
  await revokeSessions({ pool: path.pool, userId });
  // An invited staff user has now chosen their first password.
  if (path.pool === 'staff') await activateInvitedStaffUser(userId);
  return { body: { changed: true as const } };
});
