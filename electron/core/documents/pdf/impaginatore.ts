/**
 * A small flowing layout over pdf-lib: text that wraps, label/value rows, rules, and
 * a new page whenever the next block does not fit. Module and receipts share it, in
 * A4 and in an 80 mm roll (one tall page that grows instead of breaking).
 */
import { rgb, type PDFDocument, type PDFFont, type PDFPage } from '@cantoo/pdf-lib';
import type { Caratteri } from './caratteri';

export interface Formato {
  larghezza: number;
  altezza: number;
  margine: number;
  corpo: number;
}

export const A4: Formato = { larghezza: 595.28, altezza: 841.89, margine: 56, corpo: 10 };
/** 80 mm roll: 72 mm printable, laid out as one page as tall as needed. */
export const ROTOLO_80MM: Formato = { larghezza: 226.77, altezza: 0, margine: 10, corpo: 8 };

export const BLU = rgb(0, 0.4, 0.8);
export const GRIGIO = rgb(0.35, 0.35, 0.35);
const NERO = rgb(0, 0, 0);

export interface StileTesto {
  grassetto?: boolean;
  dimensione?: number;
  rientro?: number;
  colore?: ReturnType<typeof rgb>;
  centrato?: boolean;
  interlinea?: number;
}

/**
 * Width of a word at size 1, cached per font name (the same bundled font in every
 * document): pdf-lib shapes the text on every measurement, and wrapping measures the
 * same words again and again.
 */
const larghezze = new Map<string, Map<string, number>>();

function larghezza(font: PDFFont, testo: string, dimensione: number): number {
  let cache = larghezze.get(font.name);
  if (!cache) larghezze.set(font.name, (cache = new Map()));
  let unitaria = cache.get(testo);
  if (unitaria === undefined) {
    unitaria = font.widthOfTextAtSize(testo, 1);
    if (cache.size < 20_000) cache.set(testo, unitaria);
  }
  return unitaria * dimensione;
}

/** Splits `testo` into lines no wider than `larghezza`, breaking words only when one alone is too wide. */
function aCapo(testo: string, font: PDFFont, dimensione: number, massima: number): string[] {
  const spazio = larghezza(font, ' ', dimensione);
  const righe: string[] = [];
  for (const paragrafo of testo.split('\n')) {
    let riga = '';
    let occupata = 0;
    for (const parola of paragrafo.split(/ +/)) {
      const w = larghezza(font, parola, dimensione);
      if (riga && occupata + spazio + w <= massima) {
        riga += ` ${parola}`;
        occupata += spazio + w;
        continue;
      }
      if (riga) righe.push(riga);
      let resto = parola;
      while (larghezza(font, resto, dimensione) > massima) {
        let n = resto.length - 1;
        while (n > 1 && larghezza(font, resto.slice(0, n), dimensione) > massima) n--;
        righe.push(resto.slice(0, n));
        resto = resto.slice(n);
      }
      riga = resto;
      occupata = larghezza(font, resto, dimensione);
    }
    righe.push(riga);
  }
  return righe;
}

/** Where a drawing goes: on a fixed page (A4) or recorded for a roll whose height is known only at the end. */
type Disegno = (pagina: PDFPage, altezzaPagina: number) => void;

export class Impaginatore {
  private pagina: PDFPage | undefined;
  private readonly disegniRotolo: Disegno[] = [];
  /** Distance from the top of the current page. */
  private y = 0;

  constructor(
    private readonly doc: PDFDocument,
    readonly caratteri: Caratteri,
    readonly formato: Formato,
    private readonly suNuovaPagina: (imp: Impaginatore) => void = () => undefined,
  ) {
    this.nuovaPagina();
  }

  get larghezzaUtile(): number {
    return this.formato.larghezza - 2 * this.formato.margine;
  }

  private get rotolo(): boolean {
    return this.formato.altezza === 0;
  }

  private nuovaPagina(): void {
    if (!this.rotolo) this.pagina = this.doc.addPage([this.formato.larghezza, this.formato.altezza]);
    this.y = this.formato.margine;
    this.suNuovaPagina(this);
  }

  private disegna(d: Disegno): void {
    if (this.rotolo) this.disegniRotolo.push(d);
    else if (this.pagina) d(this.pagina, this.formato.altezza);
  }

  /** Makes room for `altezza` points, starting a new page when needed (never on a roll). */
  assicura(altezza: number): void {
    if (!this.rotolo && this.y + altezza > this.formato.altezza - this.formato.margine - 14) this.nuovaPagina();
  }

