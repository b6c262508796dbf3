// Cognito's Define auth challenge trigger for sign-in with e-mail + order number: the next round, tokens, or failure.

import type { DefineAuthChallengeTriggerEvent } from 'aws-lambda';
import { defineAuthChallenge } from '#shared/identity/custom-auth.ts';
import { workerHandler } from '#shared/workers/handler.ts';

export const handler = workerHandler<DefineAuthChallengeTriggerEvent, DefineAuthChallengeTriggerEvent>(async (event) => {
  event.response = { ...event.response, ...defineAuthChallenge(event.request) };
  return event;
});
