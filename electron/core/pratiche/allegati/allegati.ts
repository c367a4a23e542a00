/**
 * Attachments of a pratica: a new file is checked against its slot's rules, stored by
 * content, added to "I miei allegati" and linked; a document from the library can be
 * reused in another pratica (checked again against that slot's rules). The check of the
 * file is the one of documents/allegati; this module adds the slot's own rules (which
 * slot, how many files).
 *
 * On a kiosk a draft's documents are sealed with the citizen's card (`sealer`, the draft vault):
 * the file on disk holds the sealed bytes, readable only while that card is in and its PIN
 * verified. Once the pratica is sent they must reach the portal after the card has left, so
 * `perLInvio` stores them as themselves first (under the file store's own encryption) and
 * `inviati` drops the sealed copies once the submission is committed.
 */
import { randomUUID } from 'node:crypto';
import type { CodiceAllegato } from '../../../shared/contract/errori';
import type { AttachmentSpec } from '../../catalogue/format';
import type { Catalogue } from '../../catalogue/catalogue';
import { verificaAllegato, type RegoleAllegato } from '../../documents/allegati/verifica-allegato';
import { etichettaPdfA } from '../../documents/allegati/xmp-pdfa';
import { DomainError } from '../../errors';
import type { Clock } from '../../ports/clock';
import type { AllegatiRepo, AllegatoRecord } from '../../store/allegati-repo';
import type { PraticheRepo } from '../../store/pratiche-repo';
import type { Citizen } from '../citizen';
import { STATO } from '../status';
import { sha256Of, type BlobStore } from '../../store/blob-store';
import type { FileSealer } from '../../store/file-sealer';

class AllegatoError extends DomainError {
  constructor(code: CodiceAllegato, message: string) {
    super(code, message);
  }
}

/** A file joined to a pratica, with the remarks the citizen should read (e.g. not a PDF/A where it is not required). */
export interface AllegatoAggiunto {
  allegato: AllegatoRecord;
  avvisi: string[];
}

export function regoleDelloSlot(slot: AttachmentSpec): RegoleAllegato {
  return { etichetta: slot.label, tipiAmmessi: slot.mimeTypes, byteMassimi: slot.maxSizeMb * 1024 * 1024, richiediPdfA: slot.pdfa };
}

/** The single check of `documents/allegati`, turned into the error the contract carries when it refuses. */
async function controlla(slot: AttachmentSpec, name: string, bytes: Uint8Array) {
  const esito = await verificaAllegato(name, bytes, regoleDelloSlot(slot));
  if (!esito.ammesso) throw new AllegatoError(esito.codice, esito.messaggio);
  return esito;
}

export interface AllegatiDeps {
  repo: AllegatiRepo;
  pratiche: PraticheRepo;
  catalogue: Catalogue;
  blobs: BlobStore;
  clock: Clock;
  /** On a kiosk: seals a draft's documents with the citizen's card. */
  sealer?: FileSealer;
}

const MAX_FILES_PER_SLOT = 10;

/** The sealed documents of a pratica stored as themselves for its submission; `nuovo`: that copy was made now. */
export type PreparatiPerLInvio = { allegato: AllegatoRecord; nuovo: boolean }[];

