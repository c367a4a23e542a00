import { describe, expect, it } from 'vitest';
import { formatiAmmessi, tipoPerEstensione, tipoRiconosciuto } from '../../../electron/core/documents/allegati/tipi-file';
import { JPEG, pdfCon, PNG } from '../../support/allegati';

const riconosce = (ext: string, byte: Uint8Array) => tipoPerEstensione(ext)!.riconosci(byte);
const zipCon = (primo: string, contenuto: string) => {
  const intestazione = Buffer.alloc(30);
  intestazione.writeUInt32LE(0x04034b50, 0);
  intestazione.writeUInt16LE(primo.length, 26);
  return new Uint8Array(Buffer.concat([intestazione, Buffer.from(primo + contenuto, 'latin1')]));
};

describe('tipi dei file allegati', () => {
  it('recognises types by their first bytes, not by the name', async () => {
    expect(riconosce('pdf', await pdfCon())).toBe(true);
    expect(riconosce('png', PNG)).toBe(true);
    expect(riconosce('jpeg', JPEG)).toBe(true);
    expect(riconosce('pdf', Buffer.from('MZ\x90\x00 this is an exe'))).toBe(false);
    expect(riconosce('pdf', Buffer.from('junk before %PDF-1.7'))).toBe(false);
    expect(riconosce('p7m', await pdfCon())).toBe(false);
  });

  it('recognises a DER signedData envelope and refuses a Base64 one', () => {
    const der = Buffer.from('3080' + '06092a864886f70d010702' + 'a080', 'hex');
    expect(riconosce('p7m', der)).toBe(true);
    expect(riconosce('p7m', Buffer.from(der.toString('base64')))).toBe(false);
  });

  it('tells an OpenDocument text by its mimetype entry, and Word files only as ZIP', () => {
    expect(riconosce('odt', zipCon('mimetype', 'application/vnd.oasis.opendocument.text'))).toBe(true);
    expect(riconosce('odt', zipCon('mimetype', 'application/vnd.oasis.opendocument.spreadsheet'))).toBe(false);
    expect(riconosce('docx', zipCon('word/document.xml', ''))).toBe(true);
    expect(tipoRiconosciuto(zipCon('word/document.xml', ''))).toBe('ZIP');
  });

  it('names what a file seems to be as a citizen calls it', async () => {
    expect(tipoRiconosciuto(PNG)).toBe('PNG');
    expect(tipoRiconosciuto(await pdfCon())).toBe('PDF');
    expect(tipoRiconosciuto(Buffer.from('MZ'))).toBeUndefined();
  });

  it('lists the accepted formats as extensions, leaving out types it cannot recognise', () => {
    expect(formatiAmmessi(['application/pdf', 'image/jpeg', 'application/x-sconosciuto'])).toEqual(['PDF', 'JPG']);
    expect(formatiAmmessi([])).toEqual([]);
  });
});
