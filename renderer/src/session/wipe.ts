/**
 * Leaves nothing of a citizen in the page: web storage (except the browser host's
 * launch token, which belongs to the installation, not to the citizen), Cache Storage,
 * and the history entry's state. React state is dropped by remounting the citizen tree.
 */
const KEEP = new Set(['sportello.token']);

export async function wipeCitizenTraces(): Promise<void> {
  for (let i = sessionStorage.length - 1; i >= 0; i--) {
    const key = sessionStorage.key(i);
    if (key !== null && !KEEP.has(key)) sessionStorage.removeItem(key);
  }
  localStorage.clear();
  history.replaceState(null, '', window.location.pathname);
  if ('caches' in window) {
    const names = await caches.keys();
    await Promise.all(names.map((name) => caches.delete(name)));
  }
}
