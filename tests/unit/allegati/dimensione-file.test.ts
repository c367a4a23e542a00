/** Sizes and formats as the citizen reads them, the same in core's messages and on screen. */
import { describe, expect, it } from 'vitest';
import { dimensioneLeggibile } from '../../../electron/shared/dimensione-file';
import { formatiAmmessi } from '../../../electron/core/documents/allegati/tipi-file';
import { verificaAllegato } from '../../../electron/core/documents/allegati/verifica-allegato';

describe('dimensioni e formati leggibili', () => {
  it('counts bytes below 1 KB, then KB and MB with the Italian decimal comma', () => {
    expect(dimensioneLeggibile(4)).toBe('4 byte');
    expect(dimensioneLeggibile(0)).toBe('0 byte');
    expect(dimensioneLeggibile(1023)).toBe('1023 byte');
    expect(dimensioneLeggibile(1024)).toBe('1 KB');
    expect(dimensioneLeggibile(1536)).toBe('1,5 KB');
    expect(dimensioneLeggibile(850 * 1024)).toBe('850 KB');
    // Never "1024 KB": just below 1 MB it reads as 1 MB.
    expect(dimensioneLeggibile(1024 * 1024 - 1)).toBe('1 MB');
    expect(dimensioneLeggibile(1.25 * 1024 * 1024)).toBe('1,3 MB');
    expect(dimensioneLeggibile(10 * 1024 * 1024)).toBe('10 MB');
    expect(dimensioneLeggibile(12.4 * 1024 * 1024)).toBe('12 MB');
  });

  it('names the formats as the refusal does, from the one list of file types, never as MIME types', async () => {
    const tipi = ['application/pdf', 'image/jpeg', 'image/png'];
    expect(formatiAmmessi(tipi)).toEqual(['PDF', 'JPG', 'PNG']);
    const esito = await verificaAllegato('foto.gif', Uint8Array.from([0x47, 0x49, 0x46]), { etichetta: 'Certificato', tipiAmmessi: tipi, byteMassimi: 1024 * 1024, richiediPdfA: false });
    expect(esito).toMatchObject({ ammesso: false, messaggio: `Per "Certificato" sono ammessi solo file ${formatiAmmessi(tipi).join(', ')}: "foto.gif" è di un altro tipo.` });
  });

  it('a file too large is told in the same units the slot shows', async () => {
    const esito = await verificaAllegato('scansione.pdf', new Uint8Array(1536), { etichetta: 'ISEE', tipiAmmessi: ['application/pdf'], byteMassimi: 1024, richiediPdfA: false });
    expect(esito).toMatchObject({ ammesso: false, codice: 'allegato-troppo-grande', messaggio: expect.stringContaining('pesa 1,5 KB: per "ISEE" il massimo è 1 KB') });
  });
});
