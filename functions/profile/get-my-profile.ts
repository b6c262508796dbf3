// The signed-in person's own data and their account's profile, with the company verification status.

import { getMyProfile } from '#shared/accounts/profile.ts';
import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import * as api from '#shared/api/profile.ts';

export const handler = customerHttpHandler(api.getMyProfile, async ({ customer }) => ({ body: await getMyProfile(customer) }));
