/**
 * A card reached through a PKCS#11 module: find its token, log in, sign, change
 * the PIN. The only code in the project that loads 'pkcs11js'.
 *
 * One module instance per process (C_Initialize is process-wide): `openModule`
 * hands out a shared, reference-counted handle.
 *
 * Tries left: a module may not know them (OpenSC's CNS driver never asks the card),
 * so a token opened with a PinStatusReader asks the card itself, beside the module,
 * before and after the one login attempt (`verifyPin`).
 */
import * as pkcs11js from 'pkcs11js';
import { CardError } from '../apdu/errors';
import { blockedError, checkFormat, wrongSecretError, type PinStatus } from '../cns/pin';
import { CKR, ckrOf, toCardError } from './ckr';
import { loginRefused, type PinStatusReader } from './pin-status';

type Handle = Buffer;

export interface TokenChoice {
  /** Prefer the slot whose description contains this (OpenSC names slots after the reader). */
  readonly readerName?: string | null;
  /** Or the token with this label. */
  readonly label?: string | null;
}

export interface TokenOptions {
  /** Asks the card in the token's reader for the PIN's tries left (see pin-status.ts). */
  readonly pinStatus?: PinStatusReader;
}

export interface TokenSummary {
  readonly slotDescription: string;
  readonly label: string;
  readonly serialNumber: string;
  readonly flags: number;
}

interface OpenModule {
  readonly lib: pkcs11js.PKCS11;
  users: number;
}

const modules = new Map<string, OpenModule>();

function openModule(path: string): OpenModule {
  const open = modules.get(path);
  if (open) {
    open.users++;
    return open;
  }
  const lib = new pkcs11js.PKCS11();
  try {
    lib.load(path);
    lib.C_Initialize();
  } catch (error) {
    throw new CardError('modulo-pkcs11-assente', `Il modulo di firma ${path} non si carica (${(error as Error).message.slice(0, 120)}).`);
  }
  const created = { lib, users: 1 };
  modules.set(path, created);
  return created;
}

function releaseModule(path: string): void {
  const open = modules.get(path);
  if (!open || --open.users > 0) return;
  modules.delete(path);
  try {
    open.lib.C_Finalize();
  } finally {
    open.lib.close();
  }
}

export class Pkcs11Token {
  private session: Handle | null = null;
  private closed = false;

  private constructor(
    private readonly modulePath: string,
    private readonly lib: pkcs11js.PKCS11,
    private readonly slot: Handle,
    private readonly pinStatus: PinStatusReader | undefined,
  ) {}

  /** Opens the module and the token chosen in it; throws 'token-assente' when none fits. */
  static open(modulePath: string, choice: TokenChoice = {}, options: TokenOptions = {}): Pkcs11Token {
    const { lib } = openModule(modulePath);
    try {
      const slots = lib.C_GetSlotList(true);
      const described = slots.map((slot) => ({ slot, info: lib.C_GetSlotInfo(slot), token: lib.C_GetTokenInfo(slot) }));
      const wanted = described.find(
        (s) =>
          (!choice.readerName || s.info.slotDescription.trim().includes(choice.readerName)) &&
          (!choice.label || s.token.label.trim() === choice.label),
      );
      if (!wanted) throw new CardError('token-assente', 'Nessuna carta trovata dal modulo di firma: controlla che la carta sia inserita.');
      const token = new Pkcs11Token(modulePath, lib, wanted.slot, options.pinStatus);
      token.session = lib.C_OpenSession(wanted.slot, pkcs11js.CKF_SERIAL_SESSION | pkcs11js.CKF_RW_SESSION);
      return token;
    } catch (error) {
      releaseModule(modulePath);
      throw toCardError(error);
    }
  }

  summary(): TokenSummary {
    const info = this.lib.C_GetTokenInfo(this.slot);
    return {
      slotDescription: this.lib.C_GetSlotInfo(this.slot).slotDescription.trim(),
      label: info.label.trim(),
      serialNumber: info.serialNumber.trim(),
      flags: info.flags,
    };
  }

  private get handle(): Handle {
    if (!this.session || this.closed) throw new CardError('carta-rimossa', 'Carta rimossa: reinserisci la carta e riprova.');
    return this.session;
  }

  private fail(error: unknown): CardError {
    let flags: number | undefined;
    if (ckrOf(error) === CKR.PIN_INCORRECT) {
      try {
        flags = this.lib.C_GetTokenInfo(this.slot).flags;
      } catch {
        flags = undefined;
      }
    }
    return toCardError(error, flags);
  }

