import { useEffect, useState } from 'react';
import type { CardSession } from '../../../electron/shared/contract/card';
import { sportello } from '../platform/sportello';

/**
 * The card session as core sees it, from the `card.session` event: its current state first
 * (the bus's snapshot, kept by the page's event hub), then each change (a card inserted, read,
 * authenticated or removed).
 */
export function useCardSession(): CardSession | null {
  const [session, setSession] = useState<CardSession | null>(null);
  useEffect(() => {
    let live = true;
    const off = sportello.on('card.session', (s) => live && setSession(s));
    return () => {
      live = false;
      off();
    };
  }, []);
  return session;
}
