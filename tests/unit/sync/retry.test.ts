import { describe, expect, it } from 'vitest';
import { PortalError } from '../../../electron/core/sync/portal-error';
import { backoffDelay, delayAfter, withRetry } from '../../../electron/core/sync/retry';

const policy = { baseMs: 100, maxMs: 1000 };

describe('backoff e tentativi', () => {
  it('esponenziale con jitter pieno, con un tetto', () => {
    expect(backoffDelay(policy, 1, () => 1)).toBe(100);
    expect(backoffDelay(policy, 3, () => 1)).toBe(400);
    expect(backoffDelay(policy, 10, () => 1)).toBe(1000);
    expect(backoffDelay(policy, 3, () => 0.5)).toBe(200);
    expect(backoffDelay(policy, 3, () => 0)).toBe(0);
  });

  it('Retry-After del portale ha la precedenza', () => {
    expect(delayAfter(new PortalError('transient', '429', 429, 7000), policy, 1, () => 1)).toBe(7000);
  });

  it('ripete i guasti transitori, non quelli permanenti', async () => {
    const sleeps: number[] = [];
    let calls = 0;
    const value = await withRetry(
      async () => {
        if (++calls < 3) throw new PortalError('transient', 'giù', 503);
        return 'ok';
      },
      { ...policy, attempts: 5, sleep: async (ms) => void sleeps.push(ms) },
    );
    expect(value).toBe('ok');
    expect(sleeps).toHaveLength(2);
    let permanent = 0;
    await expect(withRetry(async () => { permanent++; throw new PortalError('permanent', 'no', 400); }, { ...policy, attempts: 5, sleep: async () => {} })).rejects.toThrow('no');
    expect(permanent).toBe(1);
  });

  it('la creazione non viene ripetuta alla cieca, ma un 401 sì, dopo il rinnovo', async () => {
    let calls = 0;
    await expect(
      withRetry(async () => { calls++; throw new PortalError('transient', 'persa', null); }, { ...policy, attempts: 5, retryTransient: false, sleep: async () => {} }),
    ).rejects.toThrow('persa');
    expect(calls).toBe(1);
    let renewed = 0;
    let attempts = 0;
    const value = await withRetry(
      async () => {
        if (++attempts === 1) throw new PortalError('unauthorised', 'scaduto', 401);
        return 'creata';
      },
      { ...policy, attempts: 1, retryTransient: false, sleep: async () => {}, onUnauthorised: () => renewed++ },
    );
    expect([value, renewed]).toEqual(['creata', 1]);
  });
});
