/**
 * The HTTP issuing port against the reference issuer, a server of its own (real HTTP on
 * 127.0.0.1), with email delivered through a real SMTP server on 127.0.0.1 and SMS through the
 * issuer's gateway endpoint.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpIssuer } from '../../../electron/adapters/issuer/issuing-http';
import type { RichiestaRilascio } from '../../../electron/core/desk/issuing-port';
import { startIssuer, startSmtpCapture, type IssuerServer, type SmtpCapture } from '../../portal/issuing';

let smtp: SmtpCapture;
let issuer: IssuerServer;

const CARD = { seriale: '6120016461039008', codiceFiscale: 'RSSMRA80A01H501U', nome: 'MARIO ROSSI', pin: '73915', puk: '50628417' };

function request(over: Partial<RichiestaRilascio> = {}): RichiestaRilascio {
  return {
    codiceFiscale: CARD.codiceFiscale,
    serialeCarta: CARD.seriale,
    operatore: 'mario.bianchi',
    documento: { tipo: 'carta-identita', numero: 'CA1234567', rilasciatoDa: 'Comune di Prova', scadenza: '2031-05-01' },
    canale: { tipo: 'email', destinazione: 'mario.rossi@example.it' },
    testaRegistro: null,
    ...over,
  };
}

const issuerFor = (p: { url: string }, password = 'banco-demo') =>
  createHttpIssuer({ url: p.url, credentials: () => ({ username: 'banco', password }), timeoutMs: 5_000 });

beforeAll(async () => {
  smtp = await startSmtpCapture();
  issuer = await startIssuer({ smtp });
  issuer.register(CARD);
});

afterAll(async () => {
  await issuer?.close();
  await smtp?.close();
});

describe('issuing system over HTTP', () => {
  it('releases: 2 + 2 digits to the desk, 3 + 6 by email', async () => {
    const esito = await issuerFor(issuer).requestRelease(request());
    expect(esito).toMatchObject({ pinFirst2: '73', pukFirst2: '50' });
    expect(esito.releaseId).toMatch(/^[0-9a-f-]{36}$/);
    const mail = await smtp.waitFor('mario.rossi@example.it');
    expect(mail.raw).toMatch(/Ultime 3 cifre del PIN: 915/);
    expect(mail.raw).toMatch(/Ultime 6 cifre del PUK: 628417/);
    expect(mail.raw).not.toContain(CARD.pin);
    expect(mail.raw).not.toContain(CARD.puk);
    expect(issuer.registro.releases().at(-1)).toMatchObject({ id: esito.releaseId, operatore: 'mario.bianchi', canale: 'email' });
  });

  it('releases by SMS through the gateway', async () => {
    await issuerFor(issuer).requestRelease(request({ canale: { tipo: 'sms', destinazione: '+393471234567' } }));
    const sms = issuer.sms.at(-1);
    expect(sms).toMatchObject({ to: '+393471234567' });
    expect(sms?.text).toMatch(/PIN: 915\n.*PUK: 628417/);
  });

  it('refuses an unknown card and a card of another citizen', async () => {
    await expect(issuerFor(issuer).requestRelease(request({ serialeCarta: '6120016461039999' }))).rejects.toMatchObject({ code: 'carta-sconosciuta-emittente' });
    await expect(issuerFor(issuer).requestRelease(request({ codiceFiscale: 'MSRNTN77H15C351X' }))).rejects.toMatchObject({ code: 'carta-non-del-cittadino' });
  });

  it('refuses when the desk account is rejected', async () => {
    await expect(issuerFor(issuer, 'sbagliata').requestRelease(request())).rejects.toMatchObject({ code: 'emittente-accesso-negato' });
  });

  it('refuses with a clear message when the issuer answers 5xx, and releases nothing', async () => {
    const before = issuer.registro.releases().length;
    issuer.setFaults({ serverErrorRate: 1 });
    try {
      await expect(issuerFor(issuer).requestRelease(request())).rejects.toMatchObject({
        code: 'emittente-non-disponibile',
        message: expect.stringMatching(/NON è stato rilasciato/),
      });
    } finally {
      issuer.setFaults({});
    }
    expect(issuer.registro.releases()).toHaveLength(before);
  });

  it('refuses when nothing listens (issuer down)', async () => {
    const stopped = await startIssuer({ smtp });
    const where = { url: stopped.url };
    await stopped.close();
    await expect(issuerFor(where).requestRelease(request())).rejects.toMatchObject({ code: 'emittente-non-disponibile', message: expect.stringMatching(/non raggiungibile/) });
  });

  it('an address where no issuer answers (the municipal portal, say) is "non raggiungibile", never an unknown card', async () => {
    const { startPortal } = await import('../../portal/server');
    const portal = await startPortal();
    try {
      const down = { code: 'emittente-non-disponibile', message: expect.stringMatching(/non raggiungibile/) };
      await expect(issuerFor({ url: portal.url }).requestRelease(request())).rejects.toMatchObject(down);
      // Even signed in to the portal's API with a valid account: it has no /pin-releases (a 404 without the issuer's error).
      const onPortalApi = createHttpIssuer({ url: `${portal.url}/${portal.tenant}/api`, credentials: () => ({ username: 'operatore', password: 'operatore-demo' }), timeoutMs: 5_000 });
      await expect(onPortalApi.requestRelease(request())).rejects.toMatchObject(down);
    } finally {
      await portal.close();
    }
  });
});
