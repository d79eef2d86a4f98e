import { describe, expect, it } from 'vitest';
import { hasExpired, subjectOf } from './jwt.ts';

function jwt(claims: object): string {
  return `h.${btoa(JSON.stringify(claims)).replace(/=+$/, '')}.s`;
}

describe('reading a JWT', () => {
  const now = Date.UTC(2026, 2, 2, 12, 0, 0);

  it('names its user', () => {
    expect(subjectOf(jwt({ sub: '42' }))).toBe(42);
    expect(subjectOf(jwt({ sub: 'x' }))).toBeNull();
    expect(subjectOf('garbage')).toBeNull();
    expect(subjectOf(null)).toBeNull();
  });

  it('has expired at its exp, or within the margin before it', () => {
    const exp = now / 1000;
    expect(hasExpired(jwt({ exp: exp - 1 }), now)).toBe(true);
    expect(hasExpired(jwt({ exp: exp + 9 }), now)).toBe(true);
    expect(hasExpired(jwt({ exp: exp + 11 }), now)).toBe(false);
    expect(hasExpired(jwt({ exp: exp + 9 }), now, 0)).toBe(false);
  });

  it('counts a token without a readable exp as valid (the server decides)', () => {
    expect(hasExpired(jwt({ sub: '1' }), now)).toBe(false);
    expect(hasExpired(jwt({ exp: 'soon' }), now)).toBe(false);
    expect(hasExpired('not-a-jwt', now)).toBe(false);
    expect(hasExpired(null, now)).toBe(false);
  });
});
