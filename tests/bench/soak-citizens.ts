/** The citizens of `npm run bench:soak`, known to the kiosk process and to the driver that checks what is left of them. */
import type { CardIdentity } from '../../electron/core/ports/card';
import { MARIO_ROSSI } from '../e2e/support/scripted-card';

/** Citizens whose codici fiscali and surnames appear nowhere in the catalogue's forms (Mario Rossi's is their example). */
export const CITIZENS: CardIdentity[] = [
  { ...MARIO_ROSSI, codiceFiscale: 'GLLNNA85T45H501I', nome: 'ANNA', cognome: 'GALLI', dataNascita: '1985-12-05', sesso: 'F', seriale: '6120016461039011' },
  { ...MARIO_ROSSI, codiceFiscale: 'VRDLGU75B12F205B', nome: 'LUIGI', cognome: 'VERDI', dataNascita: '1975-02-12', seriale: '6120016461039009' },
  { ...MARIO_ROSSI, codiceFiscale: 'BNCLRA90C41L219B', nome: 'LAURA', cognome: 'BIANCHI', dataNascita: '1990-03-01', sesso: 'F', seriale: '6120016461039010' },
];
