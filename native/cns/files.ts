/**
 * SELECT and READ BINARY as real CNS cards need them.
 *
 * SELECT by path from the MF (P1=08, P2=0C) is one APDU; some cards answer 6A86 to
 * P2=0C and want P2=00, others only select one level at a time (P1=00). The mode
 * that worked is remembered for the rest of the session so later files cost one
 * APDU each. READ BINARY goes in chunks of at most 0xFF bytes, takes 6282 / 6B00 /
 * a short chunk as the end of the file, and never reads past a hard cap.
 */
import { exchange } from '../apdu/exchange';
import { CardError } from '../apdu/errors';
import { SW_END_OF_FILE, SW_FILE_NOT_FOUND, SW_OK, SW_WRONG_OFFSET, swHex, describeStatus } from '../apdu/response';
import type { CardTransport } from '../apdu/transport';
import type { CnsFileMap } from './file-map';

type SelectMode = 'path-no-fci' | 'path-fci' | 'step';

const CHUNK = 0xff;
/** Nothing a CNS holds for us is larger (a 4096-bit certificate is under 2.5 KiB). */
export const MAX_FILE_SIZE = 8192;
/** READ BINARY short offsets are 15 bits. */
const MAX_OFFSET = 0x7fff;

export class FileNotFound extends CardError {
  constructor(path: readonly number[]) {
    super('carta-file-assente', `La carta non contiene il file ${formatPath(path)}.`);
  }
}

export function formatPath(path: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i + 1 < path.length; i += 2) parts.push(swHex((path[i]! << 8) | path[i + 1]!));
  return ['3F00', ...parts].join('/');
}

function unexpected(what: string, sw: number): CardError {
  return new CardError('carta-errore', `La carta ha rifiutato ${what} (${swHex(sw)}: ${describeStatus(sw)}).`);
}

export interface ReadOptions {
  /** Refuse files larger than this. */
  readonly maxSize?: number;
  /** Given the bytes read so far, the file's useful length when it is known: reading stops there. */
  readonly usefulLength?: (prefix: Uint8Array) => number | undefined;
}

export class CardFiles {
  private mode: SelectMode = 'path-no-fci';
  private aidSelected = false;

  constructor(
    private readonly transport: CardTransport,
    private readonly map: CnsFileMap,
  ) {}

  async select(path: readonly number[]): Promise<void> {
    if (this.map.aid && !this.aidSelected) {
      const reply = await exchange(this.transport, { cla: 0, ins: 0xa4, p1: 0x04, p2: 0x0c, data: this.map.aid });
      // Cards without the application answer in several ways; all mean "not this layout".
      if ([SW_FILE_NOT_FOUND, 0x6a86, 0x6a81, 0x6d00, 0x6e00].includes(reply.sw)) throw new FileNotFound(path);
      if (reply.sw !== SW_OK) throw unexpected("la selezione dell'applicazione", reply.sw);
      this.aidSelected = true;
    }
    const p1 = this.map.aid ? 0x09 : 0x08;
    if (this.mode === 'path-no-fci') {
      const sw = await this.selectPath(p1, 0x0c, path);
      if (sw === SW_OK) return;
      if (sw === SW_FILE_NOT_FOUND) throw new FileNotFound(path);
      if (sw !== 0x6a86 && sw !== 0x6a81 && sw !== 0x6a80) throw unexpected('la selezione del file', sw);
      this.mode = 'path-fci';
    }
    if (this.mode === 'path-fci') {
      const sw = await this.selectPath(p1, 0x00, path);
      if (sw === SW_OK) return;
      if (sw === SW_FILE_NOT_FOUND) throw new FileNotFound(path);
      if (sw !== 0x6a86 && sw !== 0x6a81 && sw !== 0x6a80 && sw !== 0x6d00) throw unexpected('la selezione del file', sw);
      this.mode = 'step';
    }
    await this.selectStepByStep(path);
  }

  private async selectPath(p1: number, p2: number, path: readonly number[]): Promise<number> {
    const reply = await exchange(this.transport, {
      cla: 0,
      ins: 0xa4,
      p1,
      p2,
      data: Uint8Array.from(path),
      ...(p2 === 0x00 ? { le: 256 } : {}),
    });
    return reply.sw;
  }

  private async selectStepByStep(path: readonly number[]): Promise<void> {
    const fids: number[][] = this.map.aid ? [] : [[0x3f, 0x00]];
    for (let i = 0; i + 1 < path.length; i += 2) fids.push([path[i]!, path[i + 1]!]);
    for (const fid of fids) {
      const reply = await exchange(this.transport, { cla: 0, ins: 0xa4, p1: 0x00, p2: 0x00, data: Uint8Array.from(fid), le: 256 });
      if (reply.sw === SW_FILE_NOT_FOUND) throw new FileNotFound(path);
      if (reply.sw !== SW_OK) throw unexpected('la selezione del file', reply.sw);
    }
  }

  /** Selects then reads a transparent file. */
  async read(path: readonly number[], options: ReadOptions = {}): Promise<Uint8Array> {
    await this.select(path);
    return this.readSelected(options);
  }

  private async readSelected(options: ReadOptions): Promise<Uint8Array> {
    const cap = Math.min(options.maxSize ?? MAX_FILE_SIZE, MAX_FILE_SIZE);
    const buffer = new Uint8Array(cap);
    let length = 0;
    let wanted = this.checkedUseful(options, buffer.subarray(0, 0), cap);
    while (length < (wanted ?? cap)) {
      if (length > MAX_OFFSET) break;
      const le = Math.min(CHUNK, (wanted ?? cap) - length);
      const reply = await exchange(this.transport, { cla: 0, ins: 0xb0, p1: length >> 8, p2: length & 0xff, le });
      if (reply.sw === SW_WRONG_OFFSET || (reply.sw & 0xff00) === 0x6b00) break;
      if (reply.sw !== SW_OK && reply.sw !== SW_END_OF_FILE) throw unexpected('la lettura del file', reply.sw);
      const chunk = reply.data.subarray(0, Math.min(reply.data.length, le));
      buffer.set(chunk, length);
      length += chunk.length;
      wanted ??= this.checkedUseful(options, buffer.subarray(0, length), cap);
      if (reply.sw === SW_END_OF_FILE || chunk.length < le) break;
    }
    return buffer.slice(0, wanted === undefined ? length : Math.min(length, wanted));
  }

  private checkedUseful(options: ReadOptions, prefix: Uint8Array, cap: number): number | undefined {
    const wanted = options.usefulLength?.(prefix);
    if (wanted !== undefined && wanted > cap) {
      throw new CardError('carta-dati-non-validi', `Un file della carta dichiara una lunghezza eccessiva (${wanted} byte).`);
    }
    return wanted;
  }
}
