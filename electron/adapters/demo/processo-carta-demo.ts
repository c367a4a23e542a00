/**
 * The virtual CNS of the sample, in a process of its own: OpenSC is called
 * synchronously through pkcs11js, so a card answering from the signing process could
 * never answer. argv: <vpcd port>. Prints one JSON line once inserted, or an error
 * line; exits when stdin ends.
 */
import { startVirtualCns } from '../../../native/virtual-card';

startVirtualCns({ port: Number(process.argv[2]) }).then(
  (carta) => {
    process.stdout.write(`${JSON.stringify({ certificatePem: carta.certificatePem, caCertificatePem: carta.caCertificatePem })}\n`);
    process.stdin.resume();
    process.stdin.on('end', () => void carta.stop().then(() => process.exit(0)));
  },
  (e: unknown) => {
    process.stdout.write(`${JSON.stringify({ errore: e instanceof Error ? e.message : String(e) })}\n`);
    process.exit(1);
  },
);
