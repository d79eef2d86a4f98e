/** The user id (`sub`) a JWT was issued for, read without verifying it (the server verifies). */
export function subjectOf(token: string | null | undefined): number | null {
  const payload = token?.split('.')[1];
  if (!payload) return null;
  try {
    const json = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { sub?: unknown };
    const id = Number(json.sub);
    return Number.isFinite(id) ? id : null;
  } catch {
    return null;
  }
}
