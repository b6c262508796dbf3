// zod, the one way Atrium validates input: the tree-shakable `zod/mini` build with English messages only.
// Import it as `import * as z from '#shared/validation.ts'`. Classic zod costs ~92 KB in every handler bundle;
// this costs ~20 KB (docs/performance.md). Re-exporting a namespace object would defeat tree-shaking, hence `export *`.

import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

config(en());

export * from 'zod/mini';
