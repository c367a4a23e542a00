/**
 * The PDF/A declaration in XMP metadata: pdfaid:part and pdfaid:conformance, written
 * either as elements or as attributes of rdf:Description, under whatever prefix the
 * producer bound to the pdfaid namespace. A declaration is a claim, not proof of
 * conformance (no full validator is available): it is reported as such.
 */

export interface DichiarazionePdfA {
  parte: number;
  /** A, B or U (E or F for PDF/A-4); empty for plain PDF/A-4, or when the value is not a known level. */
  conformita: string;
}

const NS_PDFAID = 'http://www.aiim.org/pdfa/ns/id/';

function prefissi(xmp: string): string[] {
  const trovati = new Set<string>(['pdfaid']);
  for (const m of xmp.matchAll(/xmlns:([A-Za-z_][\w.-]{0,40})\s*=\s*["']([^"']{1,200})["']/g)) {
    if (m[2] === NS_PDFAID && m[1]) trovati.add(m[1]);
  }
  return [...trovati];
}

function proprieta(xmp: string, prefisso: string, nome: string): string | undefined {
  const p = prefisso.replace(/[.-]/g, '\\$&');
  const elemento = new RegExp(`<${p}:${nome}>\\s*([^<\\s]{1,10})\\s*</${p}:${nome}>`).exec(xmp);
  if (elemento) return elemento[1];
  return new RegExp(`\\s${p}:${nome}\\s*=\\s*["']\\s*([^"'\\s]{1,10})\\s*["']`).exec(xmp)?.[1];
}

export function dichiarazionePdfA(xmp: string): DichiarazionePdfA | null {
  for (const prefisso of prefissi(xmp)) {
    const parte = proprieta(xmp, prefisso, 'part');
    if (parte && /^[1-4]$/.test(parte)) {
      const conformita = (proprieta(xmp, prefisso, 'conformance') ?? '').toUpperCase();
      return { parte: Number(parte), conformita: /^[ABUEF]$/.test(conformita) ? conformita : '' };
    }
  }
  return null;
}

/** As stored with an attachment and shown after "PDF/A-": "2b", "4". */
export function etichettaPdfA(d: DichiarazionePdfA): string {
  return `${d.parte}${d.conformita.toLowerCase()}`;
}
