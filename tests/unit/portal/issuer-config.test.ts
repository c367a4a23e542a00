/**
 * The PIN/PUK issuer is its own configured system (`issuer`), never the municipal portal: with a
 * portal but no `issuer` there is none, and an issuer that does not answer is "non raggiungibile",
 * never "non conosce questa carta".
 */
import { describe, expect, it } from 'vitest';
import { configSchema } from '../../../electron/core/config/schema';
import { issuerFromConfig } from '../../../electron/adapters/issuer/issuer-from-config';

const request = {
  codiceFiscale: 'RSSMRA80A01H501U',
  serialeCarta: '6120016461039008',
  operatore: 'mario.bianchi',
  documento: { tipo: 'carta-identita' as const, numero: 'CA1234567', rilasciatoDa: 'Comune di Prova', scadenza: '2031-05-01' },
  canale: { tipo: 'email' as const, destinazione: 'mario.rossi@example.it' },
  testaRegistro: null,
};
const credentials = { from: 'env' as const, usernameVar: 'SPORTELLO_TEST_ISSUER_USER', passwordVar: 'SPORTELLO_TEST_ISSUER_PASSWORD' };

describe('sistema di rilascio PIN configurato a parte', () => {
  it('un portale configurato non diventa il sistema di rilascio', () => {
    const config = configSchema.parse({ mode: 'desk', portal: { url: 'https://servizi.comune.esempio.it/comune-di-esempio', credentials } });
    expect(config.issuer).toBeNull();
    expect(issuerFromConfig(config)).toBeNull();
  });

  it('un sistema di rilascio che non risponde è "non raggiungibile"', async () => {
    process.env[credentials.usernameVar] = 'banco';
    process.env[credentials.passwordVar] = 'banco-demo';
    const config = configSchema.parse({ mode: 'desk', issuer: { url: 'http://127.0.0.1:9/emissione', credentials, timeoutSeconds: 2 } });
    const issuer = issuerFromConfig(config)!;
    await expect(issuer.requestRelease(request)).rejects.toMatchObject({ code: 'emittente-non-disponibile', message: expect.stringMatching(/non raggiungibile/) });
  });

  it('la configurazione rifiuta un sistema di rilascio senza credenziali proprie', () => {
    expect(configSchema.safeParse({ issuer: { url: 'https://emissione.example.it' } }).success).toBe(false);
  });
});
