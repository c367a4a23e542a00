/**
 * The files a citizen takes from "Dettaglio pratica": the receipt of a submitted pratica
 * (with the protocol number once sync recorded it), the module, the signed module and
 * the outcome files sync downloaded from the portal (the `esiti` file store).
 */
import type { Catalogue } from '../catalogue/catalogue';
import { NOME_MODULO, NOME_MODULO_FIRMATO } from '../documents/documenti-pratica';
import { creaRicevutaPdf, type FormatoRicevuta, type RicevutaInput } from '../documents/ricevuta-pdf';
import { prossimoAppuntamento } from '../pratiche/portale-view';
import { prenotazione } from '../pratiche/prenotazione';
import type { BlobStore } from '../store/blob-store';
import type { Citizen } from '../pratiche/citizen';
import type { Cittadini } from '../pratiche/cittadini';
import type { Pratiche } from '../pratiche/pratiche';
import { STATO } from '../pratiche/status';
import type { ModuliFirmatiRepo } from '../store/moduli-firmati-repo';
import type { ModuliPerContoRepo } from '../store/moduli-per-conto-repo';
import type { RemotePratica, RemoteRepo } from '../store/remote-repo';
import { errori } from './errori';
import { richiedenteDi } from './modulo-pratica';
import { avvisoPagamentoPdf } from '../documents/avviso-pagamento-pdf';
import type { Clock } from '../ports/clock';
import { DomainError } from '../errors';

/** The portal's next appointment of the pratica, else the slot its booking form chose (prenotazione.ts). */
function appuntamentoDi(pratica: Parameters<typeof prenotazione>[0], remote: RemotePratica | undefined, now: Date): RicevutaInput['appuntamento'] {
  const prossimo = remote ? prossimoAppuntamento(remote.appuntamenti, now) : null;
  const fissato = prossimo ? remote!.appuntamenti.find((a) => a.dal === prossimo) : undefined;
  if (fissato) return { dal: new Date(fissato.dal), al: new Date(fissato.al), stato: 'fissato' };
  const chiesto = prenotazione(pratica, remote);
  return chiesto && { dal: new Date(chiesto.dal), al: new Date(chiesto.al), stato: chiesto.stato };
}

export type TipoDocumento = 'modulo' | 'modulo-firmato' | 'esito';

export interface DocumentiDeps {
  pratiche: Pratiche;
  cittadini: Cittadini;
  catalogue: Catalogue;
  moduli: ModuliFirmatiRepo;
  perConto: ModuliPerContoRepo;
  remote: RemoteRepo;
  blobs: BlobStore;
  /** Where sync keeps outcome files. */
  esiti: BlobStore;
  /** The comune's codice fiscale (configuration): without it the notice carries no QR code. */
  codiceFiscaleEnte: string | null;
  clock: Clock;
}

export function createDocumentiFirma(deps: DocumentiDeps) {
  return {
    async receipt(citizen: Citizen, id: string, formato: FormatoRicevuta): Promise<{ pdfBase64: string; nomeFile: string }> {
      const m = deps.pratiche.forModule(citizen, id);
      if (m.pratica.status === STATO.BOZZA || !m.pratica.submittedAt) throw errori.nonInviata();
      const firmato = deps.moduli.get(id);
      const perConto = firmato ? null : deps.perConto.get(id);
      const remote = deps.remote.get(id);
      const protocollo = remote?.protocolNumber
        ? { numero: remote.protocolNumber, data: new Date(remote.protocolledAt ?? remote.checkedAt) }
        : null;
      const tenant = deps.catalogue.tenant(m.pratica.tenantSlug);
      const pdf = await creaRicevutaPdf(
        {
          comune: { nome: tenant.name, ...(tenant.address ? { indirizzo: tenant.address } : {}) },
          servizio: { id: m.service.id, nome: m.service.name },
          richiedente: richiedenteDi(deps.cittadini.profile(citizen), null, m.pratica.data),
          presentataIl: new Date(m.pratica.submittedAt),
          riferimento: id,
          protocollo,
          documenti: [
            ...(firmato ? [{ nome: NOME_MODULO_FIRMATO, sha256: firmato.p7mSha256 }] : []),
            ...(perConto ? [{ nome: NOME_MODULO, sha256: perConto.pdfSha256 }] : []),
            ...m.attachments.map((a) => ({ nome: a.name, sha256: a.sha256 })),
          ],
          appuntamento: appuntamentoDi(m.pratica, remote, deps.clock.now()),
          perConto: perConto && { operatore: perConto.operatoreNome, documento: perConto.documento.etichetta, numero: perConto.documento.numero },
        },
        formato,
      );
      return { pdfBase64: Buffer.from(pdf).toString('base64'), nomeFile: `ricevuta-${id.slice(0, 8)}${formato === '80mm' ? '-80mm' : ''}.pdf` };
    },

    /** The pagoPA notice of the payment the comune asks for: to print at the kiosk (80 mm) or keep at home (A4). */
    async avvisoPagamento(citizen: Citizen, id: string, formato: FormatoRicevuta): Promise<{ pdfBase64: string; nomeFile: string }> {
      const m = deps.pratiche.forModule(citizen, id);
      const pagamento = deps.remote.get(id)?.pagamento;
      if (!pagamento || pagamento.importoCentesimi === null) throw new DomainError('documento-non-disponibile', 'Il Comune non ha chiesto un pagamento per questa pratica.');
      const pdf = await avvisoPagamentoPdf(
        {
          enteCreditore: deps.catalogue.tenant(m.pratica.tenantSlug).name,
          codiceFiscaleEnte: deps.codiceFiscaleEnte,
          causale: pagamento.causale ?? m.service.name,
          importoCentesimi: pagamento.importoCentesimi,
          codiceAvviso: pagamento.codiceAvviso,
          scadenza: pagamento.scadenza,
          praticaId: id,
        },
        formato,
        deps.clock.now(),
      );
      return { pdfBase64: Buffer.from(pdf).toString('base64'), nomeFile: `avviso-pagamento-${id.slice(0, 8)}.pdf` };
    },
    /** `fileId` picks one outcome file when the comune sent several; the main one otherwise. */
    document(citizen: Citizen, id: string, tipo: TipoDocumento, fileId?: string) {
      deps.pratiche.forModule(citizen, id);
      if (tipo === 'esito') {
        const files = deps.remote.get(id)?.outcomeFiles ?? [];
        const file = fileId ? files.find((f) => f.id === fileId) : files[0];
        if (!file || !deps.esiti.has(file.sha256)) throw errori.documentoAssente("L'esito");
        return { contentBase64: deps.esiti.read(file.sha256).toString('base64'), nomeFile: file.name, mimeType: file.mimeType };
      }
      const firmato = deps.moduli.get(id);
      const sha256 = tipo === 'modulo' ? (firmato?.pdfSha256 ?? deps.perConto.get(id)?.pdfSha256) : firmato?.p7mSha256;
      if (!sha256 || !deps.blobs.has(sha256)) throw errori.documentoAssente(tipo === 'modulo' ? 'Il modulo' : 'Il modulo firmato');
      return tipo === 'modulo'
        ? { contentBase64: deps.blobs.read(sha256).toString('base64'), nomeFile: NOME_MODULO, mimeType: 'application/pdf' }
        : { contentBase64: deps.blobs.read(sha256).toString('base64'), nomeFile: NOME_MODULO_FIRMATO, mimeType: 'application/pkcs7-mime' };
    },
  };
}

export type DocumentiFirma = ReturnType<typeof createDocumentiFirma>;
