/**
 * faldone.xml: every field of every module of a pratica and every attachment, for
 * back offices that load an istanza automatically. Format: README.md in this folder,
 * schema: faldone.xsd (namespace urn:sportello:faldone:1).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sezioniDelModulo, type Voce } from './formio/voci';
import type { ModuloInput, Richiedente } from './modulo-input';
import { el, serializza, type Elemento } from './xml/costruttore';

const NAMESPACE_FALDONE = 'urn:sportello:faldone:1';

/** The file that carries a module (usually the signed .p7m), with its fingerprint. */
export interface DocumentoModulo {
  nome: string;
  mime: string;
  sha256: string;
}

export interface ModuloNelFaldone {
  modulo: ModuloInput;
  documento?: DocumentoModulo;
}

export function xsdFaldone(): string {
  return readFileSync(join(__dirname, 'faldone.xsd'), 'utf8');
}

function voce(v: Voce): Elemento {
  if (v.tipo === 'campo') {
    return el('campo', { chiave: v.chiave, etichetta: v.etichetta, tipo: v.componente, grezzo: v.grezzo }, v.valore);
  }
  return el('gruppo', { chiave: v.chiave, titolo: v.titolo }, ...v.voci.map(voce));
}

function richiedente(r: Richiedente): Elemento {
  return el(
    'richiedente',
    {},
    el('nome', {}, r.nome),
    el('cognome', {}, r.cognome),
    el('codiceFiscale', {}, r.codiceFiscale),
    r.sesso && el('sesso', {}, r.sesso),
    r.dataNascita && el('dataNascita', {}, r.dataNascita),
    r.luogoNascita && el('luogoNascita', {}, r.luogoNascita),
    r.residenza &&
      el('residenza', {}, el('indirizzo', {}, r.residenza.indirizzo), r.residenza.cap && el('cap', {}, r.residenza.cap), el('comune', {}, r.residenza.comune ?? ''), r.residenza.provincia && el('provincia', {}, r.residenza.provincia)),
    r.email && el('email', {}, r.email),
    r.telefono && el('telefono', {}, r.telefono),
  );
}

function modulo({ modulo: m, documento }: ModuloNelFaldone): Elemento {
  return el(
    'modulo',
    { servizio: m.servizio.id },
    el('titolo', {}, m.servizio.nome),
    documento && el('documento', { nome: documento.nome, tipo: documento.mime, sha256: documento.sha256 }),
    ...sezioniDelModulo(m.componenti, m.dati).map((s) => el('sezione', { titolo: s.titolo }, ...s.voci.map(voce))),
  );
}

export function creaFaldone(moduli: ModuloNelFaldone[], generatoIl: Date): string {
  const [primo] = moduli;
  if (!primo) throw new Error('Un faldone contiene almeno un modulo.');
  const { comune } = primo.modulo;
  const allegati = moduli.flatMap(({ modulo: m }) =>
    m.allegati.map((a) => el('allegato', { nome: a.nome, tipo: a.mime, sha256: a.sha256, dimensione: a.dimensione, modulo: m.servizio.id, descrizione: a.descrizione })),
  );
  return serializza(
    el(
      'faldone',
      { xmlns: NAMESPACE_FALDONE, versione: '1.0', generatoIl: generatoIl.toISOString() },
      el(
        'pratica',
        { riferimento: primo.modulo.riferimento },
        el('comune', { codiceIpa: comune.codiceIpa, codiceAoo: comune.codiceAoo }, comune.nome),
        richiedente(primo.modulo.richiedente),
      ),
      el('moduli', {}, ...moduli.map(modulo)),
      el('allegati', {}, ...allegati),
    ),
  );
}
