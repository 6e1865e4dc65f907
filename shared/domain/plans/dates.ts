/**
 * Calendar-day arithmetic on `YYYY-MM-DD` strings without `Date`: a day is an integer (days
 * since 1970-01-01), so there is no time zone, no daylight-saving hour and no host clock in
 * play. Algorithms from Howard Hinnant, "chrono-compatible low-level date algorithms".
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The last day a plan date can take: the project file stores 4-digit years. */
export const MAX_DAY = daysFromCivil(9999, 12, 31);
/** 0001-01-01. */
export const MIN_DAY = daysFromCivil(1, 1, 1);

function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True for a real calendar date written as `YYYY-MM-DD` (no 2026-02-30). */
export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` date; throws on anything else. */
export function toDayNumber(isoDate: string): number {
  if (!isIsoDate(isoDate)) throw new RangeError(`not a calendar date as YYYY-MM-DD: ${JSON.stringify(isoDate)}`);
  return daysFromCivil(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)), Number(isoDate.slice(8, 10)));
}

/** The `YYYY-MM-DD` date of a day number, clamped to 0001-01-01 … 9999-12-31. */
export function fromDayNumber(dayNumber: number): string {
  const z = Math.min(MAX_DAY, Math.max(MIN_DAY, Math.trunc(dayNumber))) + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function addDays(isoDate: string, days: number): string {
  return fromDayNumber(toDayNumber(isoDate) + days);
}

/** The date part of an ISO date-time (`2026-03-16T09:00:00Z` → `2026-03-16`), or null. */
export function datePart(isoDateTime: string): string | null {
  const candidate = isoDateTime.slice(0, 10);
  return isIsoDate(candidate) ? candidate : null;
}
