/** Formatting used on every page: durations, clocks, dates and times in the user's time zone. */

export function formatDuration(totalSeconds: number | null | undefined): string {
  const seconds = Math.max(0, Math.floor(totalSeconds ?? 0));
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  if (hours === 0) return `${minutes}m`;
  return `${hours}h ${String(minutes).padStart(2, '0')}m`;
}

/**
 * A duration typed by a person, in seconds: "1:30" (h:mm), "1.5" or "1,5" (hours), "90m", "2h",
 * "1h 30m". Null when it is not one, or not more than 0 and at most 24 hours.
 */
export function parseDuration(text: string): number | null {
  const t = text.trim().toLowerCase().replace(',', '.');
  let seconds: number | null = null;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{1,2}):([0-5]\d)$/.exec(t))) seconds = Number(m[1]) * 3600 + Number(m[2]) * 60;
  else if ((m = /^(\d{1,2}(?:\.\d{1,2})?)\s*h?$/.exec(t))) seconds = Math.round(Number(m[1]) * 3600);
  else if ((m = /^(\d{1,4})\s*m(?:in)?$/.exec(t))) seconds = Number(m[1]) * 60;
  else if ((m = /^(\d{1,2})\s*h\s*(\d{1,2})\s*m(?:in)?$/.exec(t)) && Number(m[2]) < 60) seconds = Number(m[1]) * 3600 + Number(m[2]) * 60;
  return seconds !== null && seconds > 0 && seconds <= 24 * 3600 ? seconds : null;
}

/** HH:MM:SS; hours grow past 99 rather than wrapping. */
export function formatClock(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return [h, m, s].map((n) => String(n).padStart(2, '0')).join(':');
}

export function elapsedSince(startIso: string, now: number = Date.now()): number {
  const start = Date.parse(startIso);
  return Number.isNaN(start) ? 0 : Math.max(0, Math.floor((now - start) / 1000));
}

function safeZone(zone: string | null | undefined): string | undefined {
  if (!zone) return undefined;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone;
  } catch {
    return undefined;
  }
}

/** Whether the browser knows a zone name. The browser ignores case and the server does not, so it may still refuse one. */
export function isTimeZone(zone: string): boolean {
  return safeZone(zone) !== undefined;
}

/** Every zone the browser knows, for pickers. */
export function timeZones(): string[] {
  return typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['UTC'];
}

export function formatDate(iso: string, zone?: string | null): string {
  return new Intl.DateTimeFormat('en-US', { timeZone: safeZone(zone), month: 'short', day: 'numeric', year: 'numeric' }).format(
    new Date(iso),
  );
}

export function formatTime(iso: string, zone?: string | null): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: safeZone(zone), hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

export function formatDateTime(iso: string, zone?: string | null): string {
  return `${formatDate(iso, zone)} ${formatTime(iso, zone)}`;
}

/** The calendar day (YYYY-MM-DD) an instant falls on in a zone. */
export function dayKey(iso: string | number | Date, zone?: string | null): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: safeZone(zone),
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** Offset of a zone from UTC at an instant, in milliseconds (east positive). */
function zoneOffset(utcMillis: number, zone: string | undefined): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(utcMillis));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(utcMillis / 1000) * 1000;
}

/** The UTC instant (ISO) of a wall-clock date and time in a zone, e.g. ('2026-03-29', '09:00', 'Europe/Berlin'). */
export function zonedToIso(date: string, time: string, zone?: string | null): string {
  const [y, mo, d] = date.split('-').map(Number);
  const [h, mi] = time.split(':').map(Number);
  const wall = Date.UTC(y ?? 1970, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0);
  const z = safeZone(zone);
  let guess = wall - zoneOffset(wall, z);
  guess = wall - zoneOffset(guess, z);
  return new Date(guess).toISOString();
}

export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  return ((words[0]?.[0] ?? '') + (words.length > 1 ? (words[words.length - 1]?.[0] ?? '') : '')).toUpperCase() || '?';
}

/** A calendar day (YYYY-MM-DD) moved by whole days; no time zone is involved. */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + days)).toISOString().slice(0, 10);
}

/** The Monday of the ISO week a calendar day is in. */
export function mondayOf(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  const weekday = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)).getUTCDay(); // 0 = Sunday
  return addDays(day, -((weekday + 6) % 7));
}

export type RangePreset = 'this-week' | 'last-week' | 'this-month' | 'last-month';

/** The days of a preset range, both included, around `today` (a day of the user's zone). */
export function presetRange(preset: RangePreset, today: string): { start: string; end: string } {
  const monday = mondayOf(today);
  const firstOfMonth = `${today.slice(0, 7)}-01`;
  switch (preset) {
    case 'this-week':
      return { start: monday, end: addDays(monday, 6) };
    case 'last-week':
      return { start: addDays(monday, -7), end: addDays(monday, -1) };
    case 'this-month':
      return { start: firstOfMonth, end: addDays(`${addDays(firstOfMonth, 32).slice(0, 7)}-01`, -1) };
    case 'last-month': {
      const end = addDays(firstOfMonth, -1);
      return { start: `${end.slice(0, 7)}-01`, end };
    }
  }
}

/** A calendar day written out: "Mon, Mar 2". */
export function formatDay(day: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', weekday: 'short', month: 'short', day: 'numeric' }).format(new Date(`${day}T00:00:00Z`));
}
