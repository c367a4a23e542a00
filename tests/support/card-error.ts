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

/** The same for a synchronous call. */
export function cardErrorThrownBy(fn: () => unknown): CardError {
  try {
    fn();
  } catch (error) {
    if (error instanceof CardError) return error;
    throw error;
  }
  throw new Error('expected a CardError');
}
