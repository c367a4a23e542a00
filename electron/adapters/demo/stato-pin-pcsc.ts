/**
 * The PKCS#11 token's PinStatusReader over PC/SC: one VERIFY with no data to the
 * card in the token's reader, which reports the tries left without spending one.
 *
 * The module (OpenSC) keeps its own connection to the card through pcscd all along,
 * so this one connects SHARED and leaves the card as it is (SCARD_LEAVE_CARD): an
 * exclusive connection would be refused while the module holds the card, and a reset
 * would log the module out. One APDU needs no transaction.
 *
 * It uses the process's one PC/SC context (native/pcsc/shared-context.ts): opening and
 * closing a context of its own can freeze the process (see that file).
 */
import { identifyCard } from '../../../native/cns/card-profile';
import { fileMapsFor, pinReference, pukReference } from '../../../native/cns/file-map';
import { CnsPin, type PinStatus } from '../../../native/cns/pin';
import type { CardTransport } from '../../../native/apdu/transport';
import { openSharedContext } from '../../../native/pcsc/shared-context';
import type { OpenContext, PcscReaderHandle } from '../../../native/pcsc/pcsc-lib';
import type { PinStatusReader } from '../../../native/pkcs11/pin-status';

export interface StatoPinPcscOpzioni {
  readonly openContext?: OpenContext;
  /** Longest the whole query may take: the person is waiting for the PIN's answer. */
  readonly timeoutMs?: number;
}

const TIMEOUT_MS = 3000;
/** VERIFY answers only a status word. */
const MAX_RISPOSTA = 258;

/**
 * OpenSC names a slot after its reader, cut to the 64 characters of a PKCS#11 slot
 * description: a full-length description may be the start of a longer name.
 */
function stessoLettore(nome: string, descrizione: string): boolean {
  const d = descrizione.trim();
  return d.length > 0 && (nome === d || (d.length >= 64 && nome.startsWith(d)));
}

type Lettore = { handle: PcscReaderHandle; atr: Uint8Array; chiudi(): void };

/** The reader named so, with the ATR of the card in it; null when none shows by the deadline. */
function lettoreConCarta(openContext: OpenContext, descrizione: string, scadenza: number): Promise<Lettore | null> {
  let contesto: ReturnType<OpenContext>;
  try {
    contesto = openContext();
  } catch {
    return Promise.resolve(null); // no PC/SC service: nothing to ask
  }
  return new Promise((risolvi) => {
    let trovato: PcscReaderHandle | undefined;
    let deciso = false;
    const fine = (esito: Lettore | null): void => {
      if (deciso) return;
      deciso = true;
      clearTimeout(timer);
      if (!esito) {
        trovato?.close();
        contesto.close();
      }
      risolvi(esito);
    };
    const timer = setTimeout(() => fine(null), Math.max(0, scadenza - Date.now()));
    contesto.on('error', () => fine(null));
    contesto.on('reader', (handle) => {
      if (trovato || !stessoLettore(handle.name, descrizione)) {
        handle.close();
        return;
      }
      trovato = handle;
      handle.on('error', () => undefined);
      handle.on('status', (stato) => {
        const atr = (stato.state & handle.SCARD_STATE_PRESENT) !== 0 ? stato.atr : undefined;
        // "No card" is not an answer yet: the status first replayed may be older than the
        // card the module is reading now (seen: EMPTY, then PRESENT within a millisecond).
        if (!atr || atr.length === 0) return;
        fine({
          handle,
          atr: new Uint8Array(atr),
          chiudi: () => {
            handle.close();
            contesto.close();
          },
        });
      });
    });
  });
}

function collega(handle: PcscReaderHandle): Promise<number | undefined> {
  return new Promise((risolvi, rifiuta) =>
    handle.connect({ share_mode: handle.SCARD_SHARE_SHARED, protocol: handle.SCARD_PROTOCOL_T0 | handle.SCARD_PROTOCOL_T1 }, (errore, protocollo) =>
      errore ? rifiuta(errore) : risolvi(protocollo),
    ),
  );
}

function scollega(handle: PcscReaderHandle): Promise<void> {
  return new Promise((risolvi) => handle.disconnect(handle.SCARD_LEAVE_CARD, () => risolvi()));
}

async function chiediStato(lettore: Lettore): Promise<PinStatus | null> {
  const profilo = identifyCard(lettore.atr); // not a CNS: throws, and the token does without
  const mappa = fileMapsFor(profilo)[0]!;
  const { handle } = lettore;
  const protocollo = await collega(handle);
  // The binding answers a second connect on the same reader with no protocol: someone
  // else in this process holds the card now, and it is theirs to disconnect.
  if (protocollo === undefined) return null;
  try {
    const trasporto: CardTransport = {
      atr: lettore.atr,
      transmit: (comando) =>
        new Promise((risolvi, rifiuta) =>
          handle.transmit(Buffer.from(comando), MAX_RISPOSTA, protocollo, (errore, risposta) => (errore ? rifiuta(errore) : risolvi(new Uint8Array(risposta)))),
        ),
    };
    return await new CnsPin(trasporto, { pin: pinReference(mappa, profilo), puk: pukReference(mappa, profilo) }).status('pin');
  } finally {
    await scollega(handle);
  }
}

export function statoPinPcsc(opzioni: StatoPinPcscOpzioni = {}): PinStatusReader {
  const openContext = opzioni.openContext ?? openSharedContext;
  const timeoutMs = opzioni.timeoutMs ?? TIMEOUT_MS;
  return {
    async userPin(descrizione) {
      const scadenza = Date.now() + timeoutMs;
      const lettore = await lettoreConCarta(openContext, descrizione, scadenza);
      if (!lettore) return null;
      const domanda = chiediStato(lettore).catch(() => null);
      let timer: NodeJS.Timeout | undefined;
      const tardi = new Promise<null>((risolvi) => (timer = setTimeout(() => risolvi(null), Math.max(0, scadenza - Date.now()))));
      try {
        return await Promise.race([domanda, tardi]);
      } finally {
        clearTimeout(timer);
        // Closed only once the card has answered (or failed): a late answer still disconnects first.
        void domanda.finally(() => lettore.chiudi());
      }
    },
  };
}
