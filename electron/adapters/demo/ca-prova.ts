/**
 * A throw-away certification authority for the demo and tests: it issues CNS-like
 * citizen certificates (codice fiscale in CN and serialNumber) with the validity we
 * ask, so expired and untrusted certificates can be tested for real.
 */
import { createPrivateKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import forge from 'node-forge';

export interface Titolare {
  nome: string;
  cognome: string;
  codiceFiscale: string;
  validoDal: Date;
  validoAl: Date;
}

export interface CertificatoEmesso {
  der: Uint8Array;
  pem: string;
  chiavePrivata: KeyObject;
}

export interface CaProva {
  pem: string;
  der: Uint8Array;
  emetti(titolare: Titolare): CertificatoEmesso;
  /** An intermediate CA under this one (real CNS chains have one: root, then the issuing CA). */
  emettiIntermedia(denominazione: string): CaProva;
}

interface Emittente {
  certificato: forge.pki.Certificate;
  chiave: forge.pki.rsa.PrivateKey;
}

function coppiaRsa(): { privata: KeyObject; forgePrivata: forge.pki.rsa.PrivateKey; forgePubblica: forge.pki.rsa.PublicKey } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    privata: privateKey,
    forgePrivata: forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString()),
    forgePubblica: forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString()),
  };
}

function inDer(cert: forge.pki.Certificate): Uint8Array {
  return new Uint8Array(Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary'));
}

function seriale(): string {
  // Positive, 16 bytes: the top bit cleared so the INTEGER needs no sign byte.
  const b = randomBytes(16);
  b[0] = (b[0] ?? 0) & 0x7f;
  return b.toString('hex');
}

export function creaCaProva(
  denominazione = 'Sportello CA di prova',
  validoDal = new Date('2020-01-01T00:00:00Z'),
  validoAl = new Date('2045-01-01T00:00:00Z'),
  emittente?: Emittente,
): CaProva {
  const chiavi = coppiaRsa();
  const ca = forge.pki.createCertificate();
  ca.publicKey = chiavi.forgePubblica;
  ca.serialNumber = seriale();
  ca.validity.notBefore = validoDal;
  ca.validity.notAfter = validoAl;
  const nome = [
    { shortName: 'C', value: 'IT' },
    { shortName: 'O', value: 'Sportello (prova)' },
    { shortName: 'CN', value: denominazione },
  ];
  ca.setSubject(nome);
  ca.setIssuer(emittente ? emittente.certificato.subject.attributes : nome);
  ca.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  ca.sign(emittente ? emittente.chiave : chiavi.forgePrivata, forge.md.sha256.create());
  const der = inDer(ca);
  return {
    der,
    pem: forge.pki.certificateToPem(ca),
    emettiIntermedia: (nomeIntermedia) => creaCaProva(nomeIntermedia, validoDal, validoAl, { certificato: ca, chiave: chiavi.forgePrivata }),
    emetti(t) {
      const k = coppiaRsa();
      const c = forge.pki.createCertificate();
      c.publicKey = k.forgePubblica;
      c.serialNumber = seriale();
      c.validity.notBefore = t.validoDal;
      c.validity.notAfter = t.validoAl;
      c.setSubject([
        { shortName: 'C', value: 'IT' },
        { type: '2.5.4.4', value: t.cognome.toUpperCase() },
        { type: '2.5.4.42', value: t.nome.toUpperCase() },
        { type: '2.5.4.5', value: `TINIT-${t.codiceFiscale}` },
        { shortName: 'CN', value: `${t.codiceFiscale}/7420000000000001.prova` },
      ]);
      c.setIssuer(ca.subject.attributes);
      c.setExtensions([
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
        { name: 'subjectKeyIdentifier' },
        { name: 'authorityKeyIdentifier', keyIdentifier: ca.generateSubjectKeyIdentifier().getBytes() },
      ]);
      c.sign(chiavi.forgePrivata, forge.md.sha256.create());
      const pem = forge.pki.certificateToPem(c);
      return { der: inDer(c), pem, chiavePrivata: createPrivateKey(k.privata.export({ type: 'pkcs8', format: 'pem' })) };
    },
  };
}
