/** Service texts from the portal are HTML: they become plain text with paragraphs, and no markup survives. */
import { describe, expect, it } from 'vitest';
import { htmlToText, serviceText } from '../../../electron/core/catalogue/html-text';
import { maxSizeMbOf, mimeTypesOf } from '../../../electron/core/catalogue/forms/file-components';

describe('testi HTML del portale', () => {
  it('paragrafi, elenchi e a capo; entità decodificate', () => {
    expect(htmlToText('<p>Primo &amp; <b>secondo</b></p><p>Terzo<br>quarto</p><ul><li>uno</li><li>due</li></ul>')).toBe('Primo & secondo\n\nTerzo\nquarto\n\n• uno\n• due');
  });

  it('script, stili, attributi ed eventi spariscono', () => {
    const text = htmlToText('<p onclick="x()">Ciao</p><script>alert(1)</script><style>p{}</style><img src=x onerror="alert(2)"><a href="javascript:alert(3)">link</a>');
    expect(text).toBe('Ciao\n\nlink');
    expect(text).not.toMatch(/alert|<|>/);
  });

  it('il testo semplice dei nostri cataloghi resta com\'è', () => {
    const plain = "Compila la domanda.\n\nLe tariffe: 2 < 3 euro e l'ISEE";
    expect(serviceText(plain)).toBe(plain);
  });
});

describe('campi file del modulo come allegati', () => {
  it('filePattern e fileMaxSize di Form.io', () => {
    expect(mimeTypesOf('.pdf,.jpg')).toEqual(['application/pdf', 'image/jpeg']);
    expect(mimeTypesOf('image/*,application/pdf')).toEqual(['image/jpeg', 'image/png', 'application/pdf']);
    expect(mimeTypesOf('*')).toEqual(['application/pdf', 'image/jpeg', 'image/png']);
    expect(maxSizeMbOf('10MB')).toBe(10);
    expect(maxSizeMbOf('500KB')).toBeCloseTo(0.49, 2);
    expect(maxSizeMbOf('')).toBe(10);
  });
});
