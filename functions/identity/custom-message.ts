// Cognito's Custom message trigger for the customer pool: confirmation and reset links to the portal, and the sign-in
// code, in Atrium's words and the user's language.

import type { CustomMessageTriggerEvent } from 'aws-lambda';
import { config } from '#shared/config.ts';
import { localeOf } from '#shared/identity/custom-auth.ts';
import { customMessage } from '#shared/identity/custom-message.ts';
import { workerHandler } from '#shared/workers/handler.ts';

export const handler = workerHandler<CustomMessageTriggerEvent, CustomMessageTriggerEvent>(async (event) => {
  const { userAttributes, clientMetadata, codeParameter } = event.request;
  const email = userAttributes.email;
  const message = email
    ? customMessage({
        triggerSource: event.triggerSource,
        email,
        // The page's language when the call carried it (sign-up, resend, forgot password), else the user's.
        locale: localeOf(clientMetadata?.locale, userAttributes.locale),
        code: codeParameter,
        portalUrl: config().portalUrl,
      })
    : undefined;
  if (message) event.response = { ...event.response, ...message };
  return event;
});
