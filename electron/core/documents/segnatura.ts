/**
 * segnatura.xml for a submission sent by PEC, per AgID circolare 60/2013
 * (namespace http://www.digitPa.gov.it/protocollo/). That schema describes messages
 * between administrations; a citizen fits it as a Persona inside a UnitaOrganizzativa
 * of the Mittente. The 2021 schema cannot be used here: it requires a protocol number,
 * which a citizen's submission does not have yet. For the same reason the
 * Identificatore's registration fields stay empty: the comune's protocol fills them.
 */
import { residenzaTesto } from './residenza-testo';
import type { ModuloInput } from './modulo-input';
import { el, serializza, type Elemento } from './xml/costruttore';

const NAMESPACE_SEGNATURA = 'http://www.digitPa.gov.it/protocollo/';

export interface FileInviato {
  nome: string;
  mime: string;
  /** Lowercase hex. */
  sha256: string;
}

export interface SegnaturaInput {
  modulo: ModuloInput;
  /** The signed module as attached to the PEC (the .p7m). */
  documento: FileInviato;
  /** Other files of the message besides the citizen's attachments (e.g. faldone.xml). */
  altriFile?: FileInviato[];
  /** The sender's address (PEC or e-mail) the message leaves from. */
  indirizzoMittente: string;
}

function impronta(sha256Hex: string): Elemento {
  return el('Impronta', { algoritmo: 'SHA-256', codifica: 'base64' }, Buffer.from(sha256Hex, 'hex').toString('base64'));
}

function documento(f: FileInviato, titolo: string, tipo: string): Elemento {
  return el(
    'Documento',
    { nome: f.nome, tipoMIME: f.mime, tipoRiferimento: 'MIME' },
    el('CollocazioneTelematica', {}, f.nome),
    impronta(f.sha256),
    el('TitoloDocumento', {}, titolo),
    el('TipoDocumento', {}, tipo),
  );
}

function mittente(input: SegnaturaInput): Elemento {
  const r = input.modulo.richiedente;
  const indirizzo = r.residenza ? residenzaTesto(r.residenza) : 'non indicato';
  return el(
    'Mittente',
    {},
    el(
      'Amministrazione',
      {},
      el('Denominazione', {}, 'Privato cittadino'),
      el(
        'UnitaOrganizzativa',
        {},
        el('Denominazione', {}, `${r.cognome} ${r.nome}`),
        el('Persona', {}, el('Nome', {}, r.nome), el('Cognome', {}, r.cognome), el('CodiceFiscale', {}, r.codiceFiscale)),
        el('IndirizzoPostale', {}, el('Denominazione', {}, indirizzo)),
        el('IndirizzoTelematico', { tipo: 'smtp' }, input.indirizzoMittente),
      ),
    ),
    el('AOO', {}, el('Denominazione', {}, 'Privato cittadino')),
  );
}

function destinatario(input: SegnaturaInput): Elemento {
  const c = input.modulo.comune;
  return el(
    'Destinatario',
    {},
    el('Amministrazione', {}, el('Denominazione', {}, c.nome), c.codiceIpa && el('CodiceAmministrazione', {}, c.codiceIpa), el('IndirizzoPostale', {}, el('Denominazione', {}, c.indirizzo ?? c.nome))),
    el('AOO', {}, el('Denominazione', {}, c.denominazioneAoo ?? c.nome), c.codiceAoo && el('CodiceAOO', {}, c.codiceAoo)),
  );
}

export function creaSegnatura(input: SegnaturaInput): string {
  const { modulo } = input;
  const oggetto = `${modulo.servizio.nome} - ${modulo.richiedente.cognome} ${modulo.richiedente.nome} (${modulo.richiedente.codiceFiscale})`;
  const allegati = [
    ...modulo.allegati.map((a) => documento({ nome: a.nome, mime: a.mime, sha256: a.sha256 }, a.descrizione ?? a.nome, 'Allegato')),
    ...(input.altriFile ?? []).map((f) => documento(f, f.nome, 'Dati della domanda')),
  ];
  return serializza(
    el(
      'Segnatura',
      { xmlns: NAMESPACE_SEGNATURA, versione: 'aaaa-mm-gg', 'xml-lang': 'it' },
      el(
        'Intestazione',
        {},
        el('Identificatore', {}, el('CodiceAmministrazione'), el('CodiceAOO'), el('CodiceRegistro'), el('NumeroRegistrazione'), el('DataRegistrazione')),
        el('Origine', {}, el('IndirizzoTelematico', { tipo: 'smtp' }, input.indirizzoMittente), mittente(input)),
        el('Destinazione', { confermaRicezione: 'si' }, el('IndirizzoTelematico', { tipo: 'smtp' }, modulo.comune.pec ?? ''), destinatario(input)),
        el('Oggetto', {}, oggetto),
      ),
      el('Descrizione', {}, documento(input.documento, `Domanda: ${modulo.servizio.nome}`, 'Istanza firmata digitalmente'), allegati.length > 0 && el('Allegati', {}, ...allegati)),
    ),
  );
}
