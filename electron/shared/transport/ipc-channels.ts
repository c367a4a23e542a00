/** IPC channel names: one per contract call, one for all events. */
const CALL_PREFIX = 'sportello:call:';
export const EVENT_CHANNEL = 'sportello:event';

export function callChannel(call: string): string {
  return CALL_PREFIX + call;
}
