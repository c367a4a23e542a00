/**
 * The names (`/Nome`) written in a PDF's own syntax, read straight from the bytes without
 * trusting the parser: what a lenient reader could still find in objects the parser gave
 * up on. Stream data (images, fonts, page content, compressed object streams), strings and
 * comments are skipped, so a "/JS" that happens to occur in an image or in a title is not
 * taken for a name. `#xx` escapes are decoded in either case (`/J#61vaScript` is
 * `/JavaScript`): a name is compared by what it means, not by how it is spelled.
 */

const SPAZIO = new Uint8Array(256);
for (const c of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) SPAZIO[c] = 1;
const DELIMITATORE = new Uint8Array(256);
for (const c of '()<>[]{}/%') DELIMITATORE[c.charCodeAt(0)] = 1;

const PERCENTO = 0x25;
const TONDA_APERTA = 0x28;
const TONDA_CHIUSA = 0x29;
const MINORE = 0x3c;
const MAGGIORE = 0x3e;
const BARRA = 0x2f;
const BARRA_INVERSA = 0x5c;
const ESSE = 0x73;
const A_CAPO = 0x0a;
const RITORNO = 0x0d;

function decodificaNome(grezzo: string): string {
  return grezzo.replace(/#([0-9A-Fa-f]{2})/g, (_, esadecimale: string) => String.fromCharCode(parseInt(esadecimale, 16)));
}

/** Index after a literal string `( … )` starting at `da`, with nesting and escapes. */
function dopoLaStringa(byte: Buffer, da: number): number {
  let profondita = 0;
  let i = da;
  while (i < byte.length) {
    const c = byte[i]!;
    if (c === BARRA_INVERSA) i += 2;
    else {
      if (c === TONDA_APERTA) profondita++;
      else if (c === TONDA_CHIUSA && --profondita === 0) return i + 1;
      i++;
    }
  }
  return i;
}

/** `stream` as a keyword: after white space or `>>`, followed by an end of line. */
function iniziaUnFlusso(byte: Buffer, i: number): boolean {
  if (byte.toString('latin1', i, i + 6) !== 'stream') return false;
  const prima = byte[i - 1];
  const dopo = byte[i + 6];
  return (prima === undefined || SPAZIO[prima] === 1 || prima === MAGGIORE) && (dopo === A_CAPO || dopo === RITORNO);
}

export function* nomiNellaSintassi(contenuto: Uint8Array): Generator<string> {
  const byte = Buffer.from(contenuto.buffer, contenuto.byteOffset, contenuto.length);
  let i = 0;
  while (i < byte.length) {
    const c = byte[i]!;
    if (c === PERCENTO) {
      while (i < byte.length && byte[i] !== A_CAPO && byte[i] !== RITORNO) i++;
    } else if (c === TONDA_APERTA) {
      i = dopoLaStringa(byte, i);
    } else if (c === MINORE) {
      // `<<` opens a dictionary; a single `<` opens a hex string, which holds no names.
      if (byte[i + 1] === MINORE) i += 2;
      else {
        const fine = byte.indexOf(MAGGIORE, i + 1);
        i = fine < 0 ? byte.length : fine + 1;
      }
    } else if (c === BARRA) {
      const inizio = ++i;
      while (i < byte.length && SPAZIO[byte[i]!] === 0 && DELIMITATORE[byte[i]!] === 0) i++;
      yield decodificaNome(byte.toString('latin1', inizio, i));
    } else if (c === ESSE && iniziaUnFlusso(byte, i)) {
      // The data's /Length may lie; `endstream` is what a repairing reader looks for too.
      const fine = byte.indexOf('endstream', i + 6, 'latin1');
      i = fine < 0 ? byte.length : fine + 9;
    } else {
      i++;
    }
  }
}
