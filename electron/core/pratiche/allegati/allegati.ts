/**
 * Attachments of a pratica: a new file is checked against its slot's rules, stored by
 * content, added to "I miei allegati" and linked; a document from the library can be
 * reused in another pratica (checked again against that slot's rules). The check of the
 * file is the one of documents/allegati; this module adds the slot's own rules (which
 * slot, how many files).
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
import type { BlobStore } from '../../store/blob-store';

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
}

const MAX_FILES_PER_SLOT = 10;

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

  return {
    async add(citizen: Citizen, praticaId: string, slotKey: string, name: string, bytes: Uint8Array): Promise<AllegatoAggiunto> {
      const slot = slotOf(citizen, praticaId, slotKey, true);
      const esito = await controlla(slot, name, bytes);
      // The check yields to the event loop: the pratica may have been sent or the slot filled meanwhile.
      slotOf(citizen, praticaId, slotKey, true);
      const sha256 = deps.blobs.put(bytes);
      const allegato = deps.repo.add({
        id: randomUUID(),
        citizenCf: citizen.card.codiceFiscale,
        sha256,
        name: esito.nome,
        mimeType: esito.mime,
        size: esito.dimensione,
        pdfa: esito.pdf?.pdfa ? etichettaPdfA(esito.pdf.pdfa) : null,
        createdAt: now(),
      });
      deps.repo.link(praticaId, slotKey, allegato.id, now());
      return { allegato, avvisi: esito.avvisi };
    },
    /** Checked again: the other slot may ask for more, and the file may predate today's rules. */
    async reuse(citizen: Citizen, praticaId: string, slotKey: string, allegatoId: string): Promise<AllegatoAggiunto> {
      const slot = slotOf(citizen, praticaId, slotKey, true);
      const allegato = deps.repo.get(allegatoId, citizen.card.codiceFiscale);
      if (!allegato) throw new AllegatoError('allegato-sconosciuto', 'Documento non trovato tra i tuoi allegati.');
      const esito = await controlla(slot, allegato.name, deps.blobs.read(allegato.sha256));
      slotOf(citizen, praticaId, slotKey, true);
      deps.repo.link(praticaId, slotKey, allegato.id, now());
      return { allegato, avvisi: esito.avvisi };
    },
    remove(citizen: Citizen, praticaId: string, slotKey: string, allegatoId: string): void {
      slotOf(citizen, praticaId, slotKey, false);
      if (!deps.repo.unlink(praticaId, slotKey, allegatoId)) throw new AllegatoError('allegato-sconosciuto', 'Questo documento non è allegato alla pratica.');
    },
    library: (citizen: Citizen): AllegatoRecord[] => deps.repo.library(citizen.card.codiceFiscale),
  };
}

export type Allegati = ReturnType<typeof createAllegati>;
