import { useEffect, useRef, useState } from 'react';

const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Seconds left before an idle session ends, or null when `enabled` is false.
 * Any touch, click or key press restarts the count; `onExpire` runs once at zero.
 */
export function useIdleTimeout(enabled: boolean, timeoutSeconds: number, onExpire: () => void): number | null {
  const [left, setLeft] = useState<number | null>(enabled ? timeoutSeconds : null);
  // Read at expiry: a new function at each render must not restart the count.
  const expire = useRef(onExpire);
  expire.current = onExpire;
  useEffect(() => {
    if (!enabled) {
      setLeft(null);
      return;
    }
    let deadline = Date.now() + timeoutSeconds * 1000;
    let expired = false;
    const reset = () => {
      deadline = Date.now() + timeoutSeconds * 1000;
      setLeft(timeoutSeconds);
    };
    ACTIVITY.forEach((e) => window.addEventListener(e, reset, { capture: true, passive: true }));
    const timer = setInterval(() => {
      const seconds = Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
      setLeft(seconds);
      if (seconds === 0 && !expired) {
        expired = true;
        expire.current();
      }
    }, 250);
    setLeft(timeoutSeconds);
    return () => {
      clearInterval(timer);
      ACTIVITY.forEach((e) => window.removeEventListener(e, reset, { capture: true }));
    };
  }, [enabled, timeoutSeconds]);
  return left;
}
