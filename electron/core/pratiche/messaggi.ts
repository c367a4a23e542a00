/**
 * The conversation of a sent pratica with the comune's office: the comune's messages (brought by
 * sync, sync/message-pull.ts), the citizen's (checked, stored, and queued in the outbox in the same
 * transaction, sent exactly once by sync/message-sender.ts), the integration request the office
 * makes and the citizen's answer, which closes it on the portal. A citizen sees and writes only on
 * their own pratiche; on a kiosk, only once their PIN is verified (the session's citizen).
 */
import { randomUUID } from 'node:crypto';
import type { ConversazioneView, MessaggioView } from '../../shared/contract/messaggi';
import type { DomainEvents } from '../api/domain-events';
import { verificaAllegato, type RegoleAllegato } from '../documents/allegati/verifica-allegato';
import { DomainError } from '../errors';
import type { Clock } from '../ports/clock';
import type { BlobStore } from '../store/blob-store';
import type { MessaggiRepo, MessaggioRecord } from '../store/messaggi-repo';
import type { OutboxRepo } from '../store/outbox-repo';
import type { PraticheRepo } from '../store/pratiche-repo';
import type { Citizen } from './citizen';
import { STATO } from './status';

export interface MessaggiDeps {
  repo: MessaggiRepo;
  pratiche: PraticheRepo;
  outbox: OutboxRepo;
  /** The citizen's files (`<dataDir>/allegati`) and the comune's (`<dataDir>/esiti`). */
  allegati: BlobStore;
  esiti: BlobStore;
  clock: Clock;
  /** Where a queued message is announced (sync sends it at once). */
  events?: Pick<DomainEvents, 'emit'>;
}

