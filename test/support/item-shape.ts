// The entity tests' way to look at the error a drifted item raises (shared/db/entity.ts).

import { ItemShapeError } from '#shared/db/entity.ts';

/** The error a drifted item raises, caught so its fields can be checked. */
export function shapeErrorOf(read: () => unknown): ItemShapeError {
  try {
    read();
  } catch (error) {
    if (error instanceof ItemShapeError) return error;
    throw error;
  }
  throw new Error('The drifted item was accepted.');
}
