/**
 * The CardPort over the machine's card layer: PC/SC readers (native/pcsc), the
 * CNS profile (native/cns) and, for signing, the card's own APDUs. Each operation
 * runs inside one PC/SC transaction so no other application interleaves APDUs.
 */
import { ReaderMonitor, type ReaderEvent } from '../../../native/pcsc/monitor';
import { identify, type CnsIdentity } from '../../../native/cns/identify';
import { identifyCard, type CnsProfile } from '../../../native/cns/card-profile';
import { CLASSIC_MAP, pinReference, pukReference } from '../../../native/cns/file-map';
import { CnsPin } from '../../../native/cns/pin';
import { createApduSigner } from '../../../native/cns/apdu-signer';
import { CardError, type CardErrorCode } from '../../../native/apdu/errors';
import type { CodiceCarta } from '../../shared/contract/errori';
import type { CardIdentity, CardPort, CardPortEvent, CardPortFactory } from '../../core/ports/card';

function describe(profile: CnsProfile): string {
  const version = profile.cnsVersion === 0x11 ? '1.1' : profile.cnsVersion === 0x10 ? '1.0' : profile.cnsVersion.toString(16);
  return `CNS ${version} (${profile.maskMaker})`;
}

/** The card layer's codes are the contract's card codes, both ways: a code added to either one only fails to compile here. */
type Uguali<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const codiciCartaAllineati: Uguali<CardErrorCode, CodiceCarta> = true;
void codiciCartaAllineati;

function toCardIdentity(cns: CnsIdentity): CardIdentity {
  const d = cns.datiPersonali;
  return {
    codiceFiscale: cns.certificate.codiceFiscale,
    nome: d.nome,
    cognome: d.cognome,
    dataNascita: d.dataNascita,
    sesso: d.sesso,
    comuneNascita: d.comuneNascita,
    comuneResidenza: d.comuneResidenza,
    indirizzoResidenza: d.indirizzoResidenza,
    seriale: cns.serial,
    scadenza: d.dataScadenza,
    tipo: describe(cns.profile),
    certificato: {
      der: cns.certificate.der,
      emittente: cns.certificate.issuer,
      validoDal: cns.certificate.notBefore,
      validoAl: cns.certificate.notAfter,
    },
  };
}

function toPortEvent(event: ReaderEvent): CardPortEvent {
  return event.type === 'card-inserted' ? { type: 'card-inserted', reader: event.reader } : event;
}

/** The factory core's composition uses. */
export const createNativeCardPort: CardPortFactory = (options): CardPort => {
  const monitor = new ReaderMonitor({ nameFilter: options.readerNameFilter });
  /** What identification found, per reader, until the card leaves (signing needs its key reference). */
  const identified = new Map<string, CnsIdentity>();
  monitor.on((event) => {
    if (event.type === 'card-removed' || event.type === 'reader-removed') identified.delete(event.reader);
  });

  const pinOf = (reader: string) => {
    const transport = monitor.card(reader);
    const profile = identifyCard(transport.atr);
    const references = { pin: pinReference(CLASSIC_MAP, profile), puk: pukReference(CLASSIC_MAP, profile) };
    return { transport, references };
  };

  return {
    start: () => monitor.start(),
    stop: async () => monitor.stop(),
    serviceAvailable: () => monitor.serviceAvailable,
    readers: () => monitor.list().map((r) => ({ name: r.name, cardPresent: r.atr !== null })),
    onEvent: (listener) => monitor.on((event) => listener(toPortEvent(event))),
    async identify(reader) {
      const transport = monitor.card(reader);
      const cns = await transport.transaction((t) => identify(t, { now: options.now(), trust: options.trusts }));
      identified.set(reader, cns);
      return toCardIdentity(cns);
    },
    async pinStatus(reader) {
      const { transport, references } = pinOf(reader);
      return transport.transaction(async (t) => {
        const pin = new CnsPin(t, references);
        const pinState = await pin.status('pin');
        const pukState = await pin.status('puk');
        return { triesLeft: pinState.triesLeft, blocked: pinState.blocked, pukTriesLeft: pukState.triesLeft, pukBlocked: pukState.blocked };
      });
    },
    async verifyPin(reader, pin) {
      const { transport, references } = pinOf(reader);
      await transport.transaction((t) => new CnsPin(t, references).verify(pin));
    },
    async changePin(reader, pin, newPin) {
      const { transport, references } = pinOf(reader);
      await transport.transaction((t) => new CnsPin(t, references).change(pin, newPin));
    },
    async unblockPin(reader, puk, newPin) {
      const { transport, references } = pinOf(reader);
      await transport.transaction((t) => new CnsPin(t, references).unblock(puk, newPin));
    },
    signer(reader) {
      const cns = identified.get(reader);
      if (!cns) throw new CardError('carta-rimossa', 'Carta rimossa: reinserisci la carta e riprova.');
      const transport = monitor.card(reader);
      return {
        certificate: async () => cns.certificate.der.slice(),
        signSha256: (data) => transport.transaction((t) => createApduSigner(t, cns).signSha256(data)),
      };
    },
  };
};
