// Input schemas of the licensing routes: the computer ids the vendor's software sends, and activation keys.

import * as z from '#shared/validation.ts';

/**
 * A computer id as the licensed software reports it: 1 to 128 letters, digits and `. _ : { } -` (hardware hashes,
 * host names, GUIDs). Compared exactly; it becomes the licence file's `serial`.
 */
export const computerIdSchema = z
  .string()
  .check(z.regex(/^(?=.*[A-Za-z0-9])[A-Za-z0-9._:{}-]{1,128}$/, 'A computer id: 1 to 128 letters, digits and . _ : { } -.'));

/** As the customer sees it (`NAQR-HVW5`), or typed with spaces, without dashes, in any case. */
export const activationKeySchema = z.string().check(z.regex(/^[A-Za-z0-9 -]{4,64}$/, 'An activation key such as NAQR-HVW5.'));
