// Shows the signed-in person their current sign-in e-mail address.

import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import * as api from '#shared/api/notifications.ts';

export const handler = customerHttpHandler(api.getMyEmail, async ({ customer }) => ({ body: { email: customer.email } }));
