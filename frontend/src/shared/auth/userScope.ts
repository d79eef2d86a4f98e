/**
 * Stores that hold one user's data register here; signing out (in this tab or another) resets
 * every one of them, so the next person on this browser never sees the previous one's state.
 */
const resets = new Set<() => void>();

export function registerUserStore(reset: () => void): () => void {
  resets.add(reset);
  return () => resets.delete(reset);
}

export function resetUserStores(): void {
  for (const reset of resets) reset();
}
