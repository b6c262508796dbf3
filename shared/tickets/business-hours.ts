// Business time for SLA targets: the support desk's calendar (time zone, working days, hours, public holidays) and the
// two sums every due time and report needs, with wall times converted through Intl so daylight-saving changes land right.
// No dependencies beyond the runtime: the web may import it too.

export interface SupportCalendar {
  /** IANA time zone the hours are kept in, e.g. Europe/Warsaw. */
  timeZone: string;
  /** ISO weekdays worked: 1 = Monday ... 7 = Sunday. */
  workingDays: number[];
  /** Opening hours of a working day, local wall time `HH:MM` (end after start; `24:00` is the end of the day). */
  hours: { start: string; end: string };
  /** Public holidays (local dates `YYYY-MM-DD`): no business time at all. */
  holidays: string[];
}

/** The environment variable carrying a stage's calendar (JSON) to its lambdas. */
export const SUPPORT_CALENDAR_VARIABLE = 'ATRIUM_SUPPORT_CALENDAR';

/** Poland's public holidays of 2026 and 2027 (the default desk works in Warsaw). A stage lists its own in infra/config.ts. */
const POLISH_HOLIDAYS = [
  '2026-01-01',
  '2026-01-06',
  '2026-04-05',
  '2026-04-06',
  '2026-05-01',
  '2026-05-03',
  '2026-05-24',
  '2026-06-04',
  '2026-08-15',
  '2026-11-01',
  '2026-11-11',
  '2026-12-24',
  '2026-12-25',
  '2026-12-26',
  '2027-01-01',
  '2027-01-06',
  '2027-03-28',
  '2027-03-29',
  '2027-05-01',
  '2027-05-03',
  '2027-05-16',
  '2027-05-27',
  '2027-08-15',
  '2027-11-01',
  '2027-11-11',
  '2027-12-24',
  '2027-12-25',
  '2027-12-26',
];

export const DEFAULT_SUPPORT_CALENDAR: SupportCalendar = {
  timeZone: 'Europe/Warsaw',
  workingDays: [1, 2, 3, 4, 5],
  hours: { start: '08:00', end: '17:00' },
  holidays: POLISH_HOLIDAYS,
};

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function minutesOfDay(value: string): number {
  const [hours, minutes] = value.split(':').map(Number);
  return hours! * 60 + minutes!;
}

/** A calendar as a stage declares it, checked: a wrong one fails the synth (and the cold start), never a due time. */
export function parseSupportCalendar(value: unknown): SupportCalendar {
  const given = (typeof value === 'object' && value !== null ? value : {}) as Partial<SupportCalendar>;
  const calendar: SupportCalendar = { ...DEFAULT_SUPPORT_CALENDAR, ...given };
  try {
    new Intl.DateTimeFormat('en', { timeZone: calendar.timeZone });
  } catch {
    throw new Error(`Not a time zone: ${String(calendar.timeZone)}`);
  }
  const days = calendar.workingDays;
  if (!Array.isArray(days) || days.length === 0 || days.some((day) => !Number.isInteger(day) || day < 1 || day > 7))
    throw new Error('Working days are ISO weekdays 1 (Monday) to 7 (Sunday), at least one.');
  const { start, end } = calendar.hours ?? {};
  if (
    typeof start !== 'string' ||
    typeof end !== 'string' ||
    !HH_MM.test(start) ||
    !HH_MM.test(end) ||
    minutesOfDay(end) <= minutesOfDay(start)
  )
    throw new Error('Hours are HH:MM to HH:MM, the end after the start.');
  if (!Array.isArray(calendar.holidays) || calendar.holidays.some((day) => typeof day !== 'string' || !DATE.test(day)))
    throw new Error('Holidays are dates YYYY-MM-DD.');
  return { timeZone: calendar.timeZone, workingDays: [...new Set(days)].sort(), hours: { start, end }, holidays: [...calendar.holidays] };
}

let cached: SupportCalendar | undefined;

