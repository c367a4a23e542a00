/**
 * Attachments of a pratica: a new file is checked against its slot's rules, stored by
 * content, added to "I miei allegati" and linked; a document from the library can be
 * reused in another pratica (checked again against that slot's rules).
 */
import { randomUUID } from 'node:crypto';
import type { AttachmentSpec } from '../../catalogue/format';
import type { Catalogue } from '../../catalogue/catalogue';
import { DomainError } from '../../errors';
import type { Clock } from '../../ports/clock';
import type { AllegatiRepo, AllegatoRecord } from '../../store/allegati-repo';
import type { PraticheRepo } from '../../store/pratiche-repo';
import type { Citizen } from '../citizen';
import { STATO } from '../status';
import type { BlobStore } from './blob-store';
import { AllegatoError, checkFile } from './check';

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
    const pratica = deps.pratiche.get(praticaId, citizen.card.fiscalCode);
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
    add(citizen: Citizen, praticaId: string, slotKey: string, name: string, bytes: Uint8Array): AllegatoRecord {
      const slot = slotOf(citizen, praticaId, slotKey, true);
      const checked = checkFile(slot, name, bytes);
      const sha256 = deps.blobs.put(bytes);
      const allegato = deps.repo.add({ id: randomUUID(), citizenCf: citizen.card.fiscalCode, sha256, ...checked, createdAt: now() });
      deps.repo.link(praticaId, slotKey, allegato.id, now());
      return allegato;
    },
    reuse(citizen: Citizen, praticaId: string, slotKey: string, allegatoId: string): AllegatoRecord {
      const slot = slotOf(citizen, praticaId, slotKey, true);
      const allegato = deps.repo.get(allegatoId, citizen.card.fiscalCode);
      if (!allegato) throw new AllegatoError('allegato-sconosciuto', 'Documento non trovato tra i tuoi allegati.');
      checkFile(slot, allegato.name, deps.blobs.read(allegato.sha256));
      deps.repo.link(praticaId, slotKey, allegato.id, now());
      return allegato;
    },
    remove(citizen: Citizen, praticaId: string, slotKey: string, allegatoId: string): void {
      slotOf(citizen, praticaId, slotKey, false);
      if (!deps.repo.unlink(praticaId, slotKey, allegatoId)) throw new AllegatoError('allegato-sconosciuto', 'Questo documento non è allegato alla pratica.');
    },
    library: (citizen: Citizen): AllegatoRecord[] => deps.repo.library(citizen.card.fiscalCode),
  };
}

export type Allegati = ReturnType<typeof createAllegati>;
