import { describe, expect, it } from 'vitest';
import { detectMimeType } from '../../../electron/core/pratiche/allegati/file-type';
import { pdfaDeclaration } from '../../../electron/core/pratiche/allegati/pdfa';
import { pdfBytes, pngBytes } from './samples';

describe('attachment content type and PDF/A declaration', () => {
  it('recognises types by their first bytes, not by the name', () => {
    expect(detectMimeType(pdfBytes(null), 'pdf')).toBe('application/pdf');
    expect(detectMimeType(pngBytes(), 'png')).toBe('image/png');
    expect(detectMimeType(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]), 'jpg')).toBe('image/jpeg');
    expect(detectMimeType(Buffer.from('MZ\x90\x00 this is an exe'), 'pdf')).toBeNull();
    expect(detectMimeType(Uint8Array.from([0x30, 0x82, 0x01, 0x00, 0x06]), 'p7m')).toBe('application/pkcs7-mime');
    expect(detectMimeType(pdfBytes(null), 'p7m')).toBeNull();
  });

  it('reads pdfaid:part and conformance from XMP, as attributes or elements', () => {
    expect(pdfaDeclaration(pdfBytes({ part: '2', conformance: 'B', style: 'element' }))).toEqual({ part: 2, conformance: 'b' });
    expect(pdfaDeclaration(pdfBytes({ part: '1', conformance: 'A', style: 'attribute' }))).toEqual({ part: 1, conformance: 'a' });
    expect(pdfaDeclaration(pdfBytes(null))).toBeNull();
    expect(pdfaDeclaration(pdfBytes({ part: '9', conformance: 'B', style: 'element' }))).toBeNull();
  });
});
