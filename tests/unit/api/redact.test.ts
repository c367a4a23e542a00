import { describe, expect, it } from 'vitest';
import { redact, REDACTED } from '../../../electron/core/log/redact';
import { createLogger } from '../../../electron/core/log/logger';

describe('redaction', () => {
  it('replaces PIN, PUK and credentials at any depth', () => {
    const out = redact({ pin: '12345', nested: { puk: '12345678', list: [{ password: 'x', ok: 1 }] }, codiceFiscale: 'RSSMRA80A01H501U' });
    expect(out).toEqual({
      pin: REDACTED,
      nested: { puk: REDACTED, list: [{ password: REDACTED, ok: 1 }] },
      codiceFiscale: 'RSSMRA80A01H501U',
    });
  });

  it('keeps secrets out of logged lines', () => {
    const lines: string[] = [];
    createLogger({ sink: (l) => lines.push(l) }).info('verifica', { newPin: '54321', oldPin: '12345' });
    expect(lines.join('\n')).not.toMatch(/54321|12345/);
  });
});
