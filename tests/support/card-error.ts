import { CardError } from '../../native/apdu/errors';

/** The CardError a card operation rejects with; fails the test when it resolves or throws something else. */
export async function cardErrorOf(p: Promise<unknown>): Promise<CardError> {
  try {
    await p;
  } catch (error) {
    if (error instanceof CardError) return error;
    throw error;
  }
  throw new Error('expected a CardError');
}

/** The CardError a synchronous call throws, undefined when it returns; anything else it throws is rethrown. */
export function cardErrorIfAny(fn: () => unknown): CardError | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof CardError) return error;
    throw error;
  }
  return undefined;
}

/** The CardError a synchronous call throws; fails the test when it returns or throws something else. */
export function cardErrorThrownBy(fn: () => unknown): CardError {
  const error = cardErrorIfAny(fn);
  if (!error) throw new Error('expected a CardError');
  return error;
}
