/**
 * The reference issuing system, mounted on the reference portal with one entry:
 * `startPortal({ extraModules: [issuing.module] })`. It knows the cards a test registers,
 * delivers by email through the given SMTP server and by SMS through the portal's gateway.
 */
import { createRegistroCarte, type CartaNota, type RegistroCarte } from './registro-carte';
import { issuingRoutes, type SmsRicevuto } from './routes';
import type { RouteModule } from '../router';

export interface Issuing {
  module: RouteModule;
  registro: RegistroCarte;
  sms: SmsRicevuto[];
  register(carta: CartaNota): void;
}

export function createIssuing(options: { smtp: { host: string; port: number } }): Issuing {
  const registro = createRegistroCarte();
  const sms: SmsRicevuto[] = [];
  return { module: issuingRoutes({ registro, smtp: options.smtp, sms }), registro, sms, register: (c) => registro.register(c) };
}

export { startSmtpCapture, type SmtpCapture, type MessaggioCatturato } from './smtp-capture';
export type { CartaNota } from './registro-carte';
