/**
 * A tiny XML writer: elements, attributes and text, escaped, indented. Enough for
 * faldone.xml and segnatura.xml, with no template strings anywhere a citizen's text
 * could break the markup.
 */

export interface Elemento {
  nome: string;
  attributi: [string, string][];
  figli: (Elemento | string)[];
}

type Attributi = Record<string, string | number | undefined | null>;

/** An element; undefined/null attributes and children are left out, so optional data needs no ifs. */
export function el(nome: string, attributi: Attributi = {}, ...figli: (Elemento | string | undefined | null | false)[]): Elemento {
  return {
    nome,
    attributi: Object.entries(attributi)
      .filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== null)
      .map(([k, v]) => [k, String(v)]),
    figli: figli.filter((f): f is Elemento | string => f !== undefined && f !== null && f !== false),
  };
}

/** Characters XML 1.0 cannot carry at all (C0 controls but tab/newline/return, lone surrogates, U+FFFE/U+FFFF) are dropped. */
function soloCaratteriXml(testo: string): string {
  return testo.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '');
}

function escapeTesto(testo: string): string {
  return soloCaratteriXml(testo).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttributo(testo: string): string {
  return escapeTesto(testo).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

function scrivi(e: Elemento, rientro: string, righe: string[]): void {
  const attributi = e.attributi.map(([k, v]) => ` ${k}="${escapeAttributo(v)}"`).join('');
  if (e.figli.length === 0) {
    righe.push(`${rientro}<${e.nome}${attributi}/>`);
  } else if (e.figli.every((f) => typeof f === 'string')) {
    righe.push(`${rientro}<${e.nome}${attributi}>${e.figli.map((f) => escapeTesto(f as string)).join('')}</${e.nome}>`);
  } else {
    righe.push(`${rientro}<${e.nome}${attributi}>`);
    for (const f of e.figli) {
      if (typeof f === 'string') righe.push(`${rientro}  ${escapeTesto(f)}`);
      else scrivi(f, `${rientro}  `, righe);
    }
    righe.push(`${rientro}</${e.nome}>`);
  }
}

export function serializza(radice: Elemento): string {
  const righe = ['<?xml version="1.0" encoding="UTF-8"?>'];
  scrivi(radice, '', righe);
  return `${righe.join('\n')}\n`;
}
