/**
 * Signing a pratica with the citizen's card: the draft must be theirs and complete; the
 * module PDF/A is made first (no card involved), then the PIN is verified once on the
 * card and the card signs at once, in the same card session. Both files go to the
 * content store; the signature is recorded with the fingerprint of the data it shows.
 *
 * The PIN is an argument handed straight to the card session: never kept, never logged.
 */
import type { Catalogue } from '../catalogue/catalogue';
import { signModulo } from '../documents/cades/firma';
import type { RiepilogoView } from '../../shared/contract/firma';
import { NOME_MODULO, NOME_MODULO_FIRMATO } from '../documents/documenti-pratica';
import { creaModuloPdf } from '../documents/modulo-pdf';
import type { Logger } from '../log/logger';
import type { BlobStore } from '../store/blob-store';
import type { Citizen } from '../pratiche/citizen';
import type { Cittadini } from '../pratiche/cittadini';
import type { Pratiche } from '../pratiche/pratiche';
import { STATO } from '../pratiche/status';
import type { Clock } from '../ports/clock';
import type { ModuliFirmatiRepo } from '../store/moduli-firmati-repo';
import type { ModuliPerContoRepo } from '../store/moduli-per-conto-repo';
import type { IdentificazioneTesto } from '../documents/identificazione-testo';
import type { CartaFirmataria } from './carta';
import { errori } from './errori';
import { improntaDati } from './impronta';
import { moduloInputDi } from './modulo-pratica';
import { riepilogoDi } from './riepilogo';
import type { CardIdentity } from '../ports/card';

export interface FirmaDeps {
  pratiche: Pratiche;
  cittadini: Cittadini;
  catalogue: Catalogue;
  /** Null where no card reader serves this core (tests of the wizard alone). */
  carta: CartaFirmataria | null;
  moduli: ModuliFirmatiRepo;
  perConto: ModuliPerContoRepo;
  blobs: BlobStore;
  clock: Clock;
  log: Logger;
}

/** What module and receipt say of a citizen the desk identified on a document. */
function perContoDi(citizen: Citizen): IdentificazioneTesto | null {
  const i = citizen.identificazione;
  return i ? { operatore: i.operatore.nome, documento: i.documento.etichetta, numero: i.documento.numero } : null;
}

export interface EsitoFirma {
  signedAt: string;
  nomeFile: string;
  sha256: string;
  size: number;
}

