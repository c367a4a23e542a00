/**
 * The portal's service texts are HTML written in its back office (ServiceDto: description,
 * howto, who...); the app shows plain text with blank-line paragraphs. HTML is turned into
 * that text here, with htmlparser2 (a maintained, spec-following parser), so no markup ever
 * reaches the renderer: nothing a comune's editor pastes can become live HTML on a kiosk.
 * Paragraphs, headings and list items keep their breaks; scripts, styles and every tag go.
 */
import { Parser } from 'htmlparser2';

const BLOCKS = new Set(['p', 'div', 'section', 'article', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'table', 'tr', 'blockquote', 'pre']);
const DROPPED = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'object', 'svg', 'head', 'title']);

/** Something that looks like markup: a tag or an entity. Plain text from our own catalogues is kept as it is. */
const looksLikeHtml = (text: string): boolean => /<\/?[a-z][^>]*>|&(#\d+|#x[0-9a-f]+|[a-z]+);/i.test(text);

export function htmlToText(html: string): string {
  let out = '';
  let dropped = 0;
  const breakLine = () => {
    out = out.replace(/[ \t]+$/, '');
    if (out.length > 0 && !out.endsWith('\n')) out += '\n';
  };
  const breakParagraph = () => {
    out = out.replace(/[ \t]+$/, '');
    if (out.length === 0) return;
    out = out.replace(/\n*$/, '\n\n');
  };
  const parser = new Parser(
    {
      onopentag(name) {
        if (DROPPED.has(name)) dropped++;
        else if (name === 'br') breakLine();
        else if (name === 'li') {
          breakLine();
          out += '• ';
        } else if (BLOCKS.has(name)) breakParagraph();
      },
      ontext(text) {
        if (dropped > 0) return;
        const squeezed = text.replace(/\s+/g, ' ');
        out += out.length === 0 || /\s$/.test(out) ? squeezed.replace(/^ /, '') : squeezed;
      },
      onclosetag(name) {
        if (DROPPED.has(name)) dropped = Math.max(0, dropped - 1);
        else if (name === 'li') breakLine();
        else if (BLOCKS.has(name)) breakParagraph();
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return out
    .split('\n')
    .map((l) => l.replace(/[ \t]+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A text field of a service: HTML from the portal becomes plain text; our own plain text stays as written. */
export const serviceText = (value: string): string => (looksLikeHtml(value) ? htmlToText(value) : value);
