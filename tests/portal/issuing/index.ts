/**
 * The reference issuing system, a server of its own (not mounted on the reference portal: the
 * real municipal portal has no PIN releases): `startIssuer({ smtp })`.
 */
export { startIssuer, DEMO_ISSUER_ACCOUNTS, type IssuerServer, type IssuerAccount, type IssuerOptions } from './server';
export { startSmtpCapture, type SmtpCapture, type MessaggioCatturato } from './smtp-capture';
export type { CartaNota } from './registro-carte';
export type { SmsRicevuto } from './routes';
