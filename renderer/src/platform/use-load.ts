import { useCallback, useEffect, useRef, useState } from 'react';
import { messageOf } from './call';

export interface Loaded<T> {
  data: T | null;
  error: string | null;
  busy: boolean;
  reload(): void;
  /** Takes what an action got back from core in place of the loaded value (and of a load that failed). */
  replace(value: T): void;
}

/** Loads data for a screen once (and on `reload`), with the error as a message for a person. */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(true);
  const [round, setRound] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    let current = true;
    setBusy(true);
    loadRef.current().then(
      (value) => current && (setData(value), setError(null)),
      (e: unknown) => current && setError(messageOf(e)),
    ).finally(() => current && setBusy(false));
    return () => {
      current = false;
    };
  }, [...deps, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  const replace = useCallback((value: T) => {
    setData(value);
    setError(null);
  }, []);
  return { data, error, busy, reload, replace };
}

/** Runs an action with a busy flag and its error as a message; returns the value or null. */
export function useAction(): {
  busy: boolean;
  error: string | null;
  setError(message: string | null): void;
  run<T>(action: () => Promise<T>): Promise<T | null>;
} {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(async <T,>(action: () => Promise<T>): Promise<T | null> => {
    setBusy(true);
    setError(null);
    try {
      return await action();
    } catch (e) {
      setError(messageOf(e));
      return null;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, setError, run };
}
