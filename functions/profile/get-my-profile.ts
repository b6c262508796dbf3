// The signed-in person's own data and their account's profile, with the company verification status.

import { getMyProfile } from '#shared/accounts/profile.ts';
import { httpHandler } from '#shared/http/handler.ts';
import * as api from '#shared/api/profile.ts';

export const handler = httpHandler(api.getMyProfile, async ({ customer }) => ({ body: await getMyProfile(customer) }));