/** What the portal takes in a message (allowed_extensions, config/packages/app.yaml of the real portal), as our checks know it. */
const REGOLE_FILE_MESSAGGIO: RegoleAllegato = {
  etichetta: 'Allegato del messaggio',
  tipiAmmessi: ['application/pdf', 'image/jpeg', 'image/png', 'application/pkcs7-mime', 'application/vnd.oasis.opendocument.text', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  byteMassimi: 10 * 1024 * 1024,
  richiediPdfA: false,
};

const FINALI: ReadonlySet<number> = new Set([STATO.ACCETTATA, STATO.RIFIUTATA, STATO.RITIRATA, STATO.ANNULLATA]);

export interface FileInArrivo {
  name: string;
  bytes: Uint8Array;
}

export function createMessaggi(deps: MessaggiDeps) {
  const pratica = (citizen: Citizen, praticaId: string) => {
    const p = deps.pratiche.get(praticaId, citizen.card.codiceFiscale);
    if (!p) throw new DomainError('pratica-sconosciuta', 'Pratica non trovata.');
    return p;
  };

  const view = (m: MessaggioRecord): MessaggioView => {
    const outbox = m.da === 'cittadino' ? deps.outbox.messageState(m.id) : null;
    const stato = m.da === 'comune' ? 'ricevuto' : m.remoteId !== null || outbox?.state === 'sent' ? 'inviato' : outbox?.state === 'parked' ? 'non-inviato' : 'in-attesa';
    return {
      id: m.id,
      da: m.da,
      testo: m.testo,
      scrittoIl: m.scrittoIl,
      integrazione: m.integrazione,
      letto: m.da === 'cittadino' || m.lettoIl !== null,
      stato,
      errore: stato === 'non-inviato' ? (outbox?.error ?? null) : null,
      conservato: m.svuotatoIl === null,
      allegati: m.allegati.map(({ posizione, nome, mimeType, dimensione }) => ({ posizione, nome, mimeType, dimensione })),
    };
  };

  const conversazione = (citizen: Citizen, praticaId: string): ConversazioneView => {
    const p = pratica(citizen, praticaId);
    const messaggi = deps.repo.ofPratica(praticaId);
    const request = messaggi.findLastIndex((m) => m.integrazione === 'richiesta');
    const answered = request >= 0 && messaggi.slice(request).some((m) => m.integrazione === 'risposta');
    return {
      messaggi: messaggi.map(view),
      nonLetti: deps.repo.unread(praticaId),
      puoScrivere: p.status !== STATO.BOZZA && !FINALI.has(p.status),
      rispostaAttesa: p.status === STATO.IN_ATTESA_INTEGRAZIONE && !answered,
      richiestaInRegistrazione: p.status === STATO.INTEGRAZIONE_RICHIESTA,
    };
  };

  return {
    conversazione,
    async invia(citizen: Citizen, praticaId: string, testo: string, files: FileInArrivo[], risposta: boolean): Promise<ConversazioneView> {
      const text = testo.trim();
      if (text === '') throw new DomainError('messaggio-vuoto', 'Scrivi il testo del messaggio.');
      const before = conversazione(citizen, praticaId);
      if (!before.puoScrivere) throw new DomainError('messaggio-non-ammesso', "Su questa pratica non si possono più scrivere messaggi all'ufficio.");
      if (risposta && !before.rispostaAttesa) throw new DomainError('integrazione-non-richiesta', "L'ufficio non sta aspettando un'integrazione per questa pratica.");
      const allegati = [];
      for (const [posizione, f] of files.entries()) {
        const esito = await verificaAllegato(f.name, f.bytes, REGOLE_FILE_MESSAGGIO);
        if (!esito.ammesso) throw new DomainError(esito.codice, esito.messaggio);
        allegati.push({ posizione, remoteId: null, nome: esito.nome, mimeType: esito.mime, sha256: deps.allegati.put(f.bytes), dimensione: esito.dimensione });
      }
      // The checks yield to the event loop: the pratica may have moved on meanwhile.
      const now = conversazione(citizen, praticaId);
      if (risposta && !now.rispostaAttesa) throw new DomainError('integrazione-non-richiesta', "L'ufficio non sta aspettando un'integrazione per questa pratica.");
      const p = pratica(citizen, praticaId);
      const at = deps.clock.now().toISOString();
      const id = randomUUID();
      deps.repo.add(
        { id, praticaId, remoteId: null, da: 'cittadino', testo: text, scrittoIl: at, integrazione: risposta ? 'risposta' : null, allegati },
        () => deps.outbox.enqueueMessage(praticaId, p.tenantSlug, id, at),
      );
      deps.events?.emit('outbox.accodata', { praticaId });
      return conversazione(citizen, praticaId);
    },
    /** The conversation seen: the comune's messages are read here, and the portal is told through the outbox (the office sees `read_at`). */
    letti(citizen: Citizen, praticaId: string): ConversazioneView {
      const p = pratica(citizen, praticaId);
      const at = deps.clock.now().toISOString();
      let receipts = 0;
      deps.repo.markRead(praticaId, at, (ids) => {
        for (const id of ids) deps.outbox.enqueueReadReceipt(praticaId, p.tenantSlug, id, at);
        receipts = ids.length;
      });
      if (receipts > 0) deps.events?.emit('outbox.accodata', { praticaId });
      return conversazione(citizen, praticaId);
    },
    allegato(citizen: Citizen, praticaId: string, messaggioId: string, posizione: number) {
      pratica(citizen, praticaId);
      const m = deps.repo.get(messaggioId);
      const file = m && m.praticaId === praticaId && m.svuotatoIl === null ? m.allegati.find((a) => a.posizione === posizione) : undefined;
      if (!m || !file) throw new DomainError('messaggio-sconosciuto', 'Allegato del messaggio non trovato.');
      const store = m.da === 'comune' ? deps.esiti : deps.allegati;
      return { contentBase64: store.read(file.sha256).toString('base64'), nomeFile: file.nome, mimeType: file.mimeType };
    },
    nonLetti: (praticaId: string): number => deps.repo.unread(praticaId),
  };
}

export type Messaggi = ReturnType<typeof createMessaggi>;
