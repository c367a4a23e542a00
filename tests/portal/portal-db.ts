/**
 * The reference portal's own persistence: accounts, applications, their history, uploads, messages,
 * integration requests and answers, in one SQLite file; uploaded bytes in files next to it (the "S3
 * bucket"). A test and demo server, so it keeps SQL here rather than behind repositories.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createPaymentTables } from './payments-model';

export type PortalDb = Database.Database;

export function openPortalDb(dataDir: string): PortalDb {
  mkdirSync(join(dataDir, 'files'), { recursive: true });
  const db = new Database(join(dataDir, 'portal.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.exec(`
    CREATE TABLE IF NOT EXISTS users (
      id TEXT PRIMARY KEY, username TEXT UNIQUE, password_hash TEXT, role TEXT NOT NULL,
      fiscal_code TEXT, name TEXT, surname TEXT, email TEXT, created_at TEXT NOT NULL,
      -- An operator's enabled services (Operatore::serviziAbilitati), JSON array of service ids.
      services TEXT NOT NULL DEFAULT '[]'
    ) STRICT;
    CREATE TABLE IF NOT EXISTS applications (
      seq INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      user_id TEXT NOT NULL REFERENCES users(id),
      created_by TEXT NOT NULL REFERENCES users(id),
      service_id TEXT NOT NULL,
      status INTEGER NOT NULL,
      -- Pratica::dematerializedForms: {data, flattened, schema}
      data TEXT NOT NULL,
      created_at TEXT NOT NULL, updated_at TEXT NOT NULL, submitted_at TEXT, latest_status_change_at TEXT NOT NULL,
      protocol_folder_number TEXT, protocol_folder_code TEXT, protocol_number TEXT, protocol_document_id TEXT, protocolled_at TEXT,
      operator_id TEXT, outcome INTEGER, outcome_motivation TEXT
    ) STRICT;
    CREATE TABLE IF NOT EXISTS history (
      seq INTEGER PRIMARY KEY, application_id TEXT NOT NULL REFERENCES applications(id),
      status INTEGER NOT NULL, message TEXT, message_id TEXT, at TEXT NOT NULL
    ) STRICT;
    CREATE TABLE IF NOT EXISTS uploads (
      id TEXT PRIMARY KEY, original_filename TEXT NOT NULL, description TEXT NOT NULL,
      mime_type TEXT NOT NULL, protocol_required INTEGER NOT NULL, size INTEGER, sha256 TEXT, file_hash TEXT,
      expires_at TEXT, created_at TEXT NOT NULL
    ) STRICT;
    CREATE TABLE IF NOT EXISTS application_files (
      application_id TEXT NOT NULL REFERENCES applications(id), upload_id TEXT NOT NULL REFERENCES uploads(id),
      kind TEXT NOT NULL CHECK (kind IN ('attachment', 'outcome')), PRIMARY KEY (application_id, upload_id)
    ) STRICT;
    -- Entity/Message.php: timestamps are epoch seconds (created_at set by the constructor).
    CREATE TABLE IF NOT EXISTS messages (
      seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, application_id TEXT NOT NULL REFERENCES applications(id),
      author_id TEXT REFERENCES users(id), message TEXT NOT NULL, subject TEXT, visibility TEXT NOT NULL, email TEXT,
      created_at INTEGER NOT NULL, sent_at INTEGER, read_at INTEGER, clicked_at INTEGER, protocolled_at INTEGER,
      protocol_required INTEGER, protocol_number TEXT
    ) STRICT;
    -- Message::$attachments (AllegatoMessaggio); the file itself is an upload row, served by id.
    CREATE TABLE IF NOT EXISTS message_files (
      message_id TEXT NOT NULL REFERENCES messages(id), upload_id TEXT NOT NULL REFERENCES uploads(id),
      protocol_number TEXT, PRIMARY KEY (message_id, upload_id)
    ) STRICT;
    -- Entity/RichiestaIntegrazione.php: an Allegato (id = its upload's id), status 1000 pending / 2000 done.
    CREATE TABLE IF NOT EXISTS integration_requests (
      seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE REFERENCES uploads(id), application_id TEXT NOT NULL REFERENCES applications(id),
      message_id TEXT, status INTEGER NOT NULL, attachment_ids TEXT NOT NULL DEFAULT '[]',
      protocol_number TEXT, protocol_document_id TEXT, created_at INTEGER NOT NULL
    ) STRICT;
    -- Entity/RispostaIntegrazione.php: the answer (or cancellation) file of a request, payload messages/attachments.
    CREATE TABLE IF NOT EXISTS integration_answers (
      seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE REFERENCES uploads(id), request_id TEXT NOT NULL REFERENCES integration_requests(id),
      message_ids TEXT NOT NULL DEFAULT '[]', attachment_ids TEXT NOT NULL DEFAULT '[]',
      protocol_number TEXT, protocol_document_id TEXT
    ) STRICT;
  `);
  createPaymentTables(db);
  // Entity/Meeting.php (status 0 pending .. 6 draft) and Pratica::$meetings (application_meetings,
  // a meeting in one application at most: `unique=true`, deleted with the meeting). Times are the
  // Rome wall clock, 'Y-m-dTH:i:s', as MeetingService compares them.
  db.exec(`
    CREATE TABLE IF NOT EXISTS meetings (
      seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, calendar_id TEXT NOT NULL, opening_hour_id TEXT, user_id TEXT REFERENCES users(id),
      email TEXT, phone_number TEXT, fiscal_code TEXT, name TEXT, from_time TEXT NOT NULL, to_time TEXT NOT NULL,
      user_message TEXT, motivation_outcome TEXT, videoconference_link TEXT, status INTEGER NOT NULL, rescheduled INTEGER NOT NULL DEFAULT 0,
      draft_expiration TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL
    ) STRICT;
    CREATE TABLE IF NOT EXISTS application_meetings (
      seq INTEGER PRIMARY KEY, application_id TEXT NOT NULL REFERENCES applications(id),
      meeting_id TEXT NOT NULL UNIQUE REFERENCES meetings(id) ON DELETE CASCADE
    ) STRICT;
  `);
  return db;
}

export function filePath(dataDir: string, uploadId: string): string {
  return join(dataDir, 'files', uploadId);
}
