/** A JWT's claims, read without verifying the token (the server verifies). */
function claimsOf(token: string | null | undefined): Record<string, unknown> | null {
  const payload = token?.split('.')[1];
  if (!payload) return null;
  try {
    const claims: unknown = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/')));
    return claims && typeof claims === 'object' ? (claims as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The user id (`sub`) a JWT was issued for. */
export function subjectOf(token: string | null | undefined): number | null {
  const claims = claimsOf(token);
  if (!claims) return null;
  const id = Number(claims.sub);
  return Number.isFinite(id) ? id : null;
}

/**
 * Whether a JWT has expired (`exp`), or will within `marginMs`. A token without a readable `exp`
 * counts as valid: the server decides.
 */
export function hasExpired(token: string | null | undefined, now = Date.now(), marginMs = 10_000): boolean {
  const exp = claimsOf(token)?.exp;
  return typeof exp === 'number' && exp * 1000 <= now + marginMs;
}