export function createAllegati(deps: AllegatiDeps) {
  const now = () => deps.clock.now().toISOString();

  function slotOf(citizen: Citizen, praticaId: string, slotKey: string, adding: boolean): AttachmentSpec {
    const pratica = deps.pratiche.get(praticaId, citizen.card.codiceFiscale);
    if (!pratica) throw new DomainError('pratica-sconosciuta', 'Pratica non trovata.');
    if (pratica.status !== STATO.BOZZA) throw new DomainError('pratica-non-modificabile', 'Questa pratica è già stata inviata e non si può più modificare.');
    const slot = deps.catalogue.service(pratica.tenantSlug, pratica.serviceSlug).x_sportello_attachments.find((s) => s.key === slotKey);
    if (!slot) throw new AllegatoError('allegato-non-previsto', 'Questo servizio non prevede questo allegato.');
    if (adding && deps.repo.ofPratica(praticaId).filter((a) => a.slotKey === slotKey).length >= MAX_FILES_PER_SLOT) {
      throw new AllegatoError('allegati-troppi', `Puoi allegare al massimo ${MAX_FILES_PER_SLOT} file per "${slot.label}".`);
    }
    return slot;
  }

  /** The document's bytes, opened with the citizen's card when sealed; checked against the document's own SHA-256. */
  function bytesOf(citizen: Citizen, allegato: AllegatoRecord): Buffer {
    if (allegato.sealedSha256 === null) return deps.blobs.read(allegato.sha256);
    if (!deps.sealer) throw new DomainError('bozza-protetta', "Questo documento si apre solo con la carta di chi l'ha allegato.");
    const bytes = deps.sealer.open(citizen.card.codiceFiscale, deps.blobs.read(allegato.sealedSha256));
    if (sha256Of(bytes) !== allegato.sha256) throw new AllegatoError('allegato-sconosciuto', `Il documento "${allegato.name}" non corrisponde a quello allegato.`);
    return bytes;
  }

  return {
    async add(citizen: Citizen, praticaId: string, slotKey: string, name: string, bytes: Uint8Array): Promise<AllegatoAggiunto> {
      const slot = slotOf(citizen, praticaId, slotKey, true);
      const esito = await controlla(slot, name, bytes);
      // The check yields to the event loop: the pratica may have been sent or the slot filled meanwhile.
      slotOf(citizen, praticaId, slotKey, true);
      const cf = citizen.card.codiceFiscale;
      const sealed = deps.sealer?.seal(cf, bytes) ?? null;
      const plainBefore = deps.blobs.has(sha256Of(bytes));
      const sha256 = sealed ? sha256Of(bytes) : deps.blobs.put(bytes);
      const sealedSha256 = sealed ? deps.blobs.put(sealed) : null;
      const allegato = deps.repo.add({
        id: randomUUID(),
        citizenCf: citizen.card.codiceFiscale,
        sha256,
        name: esito.nome,
        mimeType: esito.mime,
        size: esito.dimensione,
        pdfa: esito.pdf?.pdfa ? etichettaPdfA(esito.pdf.pdfa) : null,
        createdAt: now(),
        sealedSha256,
      });
      // The citizen had this very document already: theirs is kept, the copy just sealed is not needed.
      if (sealedSha256 !== null && allegato.sealedSha256 !== sealedSha256) deps.blobs.remove(sealedSha256);
      // ...and if theirs is sealed, a copy of it just stored as itself (this card could not sign today) must not stay.
      if (sealed === null && allegato.sealedSha256 !== null && !plainBefore) deps.blobs.remove(sha256);
      deps.repo.link(praticaId, slotKey, allegato.id, now());
      return { allegato, avvisi: esito.avvisi };
    },
    /** Checked again: the other slot may ask for more, and the file may predate today's rules. */
    async reuse(citizen: Citizen, praticaId: string, slotKey: string, allegatoId: string): Promise<AllegatoAggiunto> {
      const slot = slotOf(citizen, praticaId, slotKey, true);
      const allegato = deps.repo.get(allegatoId, citizen.card.codiceFiscale);
      if (!allegato) throw new AllegatoError('allegato-sconosciuto', 'Documento non trovato tra i tuoi allegati.');
      const esito = await controlla(slot, allegato.name, bytesOf(citizen, allegato));
      slotOf(citizen, praticaId, slotKey, true);
      deps.repo.link(praticaId, slotKey, allegato.id, now());
      return { allegato, avvisi: esito.avvisi };
    },
    remove(citizen: Citizen, praticaId: string, slotKey: string, allegatoId: string): void {
      slotOf(citizen, praticaId, slotKey, false);
      if (!deps.repo.unlink(praticaId, slotKey, allegatoId)) throw new AllegatoError('allegato-sconosciuto', 'Questo documento non è allegato alla pratica.');
    },
    library: (citizen: Citizen): AllegatoRecord[] => deps.repo.library(citizen.card.codiceFiscale),
    /**
     * Before the submission is committed: each sealed document of the pratica is stored as itself,
     * so sync can send it once the card is out. Returns what `inviati` or `nonInviati` finish.
     */
    perLInvio(citizen: Citizen, praticaId: string): PreparatiPerLInvio {
      if (!deps.pratiche.get(praticaId, citizen.card.codiceFiscale)) throw new DomainError('pratica-sconosciuta', 'Pratica non trovata.');
      const preparati: PreparatiPerLInvio = [];
      for (const allegato of deps.repo.ofPratica(praticaId)) {
        if (allegato.sealedSha256 === null) continue;
        const nuovo = !deps.blobs.has(allegato.sha256);
        deps.blobs.put(bytesOf(citizen, allegato));
        preparati.push({ allegato, nuovo });
      }
      return preparati;
    },
    /** The submission is committed: the documents and their names are stored as themselves, the sealed copies go. */
    inviati(preparati: PreparatiPerLInvio): void {
      for (const { allegato } of preparati) {
        const { sealedSha256 } = allegato;
        if (sealedSha256 !== null && deps.repo.unsealed({ ...allegato, sealedSha256 })) deps.blobs.remove(sealedSha256);
      }
    },
    /** The submission was refused: the copies made for it go, the documents stay sealed. */
    nonInviati(preparati: PreparatiPerLInvio): void {
      for (const { allegato, nuovo } of preparati) if (nuovo) deps.blobs.remove(allegato.sha256);
    },
  };
}

export type Allegati = ReturnType<typeof createAllegati>;
