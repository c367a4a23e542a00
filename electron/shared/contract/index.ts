/**
 * The contract: every call and event between renderer and main.
 * Each domain keeps its entries in a file of its own and is listed here once.
 */
import { appCalls, appEvents } from './app';

export const calls = {
  ...appCalls,
} as const;

export const events = {
  ...appEvents,
} as const;

export type Calls = typeof calls;
export type Events = typeof events;
export type CallName = keyof Calls & string;
export type EventName = keyof Events & string;
