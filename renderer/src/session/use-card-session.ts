import { useEffect, useState } from 'react';
import type { CardSession } from '../../../electron/shared/contract/card';
import { sportello } from '../platform/sportello';

/**
 * The card session as core sees it: asked once at start, then kept current by the
 * `card.session` event (a card inserted, read, authenticated or removed).
 */
export function useCardSession(): CardSession | null {
  const [session, setSession] = useState<CardSession | null>(null);
  useEffect(() => {
    let live = true;
    const off = sportello.on('card.session', (s) => live && setSession(s));
    void sportello.card.status({}).then((r) => live && r.ok && setSession((current) => current ?? r.value.session));
    return () => {
      live = false;
      off();
    };
  }, []);
  return session;
}
