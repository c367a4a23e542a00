/**
 * The web server in front of the portal's card login: HTTPS on 127.0.0.1 that asks every client
 * for a certificate and refuses the handshake without one chained to the CA bundle it trusts,
 * then hands the request to the portal with the server variables the real web server sets.
 *
 * The real set-up is two pieces, played here by one:
 * - the TLS client authentication, as Developers Italia's CNS server does it
 *   (italia/cie-cns-apache-docker, configs/httpd/default-ssl.conf: `SSLVerifyClient`, the CAs of
 *   `SSLCACertificatePath`, `SSLOptions +ExportCertData +StdEnvVars`). Only the chain decides (with
 *   the dates and the TLS client use OpenSSL checks along with it): the CNS policy OID 1.3.76.16.2.1
 *   is checked by that example's own PHP page (configs/www/secure/certificate_policy_check.php,
 *   redirecting to policy-error.php), not by the web server, and the portal has no such page:
 *   PatAuthenticator reads the variables and nothing else. So a certificate of a trusted CA
 *   without the CNS policy logs in here too;
 * - the Shibboleth service provider the portal's own Apache puts on `/(.*)/auth/login-pat`
 *   (compose_conf/apache/conf.d/z10-auth-proxy.conf, `ShibRequireSession On`), which gives the
 *   request the `shibb_` variables the portal reads (config/packages/app.yaml,
 *   `shibbolet_server_varnames` and their `env(SHIB_...)` defaults). From the certificate, as
 *   cie-cns-apache-docker's configs/www/secure/index.php reads it: the codice fiscale is the first
 *   16 characters of the subject CN, the name its givenName (SSL_CLIENT_S_DN_G), the surname its
 *   surname (SSL_CLIENT_S_DN_S); issuer and subject DN as mod_ssl's SSL_CLIENT_I_DN / _S_DN (RFC
 *   2253); the certificate in base64 (DER). A card carries no birth data, address or e-mail, so
 *   those variables are never set.
 * OURS: the Shibboleth session's id, index and instant are made up per request (the SP would have
 * them from its IdP); the server certificate comes from the test PKI for 127.0.0.1 and
 * localhost, self-signed (a client trusts it by adding it to its CAs) and the same on every start
 * (NODE_EXTRA_CA_CERTS set once serves every portal a test run starts).
 */
import { randomBytes, X509Certificate } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { issueTlsServerCertificate } from '../../native/test-pki';
import { SERVER_VARNAMES, type ServerVariables } from './routes/login-pat';
import { listening } from './listening';

export interface CnsWebServer {
  /** `https://127.0.0.1:<port>` */
  origin: string;
  /** The server's certificate (PEM): what a client adds to its CAs. */
  certificatePem: string;
  close(): Promise<void>;
}

type RequestHandler = (req: IncomingMessage, res: ServerResponse, server: ServerVariables) => void;

const first = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

/** OpenSSL's one-line-per-attribute name, values already escaped as RFC 2253 wants, in RFC 2253's order (last RDN first). */
const rfc2253 = (multiline: string): string => multiline.split('\n').reverse().join(',');

/** What the web server sets for a verified client certificate (DER). */
function serverVariablesOf(der: Buffer, at: Date): ServerVariables {
  const certificate = new X509Certificate(der);
  const subject = certificate.toLegacyObject().subject as unknown as Record<string, string | string[] | undefined>;
  const cn = first(subject.CN);
  const variables: ServerVariables = {
    [SERVER_VARNAMES.x509certificate_issuerdn]: rfc2253(certificate.issuer),
    [SERVER_VARNAMES.x509certificate_subjectdn]: rfc2253(certificate.subject),
    [SERVER_VARNAMES.x509certificate_base64]: der.toString('base64'),
    [SERVER_VARNAMES.shibSessionId]: `_${randomBytes(16).toString('hex')}`,
    [SERVER_VARNAMES.shibSessionIndex]: `_${randomBytes(16).toString('hex')}`,
    [SERVER_VARNAMES.shibAuthenticationIstant]: at.toISOString(),
  };
  if (cn) variables[SERVER_VARNAMES.codiceFiscale] = cn.slice(0, 16);
  const givenName = first(subject.GN);
  const surname = first(subject.SN);
  if (givenName) variables[SERVER_VARNAMES.nome] = givenName;
  if (surname) variables[SERVER_VARNAMES.cognome] = surname;
  return variables;
}

export async function startCnsWebServer(caPem: string, port: number, now: () => Date, handle: RequestHandler): Promise<CnsWebServer> {
  const tls = issueTlsServerCertificate(['127.0.0.1', 'localhost']);
  const server = createServer(
    { cert: tls.certificatePem, key: tls.key.export({ type: 'pkcs1', format: 'pem' }), ca: caPem, requestCert: true, rejectUnauthorized: true },
    (req, res) => {
      // rejectUnauthorized: only a verified certificate gets this far.
      const peer = (req.socket as TLSSocket).getPeerCertificate(true);
      handle(req, res, serverVariablesOf(peer.raw, now()));
    },
  );
  server.keepAliveTimeout = 5_000;
  await listening(server, port);
  return {
    origin: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    certificatePem: tls.certificatePem,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