/** This stage's calendar: ATRIUM_SUPPORT_CALENDAR when set (deployed lambdas), else the default. Read once. */
export function supportCalendar(): SupportCalendar {
  if (cached) return cached;
  const raw = typeof process === 'undefined' ? undefined : process.env[SUPPORT_CALENDAR_VARIABLE];
  cached = raw ? parseSupportCalendar(JSON.parse(raw)) : DEFAULT_SUPPORT_CALENDAR;
  return cached;
}

export function resetSupportCalendarForTests(): void {
  cached = undefined;
}

// -- time-zone arithmetic --

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let found = formatters.get(timeZone);
  if (!found) {
    found = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, found);
  }
  return found;
}

interface LocalDate {
  year: number;
  month: number;
  day: number;
}

function localParts(instant: number, timeZone: string): LocalDate & { hour: number; minute: number; second: number } {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour! % 24, minute: parts.minute!, second: parts.second! };
}

/** The zone's offset from UTC at an instant, in milliseconds (Warsaw: +1 h in winter, +2 h in summer). */
function offsetAt(instant: number, timeZone: string): number {
  const local = localParts(instant, timeZone);
  const wall = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
  return wall - (instant - (((instant % 1000) + 1000) % 1000));
}

/** The instant of a local wall time; a time skipped by a spring-forward gap moves forward by the gap, as clocks do. */
function zonedInstant(date: LocalDate, minuteOfDay: number, timeZone: string): number {
  const wall = Date.UTC(date.year, date.month - 1, date.day, 0, minuteOfDay);
  const first = wall - offsetAt(wall, timeZone);
  const second = wall - offsetAt(first, timeZone);
  return Math.max(first, second);
}

function nextDate(date: LocalDate): LocalDate {
  const next = new Date(Date.UTC(date.year, date.month - 1, date.day + 1));
  return { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
}

function isoDate(date: LocalDate): string {
  return `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

function isoWeekday(date: LocalDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay() || 7;
}

/** A bound on the days walked: a calendar always has a working day each week, but holidays could be listed for years. */
const MAX_DAYS = 366 * 20;

/** The business windows [open, close) in UTC milliseconds, day by day from the local day holding `from`. */
function* windows(from: number, calendar: SupportCalendar): Generator<[number, number]> {
  const holidays = new Set(calendar.holidays);
  const start = minutesOfDay(calendar.hours.start);
  const end = minutesOfDay(calendar.hours.end);
  let date: LocalDate = localParts(from, calendar.timeZone);
  for (let walked = 0; walked < MAX_DAYS; walked++, date = nextDate(date)) {
    if (!calendar.workingDays.includes(isoWeekday(date)) || holidays.has(isoDate(date))) continue;
    yield [zonedInstant(date, start, calendar.timeZone), zonedInstant(date, end, calendar.timeZone)];
  }
  throw new Error(`No business time within ${MAX_DAYS} days of ${new Date(from).toISOString()}`);
}

/**
 * The instant `minutes` business minutes after `start`: outside hours the count starts at the next opening. Zero
 * minutes is `start` itself. Additive: adding a then b equals adding a + b.
 */
export function addBusinessMinutes(start: Date, minutes: number, calendar: SupportCalendar): Date {
  if (!(minutes >= 0) || !Number.isFinite(minutes)) throw new RangeError(`Business minutes must be 0 or more, not ${minutes}`);
  if (minutes === 0) return new Date(start.getTime());
  let remaining = minutes * 60_000;
  const from = start.getTime();
  for (const [open, close] of windows(from, calendar)) {
    const begin = Math.max(open, from);
    if (begin >= close) continue;
    if (remaining <= close - begin) return new Date(begin + remaining);
    remaining -= close - begin;
  }
  /* c8 ignore next */
  throw new Error('unreachable');
}

/** The business minutes from `a` to `b` (0 when b is not after a); fractions of a minute are kept. */
export function businessMinutesBetween(a: Date, b: Date, calendar: SupportCalendar): number {
  const from = a.getTime();
  const to = b.getTime();
  if (!(to > from)) return 0;
  let total = 0;
  for (const [open, close] of windows(from, calendar)) {
    if (open >= to) break;
    const overlap = Math.min(close, to) - Math.max(open, from);
    if (overlap > 0) total += overlap;
  }
  return total / 60_000;
}
