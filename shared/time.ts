// The clock, in one place, so tests can move it.

let offsetMs = 0;

export function now(): Date {
  return new Date(Date.now() + offsetMs);
}
export function nowIso(): string {
  return now().toISOString();
}
export function nowEpochSeconds(): number {
  return Math.floor(now().getTime() / 1000);
}
/** Tests only: moves the clock forward (or back) by the given milliseconds. */
export function shiftClockForTests(ms: number): void {
  offsetMs += ms;
}
export function resetClockForTests(): void {
  offsetMs = 0;
}
