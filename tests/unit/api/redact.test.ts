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

  it('logs an Error with its name, message and code, not as {}', () => {
    const lines: string[] = [];
    const error = Object.assign(new Error('SCardTransmit failed'), { code: 'ECARD' });
    createLogger({ sink: (l) => lines.push(l) }).error('trasmissione', { error });
    const entry = JSON.parse(lines[0] ?? '{}') as { error?: { name?: string; message?: string; code?: string } };
    expect(entry.error).toMatchObject({ name: 'Error', message: 'SCardTransmit failed', code: 'ECARD' });
  });

  it('blanks secret values inside any string when told them', () => {
    expect(redact({ note: 'PIN 12345 rifiutato', list: ['x12345y'] }, { values: ['12345'] })).toEqual({ note: `PIN ${REDACTED} rifiutato`, list: [`x${REDACTED}y`] });
  });
});
