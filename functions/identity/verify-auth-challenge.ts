// Cognito's Verify auth challenge response trigger for sign-in with e-mail + order number: is the order the user's,
// is the code the one mailed?

import type { VerifyAuthChallengeResponseTriggerEvent } from 'aws-lambda';
import { verifyAuthChallenge } from '#shared/identity/custom-auth.ts';
import { orderReferenceBelongsToUser } from '#shared/identity/order-sign-in.ts';
import { workerHandler } from '#shared/workers/handler.ts';
import { nowEpochSeconds } from '#shared/time.ts';

export const handler = workerHandler<VerifyAuthChallengeResponseTriggerEvent, VerifyAuthChallengeResponseTriggerEvent>(async (event) => {
  const answerCorrect = await verifyAuthChallenge(event.request, { nowEpochSeconds: nowEpochSeconds(), orderReferenceBelongsToUser });
  event.response = { answerCorrect };
  return event;
});
