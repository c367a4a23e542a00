/**
 * Which PKCS#11 module the app would open, and why, as desk staff read it in
 * `npm run card -- info`: the configured one, the one discovery found, or the
 * reason there is none. Names no PIN and opens no module.
 */
import { CardError } from '../apdu/errors';
import { modulePathOf, type ModuleChoice } from './discovery';

export interface ModuleReport {
  readonly stato: 'configurato' | 'configurato-assente' | 'trovato' | 'nessuno';
  /** The module that would be opened; null when none would. */
  readonly percorso: string | null;
  readonly motivo: string;
  /** The paths looked at, when discovery found nothing. */
  readonly cercati?: readonly string[];
}

function reason(choice: ModuleChoice): string {
  try {
    modulePathOf(choice);
  } catch (error) {
    if (error instanceof CardError) return error.message;
    throw error;
  }
  return choice.kind === 'configured'
    ? 'indicato nella configurazione (pkcs11.modulePath)'
    : 'pkcs11.modulePath non è impostato: è il primo dei moduli noti presente su questo computer';
}

export function describeModuleChoice(choice: ModuleChoice): ModuleReport {
  const motivo = reason(choice);
  switch (choice.kind) {
    case 'configured':
      return { stato: 'configurato', percorso: choice.path, motivo };
    case 'discovered':
      return { stato: 'trovato', percorso: choice.path, motivo };
    case 'configured-missing':
      return { stato: 'configurato-assente', percorso: null, motivo };
    case 'none':
      return { stato: 'nessuno', percorso: null, motivo, cercati: choice.searched };
  }
}
