import { beforeEach, describe, expect, it } from 'vitest';
import { MAX_REDIRECTS, WINDOW_MS, allowAuthRedirect, isBreakerOpen, resetBreaker } from './redirectBreaker.ts';

beforeEach(() => sessionStorage.clear());

describe('the redirect circuit breaker', () => {
  it('allows a few auth redirects and opens on a loop', () => {
    const now = 1_000_000;
    for (let i = 0; i < MAX_REDIRECTS; i++) expect(allowAuthRedirect(now + i * 100)).toBe(true);
    expect(allowAuthRedirect(now + 500)).toBe(false);
    expect(isBreakerOpen(now + 600)).toBe(true);
  });

  it('forgets redirects older than its window', () => {
    const now = 2_000_000;
    for (let i = 0; i < MAX_REDIRECTS; i++) allowAuthRedirect(now);
    expect(allowAuthRedirect(now + WINDOW_MS + 1)).toBe(true);
  });

  it('closes again when reset', () => {
    for (let i = 0; i < MAX_REDIRECTS; i++) allowAuthRedirect(5);
    resetBreaker();
    expect(allowAuthRedirect(6)).toBe(true);
  });
});
