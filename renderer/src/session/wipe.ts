/**
 * Leaves nothing of a citizen in the page: web storage (except the token this tab presents
 * to the browser host, which belongs to the tab, not to the citizen), Cache Storage,
 * and the history entry's state. React state is dropped by remounting the citizen tree.
 */
import { TOKEN_KEY } from '../platform/host-connection';

const KEEP = new Set([TOKEN_KEY]);

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
