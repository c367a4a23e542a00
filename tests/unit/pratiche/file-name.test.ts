import { describe, expect, it } from 'vitest';
import { extensionOf, sanitizeFileName } from '../../../electron/core/pratiche/allegati/file-name';

describe('attachment file names', () => {
  it('drops folders and traversal', () => {
    expect(sanitizeFileName('../../x.pdf')).toBe('x.pdf');
    expect(sanitizeFileName('..\\..\\windows\\system32\\x.pdf')).toBe('x.pdf');
    expect(sanitizeFileName('/etc/passwd')).toBe('passwd');
    expect(sanitizeFileName('..')).toBe('allegato');
    expect(sanitizeFileName('../')).toBe('allegato');
  });

  it('removes control and reserved characters and hidden-file dots', () => {
    expect(sanitizeFileName('a\u0000b<c>:d"e|f?g*.pdf')).toBe('a_b_c__d_e_f_g_.pdf');
    expect(sanitizeFileName('...nascosto.pdf')).toBe('nascosto.pdf');
    expect(sanitizeFileName('  ISEE   2026 .pdf ')).toBe('ISEE 2026 .pdf');
  });

  it('bounds the length keeping the extension', () => {
    const long = sanitizeFileName(`${'a'.repeat(400)}.pdf`);
    expect(long).toHaveLength(120);
    expect(long.endsWith('.pdf')).toBe(true);
    expect(extensionOf('Documento.PDF')).toBe('pdf');
    expect(extensionOf('senza')).toBe('');
  });
});
