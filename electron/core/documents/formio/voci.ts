/**
 * Turns a Form.io submission into labelled sections: the one reading of the data that
 * both the module PDF and faldone.xml print, so the two never disagree.
 *
 * Panels and fieldsets become sections or groups; containers, nested forms and
 * datagrid rows become groups scoped to their part of the data. Data that no
 * component describes is still printed (under "Altri dati"), because a module must
 * show everything the citizen is declaring.
 */
import type { FormioComponent } from '../modulo-input';
import { testoValore } from './valori';

export interface Campo {
  tipo: 'campo';
  /** Path in the submission data, e.g. "figli[0].nome". */
  chiave: string;
  etichetta: string;
  componente: string;
  /** As printed: option labels, Italian dates. */
  valore: string;
  /** As submitted, for machines: a primitive as text, anything else as JSON; null when empty. */
  grezzo: string | null;
}

export interface Gruppo {
  tipo: 'gruppo';
  chiave: string;
  titolo: string;
  voci: Voce[];
}

export type Voce = Campo | Gruppo;

export interface Sezione {
  titolo: string;
  voci: Voce[];
}

const SENZA_DATI = new Set(['button', 'content', 'htmlelement']);
const IMPAGINAZIONE = new Set(['panel', 'fieldset', 'well', 'columns', 'table', 'tabs']);
const RIGHE = new Set(['datagrid', 'editgrid']);
const TITOLO_GENERALE = 'Dati della domanda';
const TITOLO_ALTRI = 'Altri dati';

type Dati = Record<string, unknown>;

function oggetto(valore: unknown): Dati {
  return typeof valore === 'object' && valore !== null && !Array.isArray(valore) ? (valore as Dati) : {};
}

function figli(c: FormioComponent): FormioComponent[] {
  const diretti = c.components ?? [];
  const colonne = (c.columns ?? []).flatMap((col) => col.components ?? []);
  const celle = (c.rows ?? []).flat().flatMap((cella) => cella.components ?? []);
  const annidato = typeof c.form === 'object' ? (c.form.components ?? []) : [];
  return [...diretti, ...colonne, ...celle, ...annidato];
}

/** "data_nascita" / "dataNascita" -> "Data nascita": a readable label when Form.io gave none. */
function etichettaDaChiave(chiave: string): string {
  const parole = chiave.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').trim().toLowerCase();
  return parole.charAt(0).toUpperCase() + parole.slice(1);
}

function grezzo(v: unknown): string | null {
  if (v === undefined || v === null || v === '') return null;
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

function titoloDi(c: FormioComponent): string {
  return c.title ?? c.legend ?? c.label ?? etichettaDaChiave(c.key ?? '');
}

function percorso(prefisso: string, chiave: string): string {
  return prefisso ? `${prefisso}.${chiave}` : chiave;
}

/** Data with no component: printed with labels made from the keys. */
function vociGeneriche(dati: Dati, prefisso: string): Voce[] {
  return Object.entries(dati).map(([k, v]): Voce => {
    const chiave = percorso(prefisso, k);
    if (Array.isArray(v) && v.some((e) => typeof e === 'object' && e !== null)) {
      return {
        tipo: 'gruppo',
        chiave,
        titolo: etichettaDaChiave(k),
        voci: v.map((riga, i): Voce => ({ tipo: 'gruppo', chiave: `${chiave}[${i}]`, titolo: `${etichettaDaChiave(k)} n. ${i + 1}`, voci: vociGeneriche(oggetto(riga), `${chiave}[${i}]`) })),
      };
    }
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
      return { tipo: 'gruppo', chiave, titolo: etichettaDaChiave(k), voci: vociGeneriche(oggetto(v), chiave) };
    }
    return { tipo: 'campo', chiave, etichetta: etichettaDaChiave(k), componente: 'sconosciuto', valore: testoValore({}, v), grezzo: grezzo(v) };
  });
}

function vociDiRighe(c: FormioComponent, righe: unknown, chiave: string, titolo: string): Gruppo {
  const elenco = Array.isArray(righe) ? righe : [];
  return {
    tipo: 'gruppo',
    chiave,
    titolo,
    voci: elenco.map((riga, i): Gruppo => ({
      tipo: 'gruppo',
      chiave: `${chiave}[${i}]`,
      titolo: `${titolo} n. ${i + 1}`,
      voci: vociDi(figli(c), oggetto(riga), `${chiave}[${i}]`, new Set()),
    })),
  };
}

/** The entries of `componenti` over `dati`; keys read are added to `usate`. */
function vociDi(componenti: FormioComponent[], dati: Dati, prefisso: string, usate: Set<string>): Voce[] {
  const voci: Voce[] = [];
  for (const c of componenti) {
    const tipo = c.type ?? 'textfield';
    if (SENZA_DATI.has(tipo)) continue;
    if (IMPAGINAZIONE.has(tipo) || (c.input === false && !c.key)) {
      const interne = vociDi(figli(c), dati, prefisso, usate);
      const titolo = c.title ?? c.legend;
      if (titolo && (tipo === 'panel' || tipo === 'fieldset' || tipo === 'well')) {
        voci.push({ tipo: 'gruppo', chiave: percorso(prefisso, c.key ?? titolo), titolo, voci: interne });
      } else {
        voci.push(...interne);
      }
      continue;
    }
    if (!c.key) continue;
    usate.add(c.key);
    const chiave = percorso(prefisso, c.key);
    const valore = dati[c.key];
    if (RIGHE.has(tipo)) {
      voci.push(vociDiRighe(c, valore, chiave, titoloDi(c)));
    } else if (tipo === 'container' || tipo === 'form') {
      // A nested form keeps its submission under `.data`.
      const interni = tipo === 'form' && 'data' in oggetto(valore) ? oggetto(oggetto(valore).data) : oggetto(valore);
      const definiti = figli(c);
      const voci2 = definiti.length > 0 ? vociDi(definiti, interni, chiave, new Set()) : vociGeneriche(interni, chiave);
      voci.push({ tipo: 'gruppo', chiave, titolo: titoloDi(c), voci: voci2 });
    } else {
      voci.push({ tipo: 'campo', chiave, etichetta: c.label ?? etichettaDaChiave(c.key), componente: tipo, valore: testoValore(c, valore), grezzo: grezzo(valore) });
    }
  }
  return voci;
}

/**
 * The sections of a module: each top-level panel is a section; loose top-level fields
 * are collected in "Dati della domanda" (placed where the first of them appears).
 */
export function sezioniDelModulo(componenti: FormioComponent[], dati: Dati): Sezione[] {
  const sezioni: Sezione[] = [];
  const usate = new Set<string>(['submit']);
  let generale: Sezione | undefined;
  for (const c of componenti) {
    const voci = vociDi([c], dati, '', usate);
    const [unica] = voci;
    if (voci.length === 1 && unica?.tipo === 'gruppo' && (c.type === 'panel' || c.type === 'fieldset' || c.type === 'well')) {
      sezioni.push({ titolo: unica.titolo, voci: unica.voci });
    } else if (voci.length > 0) {
      if (!generale) {
        generale = { titolo: TITOLO_GENERALE, voci: [] };
        sezioni.push(generale);
      }
      generale.voci.push(...voci);
    }
  }
  const altri = Object.fromEntries(Object.entries(dati).filter(([k]) => !usate.has(k)));
  if (Object.keys(altri).length > 0) sezioni.push({ titolo: TITOLO_ALTRI, voci: vociGeneriche(altri, '') });
  return sezioni;
}
