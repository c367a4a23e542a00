/**
 * The contract: every call and event between renderer and main.
 * Each domain keeps its entries in a file of its own and is listed here once.
 */
import { appCalls } from './app';
import { catalogueCalls } from './catalogue';
import { praticheCalls } from './pratiche';
import { syncCalls, syncEvents } from './sync';
import { cardCalls, cardEvents } from './card';
import { documentsCalls } from './documents';
import { deskCalls } from './desk';
import { firmaCalls } from './firma';
import { moduliCalls } from './moduli';
import { messaggiCalls } from './messaggi';
import { documentiComuneCalls } from './documenti-comune';
import { praticheConcluseCalls } from './pratiche-concluse';

export const calls = {
  ...appCalls,
  ...catalogueCalls,
  ...praticheCalls,
  ...syncCalls,
  ...cardCalls,
  ...documentsCalls,
  ...deskCalls,
  ...firmaCalls,
  ...moduliCalls,
  ...messaggiCalls,
  ...documentiComuneCalls,
  ...praticheConcluseCalls,
} as const;

export const events = {
  ...syncEvents,
  ...cardEvents,
} as const;

export type Calls = typeof calls;
export type Events = typeof events;
export type CallName = keyof Calls & string;
export type EventName = keyof Events & string;
