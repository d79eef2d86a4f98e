import { describe, expect, it } from 'vitest';
import { dayKey, elapsedSince, formatClock, formatDate, formatDuration, formatTime, initials, parseDuration, zonedToIso } from './format.ts';
import { passwordProblems } from './password.ts';

describe('formatting', () => {
  it('reads a typed duration as h:mm, hours or minutes, more than 0 and at most 24 h', () => {
    expect(parseDuration('1:30')).toBe(5400);
    expect(parseDuration(' 0:05 ')).toBe(300);
    expect(parseDuration('1.5')).toBe(5400);
    expect(parseDuration('1,25')).toBe(4500);
    expect(parseDuration('2h')).toBe(7200);
    expect(parseDuration('90m')).toBe(5400);
    expect(parseDuration('1h 30m')).toBe(5400);
    expect(parseDuration('24:00')).toBe(86400);
    for (const bad of ['', '0', '0:00', '1:60', '25', '24:01', 'abc', '1:3', '-1', '1h 75m']) expect(parseDuration(bad)).toBeNull();
  });

  it('formats durations as hours and minutes', () => {
    expect(formatDuration(0)).toBe('0m');
    expect(formatDuration(59)).toBe('0m');
    expect(formatDuration(45 * 60)).toBe('45m');
    expect(formatDuration(3600 + 5 * 60 + 59)).toBe('1h 05m');
    expect(formatDuration(26 * 3600)).toBe('26h 00m');
    expect(formatDuration(null)).toBe('0m');
  });

  it('formats a running clock without wrapping at 24 h', () => {
    expect(formatClock(0)).toBe('00:00:00');
    expect(formatClock(3 * 3600 + 7 * 60 + 9)).toBe('03:07:09');
    expect(formatClock(100 * 3600)).toBe('100:00:00');
  });

  it('computes elapsed time from the start instant', () => {
    expect(elapsedSince('2026-01-01T10:00:00Z', Date.parse('2026-01-01T11:30:15Z'))).toBe(5415);
    expect(elapsedSince('2026-01-01T10:00:00Z', Date.parse('2026-01-01T09:00:00Z'))).toBe(0);
  });

  it('shows dates and times in the user’s zone, not the browser’s', () => {
    const iso = '2026-03-01T23:30:00Z';
    expect(formatTime(iso, 'Europe/Berlin')).toBe('00:30');
    expect(formatDate(iso, 'Europe/Berlin')).toBe('Mar 2, 2026');
    expect(formatDate(iso, 'America/New_York')).toBe('Mar 1, 2026');
    expect(dayKey(iso, 'Asia/Tokyo')).toBe('2026-03-02');
    expect(dayKey(iso, 'UTC')).toBe('2026-03-01');
  });

  it('turns a wall-clock time in a zone into the right instant, across DST changes', () => {
    expect(zonedToIso('2026-01-15', '09:00', 'Europe/Berlin')).toBe('2026-01-15T08:00:00.000Z');
    expect(zonedToIso('2026-07-15', '09:00', 'Europe/Berlin')).toBe('2026-07-15T07:00:00.000Z');
    expect(zonedToIso('2026-03-08', '12:00', 'America/New_York')).toBe('2026-03-08T16:00:00.000Z');
    expect(zonedToIso('2026-01-15', '23:45', 'UTC')).toBe('2026-01-15T23:45:00.000Z');
  });

  it('falls back to the browser zone for an unknown zone name', () => {
    expect(() => formatTime('2026-01-01T00:00:00Z', 'Not/AZone')).not.toThrow();
  });

  it('makes initials', () => {
    expect(initials('Ann Marie Example')).toBe('AE');
    expect(initials('cher')).toBe('C');
    expect(initials('  ')).toBe('?');
  });

  it('checks the server’s password rules a form can check', () => {
    expect(passwordProblems('Quiet-River-4-Stone')).toEqual([]);
    expect(passwordProblems('short')).toEqual(['at least 12 characters', 'an upper-case letter', 'a digit', 'a special character such as ! @ # $ % - _ (a space or / does not count)']);
    expect(passwordProblems('Quiet River 4 Stone')).toEqual(['a special character such as ! @ # $ % - _ (a space or / does not count)']);
    expect(passwordProblems('Quiet/River/4/Stone')).toEqual(['a special character such as ! @ # $ % - _ (a space or / does not count)']);
  });
});
