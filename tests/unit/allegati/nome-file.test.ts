import { describe, expect, it } from 'vitest';
import { estensione, nomeFileSicuro } from '../../../electron/core/documents/allegati/nome-file';

describe('nomi dei file allegati', () => {
  it('drops folders and traversal', () => {
    expect(nomeFileSicuro('../../x.pdf')).toBe('x.pdf');
    expect(nomeFileSicuro('..\\..\\windows\\system32\\x.pdf')).toBe('x.pdf');
    expect(nomeFileSicuro('/etc/passwd')).toBe('passwd');
    expect(nomeFileSicuro('..')).toBe('allegato');
    expect(nomeFileSicuro('../')).toBe('allegato');
  });

  it('removes control and reserved characters and hidden-file dots', () => {
    expect(nomeFileSicuro('a\u0000b<c>:d"e|f?g*.pdf')).toBe('a_b_c__d_e_f_g_.pdf');
    expect(nomeFileSicuro('...nascosto.pdf')).toBe('nascosto.pdf');
    expect(nomeFileSicuro('  ISEE   2026 .pdf ')).toBe('ISEE 2026 .pdf');
  });

  it('removes invisible characters, so the extension is what the name really ends with', () => {
    // U+202E shows "fattura\u202Efdp.exe" as "fatturaexe.pdf".
    const nome = nomeFileSicuro('fattura\u202Efdp.exe');
    expect(nome).toBe('fatturafdp.exe');
    expect(estensione(nome)).toBe('exe');
    expect(nomeFileSicuro('isee\u200B.pdf\uFEFF')).toBe('isee.pdf');
  });

  it('bounds the length keeping the extension', () => {
    const lungo = nomeFileSicuro(`${'a'.repeat(400)}.pdf`);
    expect(lungo).toHaveLength(120);
    expect(lungo.endsWith('.pdf')).toBe(true);
    expect(estensione('Documento.PDF')).toBe('pdf');
    expect(estensione('senza')).toBe('');
    expect(estensione('.pdf')).toBe('');
  });
});
