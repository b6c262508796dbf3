// Cognito's Custom message trigger for the staff pool: the invitation to set a first password, reset links to the
// staff pages and the sign-in code, in Atrium's words and the staff user's language.

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
        locale: localeOf(clientMetadata?.locale, userAttributes.locale),
        code: codeParameter,
        portalUrl: config().portalUrl,
        pool: 'staff',
        ...(clientMetadata?.purpose ? { purpose: clientMetadata.purpose } : {}),
      })
    : undefined;
  if (message) event.response = { ...event.response, ...message };
  return event;
});
