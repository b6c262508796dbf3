// The header's slot for what other areas put beside the user's name: the account switch (web/src/account-switch.tsx,
// built in the people area) is rendered here once it exists. One place, so the frame does not change for it.

import type { VNode } from 'preact';

/** Shown in the customer header, before the user's name. */
export function HeaderExtras(): VNode | null {
  return null;
}
