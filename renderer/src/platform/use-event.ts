import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type { Events } from '../../../electron/shared/contract';
import { sportello } from './sportello';

/** The latest payload of a contract event (null until the first one arrives). */
export function useEvent<K extends keyof Events & string>(event: K): z.output<Events[K]> | null {
  const [value, setValue] = useState<z.output<Events[K]> | null>(null);
  useEffect(() => sportello.on(event, (payload) => setValue(payload as z.output<Events[K]>)), [event]);
  return value;
}