  /**
   * C_Login as the user; exactly one attempt with the PIN the person typed, and the
   * tries left only as far as the module's flags tell. No check before the attempt:
   * OpenSC flags a CNS it has not yet tried a PIN on as locked (observed: flags
   * 0x4040c on a card with 3 tries), so the flags alone cannot stop a login.
   * `verifyPin` does better when the card can be asked.
   */
  login(pin: string): void {
    checkFormat('pin', pin);
    try {
      this.lib.C_Login(this.handle, pkcs11js.CKU_USER, pin);
    } catch (error) {
      if (ckrOf(error) === CKR.USER_ALREADY_LOGGED_IN) return;
      throw this.fail(error);
    }
  }

  /**
   * The person's one PIN attempt, with the card's own counter around it: a blocked
   * card is refused before any VERIFY reaches it, and a wrong PIN says how many tries
   * are left ("PIN errato: 2 tentativi rimasti") as the PC/SC path does. Only the
   * card's answer can refuse the login (see loginRefused): the token flags are no evidence.
   */
  async verifyPin(pin: string): Promise<void> {
    checkFormat('pin', pin);
    const session = this.handle;
    const before = await this.cardPinStatus();
    if (loginRefused(before)) throw blockedError('pin');
    try {
      this.lib.C_Login(session, pkcs11js.CKU_USER, pin);
    } catch (error) {
      if (ckrOf(error) === CKR.USER_ALREADY_LOGGED_IN) return;
      if (ckrOf(error) === CKR.PIN_INCORRECT) {
        const after = await this.cardPinStatus();
        if (after?.triesLeft != null) throw wrongSecretError('pin', after.triesLeft);
      }
      throw this.fail(error);
    }
  }

  /** What the card says of its PIN, or null without a reader or an answer (never a reason to fail the login). */
  private async cardPinStatus(): Promise<PinStatus | null> {
    if (!this.pinStatus) return null;
    try {
      return await this.pinStatus.userPin(this.lib.C_GetSlotInfo(this.slot).slotDescription);
    } catch {
      return null;
    }
  }

  changePin(oldPin: string, newPin: string): void {
    checkFormat('pin', oldPin);
    checkFormat('pin', newPin);
    try {
      this.lib.C_SetPIN(this.handle, oldPin, newPin);
    } catch (error) {
      throw this.fail(error);
    }
  }

  /** Whether the token hashes and signs in one step (CKM_SHA256_RSA_PKCS). */
  supportsSha256Rsa(): boolean {
    try {
      return this.lib.C_GetMechanismList(this.slot).includes(pkcs11js.CKM_SHA256_RSA_PKCS);
    } catch (error) {
      throw this.fail(error);
    }
  }

  private find(template: pkcs11js.Template): Handle[] {
    const session = this.handle;
    this.lib.C_FindObjectsInit(session, template);
    try {
      return this.lib.C_FindObjects(session, 32);
    } finally {
      this.lib.C_FindObjectsFinal(session);
    }
  }

  /** Certificates on the token: DER and CKA_ID. */
  certificates(): { der: Uint8Array; id: Buffer }[] {
    try {
      return this.find([{ type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_CERTIFICATE }]).map((object) => {
        const [value, id] = this.lib.C_GetAttributeValue(this.handle, object, [{ type: pkcs11js.CKA_VALUE }, { type: pkcs11js.CKA_ID }]);
        return { der: new Uint8Array(value!.value as Buffer), id: (id!.value as Buffer) ?? Buffer.alloc(0) };
      });
    } catch (error) {
      throw this.fail(error);
    }
  }

  /**
   * Signs with the private key whose CKA_ID is `keyId`: 'sha256-rsa-pkcs' hashes
   * `data` on the token (CKM_SHA256_RSA_PKCS); 'rsa-pkcs' signs `data` as given, which
   * must then be a DigestInfo (CKM_RSA_PKCS). The card computes off the event loop
   * (C_SignAsync): a 2048-bit signature on an old card takes a second or more.
   */
  async sign(keyId: Buffer, mechanism: 'sha256-rsa-pkcs' | 'rsa-pkcs', data: Uint8Array): Promise<Uint8Array> {
    try {
      const keys = this.find([
        { type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_PRIVATE_KEY },
        { type: pkcs11js.CKA_ID, value: keyId },
      ]);
      const key = keys[0];
      if (!key) throw new CardError('firma-non-riuscita', 'La chiave di firma non è sulla carta (o serve prima il PIN).');
      const mech = mechanism === 'sha256-rsa-pkcs' ? pkcs11js.CKM_SHA256_RSA_PKCS : pkcs11js.CKM_RSA_PKCS;
      this.lib.C_SignInit(this.handle, { mechanism: mech }, key);
      return new Uint8Array(await this.lib.C_SignAsync(this.handle, Buffer.from(data), Buffer.alloc(1024)));
    } catch (error) {
      throw this.fail(error);
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      if (this.session) this.lib.C_CloseSession(this.session);
    } catch {
      // The token may be gone already (card removed): the module cleans up on finalize.
    } finally {
      releaseModule(this.modulePath);
    }
  }
}
