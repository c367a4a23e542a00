/**
 * How the issuer delivers the second half of PIN and PUK: a real email through SMTP
 * (nodemailer; tests point it at an smtp-server on 127.0.0.1) or an SMS handed to an SMS
 * gateway over HTTP (the reference issuer's own `/__sms-gateway/messages`).
 */
import axios from 'axios';
import nodemailer from 'nodemailer';

export interface ConsegnaOptions {
  smtp: { host: string; port: number };
  from: string;
  /** The SMS gateway's POST endpoint and the headers it wants (its API key). */
  smsGateway: () => { url: string; headers: Record<string, string> };
}

export interface Messaggio {
  canale: 'email' | 'sms';
  destinazione: string;
  nome: string;
  pinLast3: string;
  pukLast6: string;
  releaseId: string;
}

function testoMessaggio(m: Messaggio): string {
  return [
    `Gentile ${m.nome},`,
    'ecco la seconda parte del PIN e del PUK della tua carta (la prima parte è sul foglio consegnato allo sportello).',
    `Ultime 3 cifre del PIN: ${m.pinLast3}`,
    `Ultime 6 cifre del PUK: ${m.pukLast6}`,
    `Riferimento: ${m.releaseId}`,
    'Attiva la carta con "Attiva la tua carta" al totem del Comune o a casa. Nessuno del Comune ti chiederà mai il PIN.',
  ].join('\n');
}

export function createConsegna(options: ConsegnaOptions) {
  const mailer = nodemailer.createTransport({ host: options.smtp.host, port: options.smtp.port, secure: false, ignoreTLS: true });
  return {
    async send(m: Messaggio): Promise<void> {
      const text = testoMessaggio(m);
      if (m.canale === 'email') {
        await mailer.sendMail({ from: options.from, to: m.destinazione, subject: 'PIN e PUK della tua carta: seconda parte', text });
        return;
      }
      const gateway = options.smsGateway();
      await axios.post(gateway.url, { to: m.destinazione, text }, { timeout: 5_000, headers: gateway.headers });
    },
    close: () => mailer.close(),
  };
}
