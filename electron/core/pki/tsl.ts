/**
 * An ETSI TS 119 612 trusted list (AgID publishes Italy's as TSL-IT.xml): its own
 * XML signature checked against the certificate we expect to have signed it, then
 * the CA certificates of the services we trust read from the signed content only
 * (never from the document as parsed, which a wrapping attack could extend).
 */
import { X509Certificate } from 'node:crypto';
import { DOMParser } from '@xmldom/xmldom';
import { SignedXml } from 'xml-crypto';
import { DomainError } from '../errors';

const NS_TSL = 'http://uri.etsi.org/02231/v2#';
const NS_DSIG = 'http://www.w3.org/2000/09/xmldsig#';

/** Qualified certificates for signatures, and the nationally recognised identification CAs of CNS and CIE. */
const SERVIZI_FIDATI = ['http://uri.etsi.org/TrstSvc/Svctype/CA/QC', 'http://uri.etsi.org/TrstSvc/Svctype/IdV'] as const;

export interface ServizioTsl {
  readonly fornitore: string;
  readonly nome: string;
  readonly tipo: string;
  readonly stato: string;
  readonly statoDal: string | null;
  readonly certificato: X509Certificate;
}

export interface ElencoTsl {
  readonly emessoIl: string | null;
  readonly prossimoAggiornamento: string | null;
  readonly numeroSequenza: string | null;
  readonly firmatario: X509Certificate;
  readonly servizi: readonly ServizioTsl[];
}

function rifiuto(dettaglio: string): DomainError {
  return new DomainError('elenco-ca-non-valido', `L'elenco di fiducia non è utilizzabile: ${dettaglio}.`);
}

function documento(xml: string): Document {
  // A trusted list has no DTD; refusing one closes entity expansion before any parser sees it.
  if (/<!DOCTYPE/i.test(xml)) throw rifiuto('contiene una DTD');
  const errori: string[] = [];
  const doc = new DOMParser({ errorHandler: { error: (m: string) => void errori.push(m), fatalError: (m: string) => void errori.push(m) } }).parseFromString(xml, 'text/xml');
  if (errori.length > 0 || !doc.documentElement) throw rifiuto('XML non leggibile');
  return doc as unknown as Document;
}

function figli(elemento: Element, nome: string, ns: string = NS_TSL): Element[] {
  const trovati: Element[] = [];
  for (let n = elemento.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (n as Element).localName === nome && (n as Element).namespaceURI === ns) trovati.push(n as Element);
  }
  return trovati;
}

function percorso(elemento: Element, ...nomi: string[]): Element[] {
  let livello = [elemento];
  for (const nome of nomi) livello = livello.flatMap((e) => figli(e, nome));
  return livello;
}

function testo(elemento: Element, ...nomi: string[]): string | null {
  return percorso(elemento, ...nomi)[0]?.textContent?.trim() ?? null;
}

function certificatoBase64(base64: string): X509Certificate {
  const pulito = base64.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+=*$/.test(pulito)) throw rifiuto('un certificato non è in base64');
  return new X509Certificate(Buffer.from(pulito, 'base64'));
}

function verificaFirma(xml: string, radice: Element, ammessi: readonly X509Certificate[]): { firmatario: X509Certificate; contenuto: string } {
  const firme = figli(radice, 'Signature', NS_DSIG);
  if (firme.length !== 1) throw rifiuto(firme.length === 0 ? 'non è firmato' : 'contiene più firme');
  const firma = firme[0]!;
  const base64 = firma.getElementsByTagNameNS(NS_DSIG, 'X509Certificate')[0]?.textContent;
  if (!base64) throw rifiuto('la firma non contiene il certificato del firmatario');
  const firmatario = certificatoBase64(base64);
  if (!ammessi.some((a) => a.fingerprint256 === firmatario.fingerprint256)) {
    throw rifiuto(`è firmato da un certificato non atteso (${firmatario.subject.replace(/\n/g, ', ')}, impronta ${firmatario.fingerprint256})`);
  }
  const verificatore = new SignedXml({ publicCert: firmatario.toString() });
  verificatore.loadSignature(firma as unknown as Node);
  let valida = false;
  try {
    valida = verificatore.checkSignature(xml);
  } catch {
    valida = false;
  }
  if (!valida) throw rifiuto('la firma non è valida (il file è stato modificato o è danneggiato)');
  const contenuto = verificatore.getSignedReferences().find((r) => documento(r).documentElement?.localName === 'TrustServiceStatusList');
  if (!contenuto) throw rifiuto("la firma non copre l'elenco");
  return { firmatario, contenuto };
}

function servizi(radice: Element): ServizioTsl[] {
  const trovati: ServizioTsl[] = [];
  for (const fornitore of percorso(radice, 'TrustServiceProviderList', 'TrustServiceProvider')) {
    const nomeFornitore = testo(fornitore, 'TSPInformation', 'TSPName', 'Name') ?? '';
    for (const info of percorso(fornitore, 'TSPServices', 'TSPService', 'ServiceInformation')) {
      const tipo = testo(info, 'ServiceTypeIdentifier') ?? '';
      if (!(SERVIZI_FIDATI as readonly string[]).includes(tipo)) continue;
      for (const id of percorso(info, 'ServiceDigitalIdentity', 'DigitalId', 'X509Certificate')) {
        trovati.push({
          fornitore: nomeFornitore,
          nome: testo(info, 'ServiceName', 'Name') ?? '',
          tipo,
          stato: testo(info, 'ServiceStatus') ?? '',
          statoDal: testo(info, 'StatusStartingTime'),
          certificato: certificatoBase64(id.textContent ?? ''),
        });
      }
    }
  }
  return trovati;
}

/** Reads and checks a trusted list; `firmatariAmmessi` are the certificates its signer may use. */
export function leggiTsl(xml: string, firmatariAmmessi: readonly X509Certificate[]): ElencoTsl {
  const radice = documento(xml).documentElement;
  if (radice.localName !== 'TrustServiceStatusList' || radice.namespaceURI !== NS_TSL) throw rifiuto('non è un elenco ETSI TS 119 612');
  const { firmatario, contenuto } = verificaFirma(xml, radice, firmatariAmmessi);
  const firmato = documento(contenuto).documentElement;
  const schema = percorso(firmato, 'SchemeInformation')[0];
  if (!schema) throw rifiuto('mancano le informazioni sullo schema');
  const trovati = servizi(firmato);
  if (trovati.length === 0) throw rifiuto('non contiene autorità di certificazione per firma o autenticazione');
  return {
    emessoIl: testo(schema, 'ListIssueDateTime'),
    prossimoAggiornamento: testo(schema, 'NextUpdate', 'dateTime'),
    numeroSequenza: testo(schema, 'TSLSequenceNumber'),
    firmatario,
    servizi: trovati,
  };
}