  spazio(altezza: number): void {
    this.y += altezza;
  }

  testo(testo: string, stile: StileTesto = {}): void {
    const font = stile.grassetto ? this.caratteri.grassetto : this.caratteri.normale;
    const dimensione = stile.dimensione ?? this.formato.corpo;
    const rientro = stile.rientro ?? 0;
    const passo = dimensione * (stile.interlinea ?? 1.35);
    for (const riga of aCapo(this.caratteri.pulisci(testo), font, dimensione, this.larghezzaUtile - rientro)) {
      this.assicura(passo);
      const ampiezza = stile.centrato ? font.widthOfTextAtSize(riga, dimensione) : 0;
      const x = stile.centrato ? (this.formato.larghezza - ampiezza) / 2 : this.formato.margine + rientro;
      const y = this.y + dimensione;
      this.disegna((p, h) => p.drawText(riga, { x, y: h - y, size: dimensione, font, color: stile.colore ?? NERO }));
      this.y += passo;
    }
  }

  /** A label and its value side by side; both wrap, the row keeps together on one page. */
  coppia(etichetta: string, valore: string, rientro = 0, colonnaEtichetta = 0.38): void {
    const { grassetto, normale } = this.caratteri;
    const dimensione = this.formato.corpo;
    const passo = dimensione * 1.3;
    // The value column stays put whatever the nesting, so values line up down the page.
    const largEtichetta = this.larghezzaUtile * colonnaEtichetta - rientro;
    const largValore = this.larghezzaUtile * (1 - colonnaEtichetta) - 6;
    const righeE = aCapo(this.caratteri.pulisci(etichetta), grassetto, dimensione, largEtichetta);
    const righeV = aCapo(this.caratteri.pulisci(valore), normale, dimensione, largValore);
    const altezza = Math.max(righeE.length, righeV.length) * passo;
    this.assicura(Math.min(altezza, 10 * passo));
    const xE = this.formato.margine + rientro;
    const xV = xE + largEtichetta + 6;
    for (let i = 0; i < Math.max(righeE.length, righeV.length); i++) {
      this.assicura(passo);
      const y = this.y + dimensione;
      const e = righeE[i];
      const v = righeV[i];
      this.disegna((p, h) => {
        if (e) p.drawText(e, { x: xE, y: h - y, size: dimensione, font: grassetto, color: GRIGIO });
        if (v) p.drawText(v, { x: xV, y: h - y, size: dimensione, font: normale, color: NERO });
      });
      this.y += passo;
    }
    this.y += 2;
  }

  /**
   * A drawing `altezza` points tall at the current position, kept whole on one page:
   * `disegno` gets the page and the PDF y of the block's top edge (on a roll that is known
   * only once the page exists).
   */
  figura(altezza: number, disegno: (pagina: PDFPage, alto: number) => void): void {
    this.assicura(altezza);
    const y = this.y;
    this.disegna((p, h) => disegno(p, h - y));
    this.y += altezza;
  }

  filetto(colore = GRIGIO, spessore = 0.6): void {
    const y = this.y;
    const x1 = this.formato.margine;
    const x2 = this.formato.larghezza - this.formato.margine;
    this.disegna((p, h) => p.drawLine({ start: { x: x1, y: h - y }, end: { x: x2, y: h - y }, thickness: spessore, color: colore }));
    this.y += 4;
  }

  /** On a roll, creates the single page now that its height is known. */
  chiudi(): void {
    if (!this.rotolo) return;
    const altezza = this.y + this.formato.margine;
    const pagina = this.doc.addPage([this.formato.larghezza, altezza]);
    for (const d of this.disegniRotolo) d(pagina, altezza);
  }

  /** "Pagina n di m" at the foot of every page (A4 only). */
  numeraPagine(prefisso: string): void {
    if (this.rotolo) return;
    const pagine = this.doc.getPages();
    const { normale } = this.caratteri;
    pagine.forEach((p, i) => {
      const testo = this.caratteri.pulisci(`${prefisso} - Pagina ${i + 1} di ${pagine.length}`);
      const w = normale.widthOfTextAtSize(testo, 8);
      p.drawText(testo, { x: this.formato.larghezza - this.formato.margine - w, y: this.formato.margine / 2, size: 8, font: normale, color: GRIGIO });
    });
  }
}
