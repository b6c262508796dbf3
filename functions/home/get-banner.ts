// Staff: shows the offer banner as set (texts per language, link, on or off).

import * as api from '#shared/api/home.ts';
import { getBanner } from '#shared/home/banner.ts';
import { httpHandler } from '#shared/http/handler.ts';

export const handler = httpHandler(api.getBanner, async () => {
  const banner = await getBanner();
  return { body: banner ? { banner } : {} };
});
