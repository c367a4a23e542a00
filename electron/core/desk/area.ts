/**
 * Desk mode as the composition root sees it: operator accounts and sessions, the release
 * of PIN and PUK through the issuing system, the audit log and its daily report, and the
 * citizen an operator is assisting. The issuer comes from the composition root: the one configured
 * in `issuer` (a system of its own, not the portal), or a test's.
 */
import type { Config } from '../config/schema';
import type { Logger } from '../log/logger';
import type { Clock } from '../ports/clock';
import { registroDi } from '../audit/registro';
import type { Keystore } from '../ports/keystore';
import { reportCsv, reportPdf, righeReport } from '../audit/report';
import type { Db } from '../store/database';
import { createOperatoriRepo } from '../store/operatori-repo';
import type { DomainEvents } from '../api/domain-events';
import { createAssistiti } from './assistito';
import { registraInviiAssistiti } from './invii-assistiti';
import type { IssuingPort } from './issuing-port';
import { createOperatori } from './operatori';
import { createRilascio, type CartaAlBanco } from './rilascio';
import { etichettaDocumento } from './validazione';
import { createSessioni, DEFAULT_SESSION_MINUTES } from './sessioni';

export interface DeskAreaOptions {
  config: Config;
  db: Db;
  /** Whose audit log this is: the seal's key is per data directory. */
  dataDir: string;
  keystore?: Keystore;
  clock: Clock;
  log: Logger;
  /** The identity session (its `current()` and `pinStatus()`). */
  carta: CartaAlBanco;
  /** The issuing system (adapters/issuer/issuer-from-config.ts); null: none configured. */
  issuer: IssuingPort | null;
  sessionMinutes?: number;
  /** Where pratiche' submissions are announced: at a desk, those sent for a citizen are audited. */
  events?: DomainEvents;
}

export function createDeskArea(o: DeskAreaOptions) {
  const registro = registroDi(o.db, o.dataDir, o.clock, o.keystore);
  const sealed = registro.sealLegacy();
  if (sealed > 0) o.log.warn('registro di audit: voci precedenti sigillate', { voci: sealed });
  const operatori = createOperatori(createOperatoriRepo(o.db), registro, o.clock);
  const sessioni = createSessioni(o.clock, o.sessionMinutes ?? DEFAULT_SESSION_MINUTES);
  const rilascio = createRilascio({
    carta: o.carta,
    issuer: o.issuer,
    registro,
    clock: o.clock,
    comune: o.config.comune.nome,
    log: o.log,
  });
  const assistiti = createAssistiti(sessioni, o.carta);
  if (o.events) registraInviiAssistiti(o.events, registro, o.log);

  return {
    registro,
    operatori,
    sessioni,
    rilascio,
    assistiti,
    async report(giorno: string) {
      const verdict = registro.verify();
      const righe = righeReport(registro.releasesOn(giorno), etichettaDocumento);
      return {
        rilasci: righe.length,
        registroIntegro: verdict.ok,
        csv: reportCsv(righe, verdict),
        pdf: await reportPdf({ comune: o.config.comune.nome, giorno, righe, verdict, generatoIl: o.clock.now() }),
      };
    },
  };
}

export type DeskArea = ReturnType<typeof createDeskArea>;
