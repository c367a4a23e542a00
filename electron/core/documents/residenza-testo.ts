import type { Residenza } from './modulo-input';

/** "Via Garibaldi 12, 00100 Prova (RM)"; the street alone when the comune is not known by name. */
export function residenzaTesto({ indirizzo, cap, comune, provincia }: Residenza): string {
  return comune ? `${indirizzo}, ${cap ? `${cap} ` : ''}${comune}${provincia ? ` (${provincia})` : ''}` : indirizzo;
}
