/**
 * The PDF/A level a PDF declares in its XMP metadata (`pdfaid:part` and
 * `pdfaid:conformance`, as attributes or elements). A declaration, not a full
 * conformance check (no veraPDF here): it catches the common mistake of attaching a
 * plain PDF where the comune requires PDF/A. XMP packets are stored uncompressed by
 * convention so that tools like this one can read them.
 */
const MAX_SCAN = 64 * 1024 * 1024;

export interface PdfaDeclaration {
  part: number;
  conformance: string;
}

function field(xmp: string, name: 'part' | 'conformance'): string | null {
  const attribute = new RegExp(`pdfaid:${name}\\s*=\\s*["']([^"']{1,4})["']`).exec(xmp);
  if (attribute) return attribute[1]!;
  const element = new RegExp(`<pdfaid:${name}>\\s*([^<\\s]{1,4})\\s*</pdfaid:${name}>`).exec(xmp);
  return element ? element[1]! : null;
}

export function pdfaDeclaration(bytes: Uint8Array): PdfaDeclaration | null {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, MAX_SCAN)).toString('latin1');
  let from = 0;
  for (;;) {
    const start = text.indexOf('<x:xmpmeta', from);
    if (start < 0) return null;
    const end = text.indexOf('</x:xmpmeta>', start);
    if (end < 0) return null;
    const xmp = text.slice(start, end);
    const part = field(xmp, 'part');
    const conformance = field(xmp, 'conformance');
    if (part && /^[1-4]$/.test(part)) {
      const level = (conformance ?? '').toLowerCase();
      return { part: Number(part), conformance: /^[abuf]$/.test(level) ? level : '' };
    }
    from = end;
  }
}

export function pdfaLabel(d: PdfaDeclaration): string {
  return `${d.part}${d.conformance}`;
}
