/**
 * The messages of sent pratiche (tables `messaggi`, `messaggi_allegati`, migration 105): those
 * the comune wrote, as the status pull brings them, and those the citizen wrote, kept here until the
 * outbox has delivered them (`remote_id` set then, in the same transaction as the outbox's state).
 */
import { guard, type Db } from './database';

export type Mittente = 'comune' | 'cittadino';
export type Integrazione = 'richiesta' | 'risposta';

export interface AllegatoMessaggio {
  posizione: number;
  remoteId: string | null;
  nome: string;
  mimeType: string;
  sha256: string;
  dimensione: number;
}

export interface MessaggioRecord {
  id: string;
  praticaId: string;
  remoteId: string | null;
  da: Mittente;
  testo: string;
  scrittoIl: string;
  integrazione: Integrazione | null;
  lettoIl: string | null;
  svuotatoIl: string | null;
  allegati: AllegatoMessaggio[];
}

export type NuovoMessaggio = Omit<MessaggioRecord, 'lettoIl' | 'svuotatoIl'>;

interface Row {
  id: string;
  pratica_id: string;
  remote_id: string | null;
  da: Mittente;
  testo: string;
  scritto_il: string;
  integrazione: Integrazione | null;
  letto_il: string | null;
  svuotato_il: string | null;
}

interface AllegatoRow {
  messaggio_id: string;
  posizione: number;
  remote_id: string | null;
  nome: string;
  mime_type: string;
  sha256: string;
  dimensione: number;
}

export function createMessaggiRepo(db: Db) {
  const s = {
    insert: db.prepare(
      `INSERT INTO messaggi (id, pratica_id, remote_id, da, testo, scritto_il, integrazione)
       VALUES (@id, @praticaId, @remoteId, @da, @testo, @scrittoIl, @integrazione) ON CONFLICT (remote_id) DO NOTHING`,
    ),
    insertAllegato: db.prepare(
      `INSERT INTO messaggi_allegati (messaggio_id, posizione, remote_id, nome, mime_type, sha256, dimensione)
       VALUES (@messaggioId, @posizione, @remoteId, @nome, @mimeType, @sha256, @dimensione)`,
    ),
    // The portal's times are whole seconds (Message::$createdAt is an int): within one second, the order they reached this device.
    ofPratica: db.prepare('SELECT * FROM messaggi WHERE pratica_id = ? ORDER BY substr(scritto_il, 1, 19), rowid'),
    get: db.prepare('SELECT * FROM messaggi WHERE id = ?'),
    allegati: db.prepare('SELECT * FROM messaggi_allegati WHERE messaggio_id = ? ORDER BY posizione'),
    knownRemote: db.prepare('SELECT 1 FROM messaggi WHERE remote_id = ?').pluck(),
    unsentTexts: db.prepare(`SELECT testo FROM messaggi WHERE pratica_id = ? AND da = 'cittadino' AND remote_id IS NULL`).pluck(),
    delivered: db.prepare('UPDATE messaggi SET remote_id = @remoteId WHERE id = @id AND remote_id IS NULL'),
    markRequest: db.prepare(`UPDATE messaggi SET integrazione = 'richiesta' WHERE remote_id = ? AND da = 'comune' AND integrazione IS NULL`),
    read: db.prepare(`UPDATE messaggi SET letto_il = @at WHERE pratica_id = @praticaId AND da = 'comune' AND letto_il IS NULL RETURNING id, svuotato_il`),
    unread: db.prepare(`SELECT count(*) FROM messaggi WHERE pratica_id = ? AND da = 'comune' AND letto_il IS NULL AND svuotato_il IS NULL`).pluck(),
  };

  const withAllegati = (r: Row): MessaggioRecord => ({
    id: r.id,
    praticaId: r.pratica_id,
    remoteId: r.remote_id,
    da: r.da,
    testo: r.testo,
    scrittoIl: r.scritto_il,
    integrazione: r.integrazione,
    lettoIl: r.letto_il,
    svuotatoIl: r.svuotato_il,
    allegati: (s.allegati.all(r.id) as AllegatoRow[]).map((a) => ({
      posizione: a.posizione,
      remoteId: a.remote_id,
      nome: a.nome,
      mimeType: a.mime_type,
      sha256: a.sha256,
      dimensione: a.dimensione,
    })),
  });

  const add = db.transaction((m: NuovoMessaggio, also: () => void): boolean => {
    if (s.insert.run({ id: m.id, praticaId: m.praticaId, remoteId: m.remoteId, da: m.da, testo: m.testo, scrittoIl: m.scrittoIl, integrazione: m.integrazione }).changes === 0) return false;
    for (const a of m.allegati) s.insertAllegato.run({ messaggioId: m.id, ...a });
    also();
    return true;
  });

  const markRead = db.transaction((praticaId: string, at: string, also: (ids: string[]) => void): number => {
    const read = s.read.all({ praticaId, at }) as { id: string; svuotato_il: string | null }[];
    // An emptied message (a kiosk forgot the citizen) was never shown: the portal is not told it was read.
    also(read.filter((r) => r.svuotato_il === null).map((r) => r.id));
    return read.length;
  });

  return {
    /** One message with its files, and `also` (the outbox entry of a citizen's) in the same transaction; false when the portal's message is already here. */
    add: (m: NuovoMessaggio, also: () => void = () => {}): boolean => guard(() => add(m, also)),
    ofPratica: (praticaId: string): MessaggioRecord[] => guard(() => (s.ofPratica.all(praticaId) as Row[]).map(withAllegati)),
    get: (id: string): MessaggioRecord | undefined => {
      const row = guard(() => s.get.get(id)) as Row | undefined;
      return row ? withAllegati(row) : undefined;
    },
    isKnown: (remoteId: string): boolean => guard(() => s.knownRemote.get(remoteId) !== undefined),
    /** The texts the citizen wrote that the portal has not confirmed yet (the pull must not take them for the comune's). */
    unsentTexts: (praticaId: string): string[] => guard(() => s.unsentTexts.all(praticaId) as string[]),
    /** The portal has the citizen's message; run inside the outbox's transaction by the sender. */
    delivered: (id: string, remoteId: string): void => void guard(() => s.delivered.run({ id, remoteId })),
    /** The comune's message named by a 4100 history entry is its integration request. */
    markRequest: (remoteId: string): void => void guard(() => s.markRequest.run(remoteId)),
    /** The comune's unread messages are read at `at`; `also` gets the ids of those the citizen saw (their read receipts), in the same transaction. */
    markRead: (praticaId: string, at: string, also: (ids: string[]) => void = () => {}): number => guard(() => markRead(praticaId, at, also)),
    unread: (praticaId: string): number => guard(() => s.unread.get(praticaId) as number),
  };
}

export type MessaggiRepo = ReturnType<typeof createMessaggiRepo>;
