/**
 * What the documents area needs to know about a pratica. The pratiche area maps its
 * own records onto these shapes, so documents depends on nothing outside its folder
 * except the SignerPort.
 */
import type { IdentificazioneTesto } from './identificazione-testo';

/** A Form.io component, reduced to what labelling and formatting need. */
export interface FormioComponent {
  key?: string;
  type?: string;
  label?: string;
  title?: string;
  legend?: string;
  input?: boolean;
  hidden?: boolean;
  inputMask?: string;
  components?: FormioComponent[];
  columns?: { components?: FormioComponent[] }[];
  rows?: { components?: FormioComponent[] }[][];
  values?: { label: string; value: string }[];
  data?: { values?: { label: string; value: string }[] };
  /** A nested form ('form' component) may carry its definition inline. */
  form?: { components?: FormioComponent[] } | string;
}

export interface Comune {
  nome: string;
  /** Codice IPA of the administration (e.g. "c_h501"). */
  codiceIpa?: string;
  codiceAoo?: string;
  denominazioneAoo?: string;
  /** PEC address of the protocol office. */
  pec?: string;
  /** Postal address of the town hall, one line. */
  indirizzo?: string;
}

export interface Residenza {
  indirizzo: string;
  /** The comune's name; absent when only a code is known (a code is never printed). */
  comune?: string;
  cap?: string;
  provincia?: string;
}

export interface Richiedente {
  nome: string;
  cognome: string;
  codiceFiscale: string;
  sesso?: 'M' | 'F';
  /** ISO date, YYYY-MM-DD. */
  dataNascita?: string;
  luogoNascita?: string;
  residenza?: Residenza;
  email?: string;
  telefono?: string;
}

export interface Allegato {
  nome: string;
  mime: string;
  /** Lowercase hex. */
  sha256: string;
  dimensione?: number;
  descrizione?: string;
}

export interface Servizio {
  id: string;
  nome: string;
  /** What the citizen asks, completing "chiede ..." (e.g. "l'iscrizione al servizio di mensa scolastica"). */
  richiesta?: string;
}

export interface ModuloInput {
  comune: Comune;
  servizio: Servizio;
  richiedente: Richiedente;
  /** The Form.io submission data. */
  dati: Record<string, unknown>;
  /** The Form.io form's components: labels, sections and option labels come from here. */
  componenti: FormioComponent[];
  allegati: Allegato[];
  /** The pratica's identifier, printed as a reference. */
  riferimento?: string;
  /** Place for "luogo e data"; the comune's name when absent. */
  luogo?: string;
  /** Sent by a desk operator for a citizen who did not sign it: how they identified the citizen. */
  perConto?: IdentificazioneTesto;
}