export function createFirmaPratica(deps: FirmaDeps) {
  /** Pratiche being signed now: a second PIN entry must not spend another try. */
  const inCorso = new Set<string>();

  type Caricata = ReturnType<Pratiche['forModule']>;
  /** The module of the pratica as loaded: the same for the preview and for the signature. */
  function modulo(citizen: Citizen, id: string, m: Caricata, card: CardIdentity | null): Promise<Uint8Array> {
    const perConto = perContoDi(citizen);
    const input = moduloInputDi({
      id,
      tenant: deps.catalogue.tenant(m.pratica.tenantSlug),
      service: m.service,
      steps: m.steps,
      data: m.pratica.data,
      attachments: m.attachments,
      profile: deps.cittadini.profile(citizen),
      card,
    });
    return creaModuloPdf(perConto ? { ...input, perConto } : input, deps.clock);
  }

  async function firma(citizen: Citizen, id: string, pin: string): Promise<EsitoFirma> {
    const m = deps.pratiche.forModule(citizen, id);
    if (m.pratica.status !== STATO.BOZZA) throw errori.nonBozza();
    if (!m.completeness.complete) {
      throw errori.incompleta(m.completeness.missing.slice(0, 50).map((x) => ({ path: x.path ?? x.stepId, message: x.message })));
    }
    const card = deps.carta?.current() ?? null;
    if (!deps.carta || !card) throw errori.senzaCarta();
    if (card.identity.codiceFiscale !== citizen.card.codiceFiscale) throw errori.cartaDiversa();

    const pdf = await modulo(citizen, id, m, card.identity);
    await deps.carta.verifyPin(pin);
    const p7m = await signModulo(pdf, deps.carta.signer(), deps.clock);

    const signedAt = deps.clock.now().toISOString();
    const p7mSha256 = deps.blobs.put(p7m);
    deps.moduli.save({
      praticaId: id,
      pdfSha256: deps.blobs.put(pdf),
      p7mSha256,
      p7mSize: p7m.length,
      dataSha256: improntaDati(m.pratica.data, m.attachments.map((a) => ({ key: a.slotKey, sha256: a.sha256 }))),
      signerCf: card.identity.codiceFiscale,
      signedAt,
    });
    deps.log.info('modulo firmato con la carta', { pratica: id });
    return { signedAt, nomeFile: NOME_MODULO_FIRMATO, sha256: p7mSha256, size: p7m.length };
  }

  /**
   * At the desk, for a citizen identified on a document instead of the card: the module, saying so,
   * made as the pratica is sent (it goes as `modulo_compilato`, like a signed one; invio.ts).
   * Nothing for anyone else, nor for a pratica that submission will refuse anyway.
   */
  async function perConto(citizen: Citizen, id: string): Promise<void> {
    const identificazione = citizen.identificazione;
    if (!identificazione) return;
    const m = deps.pratiche.forModule(citizen, id);
    if (m.pratica.status !== STATO.BOZZA || !m.completeness.complete) return;
    const pdf = await modulo(citizen, id, m, null);
    deps.perConto.save({
      praticaId: id,
      pdfSha256: deps.blobs.put(pdf),
      pdfSize: pdf.length,
      dataSha256: improntaDati(m.pratica.data, m.attachments.map((a) => ({ key: a.slotKey, sha256: a.sha256 }))),
      operatore: identificazione.operatore.username,
      operatoreNome: identificazione.operatore.nome,
      documento: identificazione.documento,
      createdAt: deps.clock.now().toISOString(),
    });
  }

  return {
    perConto,

    async sign(citizen: Citizen, id: string, pin: string): Promise<EsitoFirma> {
      if (inCorso.has(id)) throw errori.inCorso();
      inCorso.add(id);
      try {
        return await firma(citizen, id, pin);
      } finally {
        inCorso.delete(id);
      }
    },

    /** The draft's module as it would be signed now (the card in, if it is the citizen's, says sex and residence as at signing). */
    async anteprima(citizen: Citizen, id: string): Promise<{ contentBase64: string; nomeFile: string; mimeType: string }> {
      const m = deps.pratiche.forModule(citizen, id);
      if (m.pratica.status !== STATO.BOZZA) throw errori.nonBozza();
      const carta = deps.carta?.current()?.identity ?? null;
      const card = carta?.codiceFiscale === citizen.card.codiceFiscale ? carta : null;
      const pdf = await modulo(citizen, id, m, card);
      return { contentBase64: Buffer.from(pdf).toString('base64'), nomeFile: NOME_MODULO, mimeType: 'application/pdf' };
    },

    /** What "Controllo e conferma" shows: the data as the module reads them, step by step. */
    review(citizen: Citizen, id: string): RiepilogoView {
      const m = deps.pratiche.forModule(citizen, id);
      return riepilogoDi({ service: m.service, steps: m.steps, data: m.pratica.data, attachments: m.attachments, profile: deps.cittadini.profile(citizen) });
    },

    /** Whether the pratica has a signature and whether it still matches its data. */
    status(citizen: Citizen, id: string) {
      const m = deps.pratiche.forModule(citizen, id);
      const firmato = deps.moduli.get(id);
      const valida =
        firmato !== null && firmato.dataSha256 === improntaDati(m.pratica.data, m.attachments.map((a) => ({ key: a.slotKey, sha256: a.sha256 })));
      return {
        firmata: firmato !== null,
        valida,
        firmataIl: firmato?.signedAt ?? null,
        // The citizen signs with the card wherever one is in (at the desk too); identified on a document at the desk, never.
        richiesta: deps.carta !== null && !citizen.identificazione,
      };
    },
  };
}

export type FirmaPratica = ReturnType<typeof createFirmaPratica>;
