import { describe, expect, it } from 'vitest';
import { DEMO_CONFIG } from '../../../electron/core/config/schema';
import { createDeskArea, deskHandlers } from '../../../electron/core/desk';
import { silentLogger } from '../../../electron/core/log/logger';
import { redact } from '../../../electron/core/log/redact';
import type { CardIdentity } from '../../../electron/core/ports/card';
import { openDatabase } from '../../../electron/core/store/database';
import { memoryKeystore } from '../../support/keystore';
import { manualClock } from './clock';

const ctx = { transport: 'test' as const, clientId: 'sportello-1' };
const RILASCIO = {
  documento: { tipo: 'carta-identita' as const, numero: 'CA1234567', rilasciatoDa: 'Comune di Prova', scadenza: '2031-05-01' },
  canale: { tipo: 'email' as const, destinazione: 'mario.rossi@example.it' },
};

// The card is an in-memory stand-in: these tests are about the desk's rules, not card reading.
function area(issuer: null) {
  const identity = { codiceFiscale: 'RSSMRA80A01H501U', nome: 'MARIO', cognome: 'ROSSI', seriale: '6120016461039008', scadenza: '2030-01-01', tipo: 'CNS' } as CardIdentity;
  return createDeskArea({
    config: { ...DEMO_CONFIG, mode: 'desk' },
    db: openDatabase(':memory:'),
    dataDir: '/dati/di/prova',
    keystore: memoryKeystore(),
    clock: manualClock(),
    log: silentLogger,
    carta: { current: () => ({ identity, reader: 'lettore' }), pinStatus: async () => ({ triesLeft: 3, blocked: false, pukTriesLeft: 3, pukBlocked: false }) },
    issuer,
  });
}

describe('desk calls', () => {
  it('are all refused outside desk mode', async () => {
    const handlers = deskHandlers(area(null), { enabled: false });
    await expect(handlers['desk.login']({ username: 'admin', password: 'amministra-2026' }, ctx)).rejects.toMatchObject({ code: 'non-sportello' });
    await expect(handlers['desk.sessione']({}, ctx)).rejects.toMatchObject({ code: 'non-sportello' });
  });

  it('refuse a release when the installation has no issuing system, recording nothing', async () => {
    const desk = area(null);
    await desk.operatori.createFirstAdministrator({ username: 'admin', nome: 'Anna', password: 'amministra-2026' });
    const handlers = deskHandlers(desk, { enabled: true });
    await expect(handlers['desk.rilascia'](RILASCIO, ctx)).rejects.toMatchObject({ code: 'sessione-operatore-assente' });
    await handlers['desk.login']({ username: 'admin', password: 'amministra-2026' }, ctx);
    await expect(handlers['desk.carta']({}, ctx)).resolves.toMatchObject({ titolare: { codiceFiscale: 'RSSMRA80A01H501U' }, pin: { triesLeft: 3 } });
    await expect(handlers['desk.rilascia'](RILASCIO, ctx)).rejects.toMatchObject({ code: 'emittente-non-configurato' });
    expect([...desk.registro.entries()].map((e) => e.kind)).toEqual(['operatore.creato', 'operatore.accesso']);
  });

  it('let only administrators see and create operators', async () => {
    const desk = area(null);
    const admin = await desk.operatori.createFirstAdministrator({ username: 'admin', nome: 'Anna', password: 'amministra-2026' });
    await desk.operatori.create(admin, { username: 'mario.bianchi', nome: 'Mario', ruolo: 'operatore', password: 'sportello-2026' });
    const handlers = deskHandlers(desk, { enabled: true });
    await handlers['desk.login']({ username: 'mario.bianchi', password: 'sportello-2026' }, ctx);
    await expect(handlers['desk.operatori.elenco']({}, ctx)).rejects.toMatchObject({ code: 'non-autorizzato' });
    await handlers['desk.logout']({}, ctx);
    await handlers['desk.login']({ username: 'admin', password: 'amministra-2026' }, ctx);
    await expect(handlers['desk.operatori.elenco']({}, ctx)).resolves.toHaveLength(2);
  });
});

describe('the release answer in traces', () => {
  it('has its digits under keys the redaction removes', () => {
    const answer = { releaseId: 'r-1', cifre: { pin: '73', puk: '50' }, destinazioneMascherata: 'm***@example.it', foglioPdfBase64: 'JVBERi0=' };
    const traced = JSON.stringify(redact(answer));
    expect(traced).not.toMatch(/"73"|"50"/);
    expect(traced).toContain('m***@example.it');
  });
});
