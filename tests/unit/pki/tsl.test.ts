/**
 * Refreshing the shipped CA list from a trusted list: the list's XML signature is
 * checked against the expected signer, only the CA/QC and IdV services are kept, and
 * the written bundle is what signatures are then judged with. AgID's real TSL-IT.xml
 * cannot be downloaded on our machines, so the list here is built in its ETSI TS 119 612
 * shape and signed by a test key; the CA certificates in it are the real InfoCert and
 * Aruba ones from the shipped list, and the signatures checked are the portal's real files.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { X509Certificate } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { SignedXml } from 'xml-crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verificaP7m } from '../../../electron/core/documents/cades/verifica';
import { certificatiDaPem } from '../../../electron/core/pki/certificati';
import { caItaliane } from '../../../electron/core/pki/fiducia';
import { leggiTsl } from '../../../electron/core/pki/tsl';
import { createTestCa, type TestCa } from '../../../native/test-pki';

const QC = 'http://uri.etsi.org/TrstSvc/Svctype/CA/QC';
const IDV = 'http://uri.etsi.org/TrstSvc/Svctype/IdV';
const TSA = 'http://uri.etsi.org/TrstSvc/Svctype/TSA/QTST';

let firmatario: TestCa;
let infocert: X509Certificate;
let aruba: X509Certificate;
let cartella: string;

function base64(c: X509Certificate): string {
  return c.raw.toString('base64');
}

function servizio(tipo: string, nome: string, c: X509Certificate): string {
  return `<TSPService><ServiceInformation><ServiceTypeIdentifier>${tipo}</ServiceTypeIdentifier><ServiceName><Name xml:lang="en">${nome}</Name></ServiceName><ServiceDigitalIdentity><DigitalId><X509Certificate>${base64(c)}</X509Certificate></DigitalId></ServiceDigitalIdentity><ServiceStatus>http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/granted</ServiceStatus><StatusStartingTime>2016-06-30T22:00:00Z</StatusStartingTime></ServiceInformation></TSPService>`;
}

function elenco(): string {
  return `<?xml version="1.0" encoding="UTF-8"?><TrustServiceStatusList xmlns="http://uri.etsi.org/02231/v2#" Id="tsl-it" TSLTag="http://uri.etsi.org/19612/TSLTag"><SchemeInformation><TSLVersionIdentifier>5</TSLVersionIdentifier><TSLSequenceNumber>97</TSLSequenceNumber><ListIssueDateTime>2026-11-30T09:00:00Z</ListIssueDateTime><NextUpdate><dateTime>2027-05-30T09:00:00Z</dateTime></NextUpdate></SchemeInformation><TrustServiceProviderList><TrustServiceProvider><TSPInformation><TSPName><Name xml:lang="en">InfoCert S.p.A.</Name></TSPName></TSPInformation><TSPServices>${servizio(QC, 'InfoCert Firma Qualificata', infocert)}${servizio(TSA, 'InfoCert TSA', aruba)}</TSPServices></TrustServiceProvider><TrustServiceProvider><TSPInformation><TSPName><Name xml:lang="en">ArubaPEC S.p.A.</Name></TSPName></TSPInformation><TSPServices>${servizio(IDV, 'ArubaPEC NG CA 3', aruba)}</TSPServices></TrustServiceProvider></TrustServiceProviderList></TrustServiceStatusList>`;
}

function firma(xml: string, chi: TestCa = firmatario): string {
  const s = new SignedXml({
    privateKey: chi.key.export({ type: 'pkcs8', format: 'pem' }),
    publicCert: chi.certificatePem,
    signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
    canonicalizationAlgorithm: 'http://www.w3.org/2001/10/xml-exc-c14n#',
  });
  s.addReference({
    xpath: '/*',
    digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
    transforms: ['http://www.w3.org/2000/09/xmldsig#enveloped-signature', 'http://www.w3.org/2001/10/xml-exc-c14n#'],
  });
  s.computeSignature(xml, { location: { reference: '/*', action: 'append' } });
  return s.getSignedXml();
}

beforeAll(() => {
  firmatario = createTestCa({ name: 'Sportello TEST firmatario TSL - NON VALIDA' });
  const italiane = caItaliane();
  infocert = italiane.find((c) => c.subject.includes('CN=InfoCert Firma Qualificata\n') || c.subject.endsWith('CN=InfoCert Firma Qualificata'))!;
  aruba = italiane.find((c) => c.subject.includes('CN=ArubaPEC S.p.A. NG CA 3'))!;
  expect(infocert).toBeDefined();
  expect(aruba).toBeDefined();
  cartella = mkdtempSync(join(tmpdir(), 'sportello-tsl-'));
});
afterAll(() => rmSync(cartella, { recursive: true, force: true }));

describe('trusted list (ETSI TS 119 612)', () => {
  it('is read after its signature is checked: only CA/QC and IdV services, with the list data', () => {
    const letto = leggiTsl(firma(elenco()), certificatiDaPem(firmatario.certificatePem));
    expect(letto.numeroSequenza).toBe('97');
    expect(letto.emessoIl).toBe('2026-11-30T09:00:00Z');
    expect(letto.prossimoAggiornamento).toBe('2027-05-30T09:00:00Z');
    expect(letto.servizi.map((s) => [s.tipo, s.fornitore, s.certificato.fingerprint256])).toEqual([
      [QC, 'InfoCert S.p.A.', infocert.fingerprint256],
      [IDV, 'ArubaPEC S.p.A.', aruba.fingerprint256],
    ]);
  });

  it('is refused when signed by another key, changed after signing, unsigned, or carrying a DTD', () => {
    const atteso = certificatiDaPem(firmatario.certificatePem);
    expect(() => leggiTsl(firma(elenco(), createTestCa({ name: 'Sportello TEST impostore TSL - NON VALIDA' })), atteso)).toThrow(/firmato da un certificato non atteso/);
    const modificato = firma(elenco()).replace('<TSLSequenceNumber>97<', '<TSLSequenceNumber>98<');
    expect(() => leggiTsl(modificato, atteso)).toThrow(/la firma non è valida/);
    const altroServizio = firma(elenco()).replace(`<ServiceTypeIdentifier>${TSA}`, `<ServiceTypeIdentifier>${QC}`);
    expect(() => leggiTsl(altroServizio, atteso)).toThrow(/la firma non è valida/);
    expect(() => leggiTsl(elenco(), atteso)).toThrow(/non è firmato/);
    expect(() => leggiTsl(`<!DOCTYPE x [<!ENTITY a "b">]>${firma(elenco())}`, atteso)).toThrow(/DTD/);
    expect(() => leggiTsl('<non-un-elenco/>', atteso)).toThrow(/ETSI TS 119 612/);
  });

  it('npm run ca -- aggiorna writes a bundle and manifest that judge real signatures', () => {
    const xml = join(cartella, 'TSL-IT.xml');
    const signer = join(cartella, 'firmatario.pem');
    writeFileSync(xml, firma(elenco()));
    writeFileSync(signer, firmatario.certificatePem);
    const tsx = join(__dirname, '../../../node_modules/.bin/tsx');
    const r = spawnSync(tsx, [join(__dirname, '../../../electron/cli/ca.ts'), 'aggiorna', xml, '--firmatario', signer, '--cartella', cartella], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('Elenco n. 97');
    const bundle = certificatiDaPem(readFileSync(join(cartella, 'ca-italiane.pem'), 'utf8'));
    expect(bundle.map((c) => c.fingerprint256).sort()).toEqual([infocert.fingerprint256, aruba.fingerprint256].sort());
    const manifesto = JSON.parse(readFileSync(join(cartella, 'ca-italiane.json'), 'utf8')) as { elenco: { numeroSequenza: string; firmatario: string }; certificati: { sha256: string; servizio: { tipo: string } }[] };
    expect(manifesto.elenco).toMatchObject({ numeroSequenza: '97', firmatario: certificatiDaPem(firmatario.certificatePem)[0]!.fingerprint256 });
    expect(manifesto.certificati.map((c) => c.servizio.tipo).sort()).toEqual([IDV, QC].sort());
    const reale = new Uint8Array(readFileSync(join(__dirname, '../../fixtures/firme-reali/AttoFirmatoDiProva.pdf.p7m')));
    expect(verificaP7m(reale, { fidati: bundle, al: new Date('2026-12-02') }).valida).toBe(true);
    const senzaInfocert = bundle.filter((c) => c.fingerprint256 !== infocert.fingerprint256);
    expect(verificaP7m(reale, { fidati: senzaInfocert, al: new Date('2026-12-02') }).firmatari[0]?.esito).toBe('certificato-non-attendibile');
  }, 60_000);
});

describe('the shipped list', () => {
  it('matches its manifest certificate for certificate', () => {
    const manifesto = JSON.parse(readFileSync(join(__dirname, '../../../electron/core/pki/ca-italiane.json'), 'utf8')) as { fonte: string; certificati: { sha256: string }[] };
    expect(manifesto.fonte).toContain('italia/cie-cns-apache-docker');
    expect(caItaliane().map((c) => c.fingerprint256)).toEqual(manifesto.certificati.map((c) => c.sha256));
    expect(caItaliane().every((c) => c.ca)).toBe(true);
  });
});
