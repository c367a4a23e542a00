import { createContext, useContext } from 'react';
import type { AppInfo } from './app-info';

export interface AppContextValue {
  info: AppInfo;
  /** The comune's catalogue slug every catalogue and pratiche call names. */
  tenant: string;
  kiosk: boolean;
  /** The comune's coat of arms as a `data:` URL (catalogue.stemma), null: the plain shield. */
  stemma: string | null;
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('AppContext missing');
  return value;
}
