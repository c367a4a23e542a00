/**
 * An ISO 7816-4 file system as a card holds it: a tree of DFs and transparent EFs,
 * a current DF / current EF, SELECT in the forms readers use in the field and
 * READ BINARY with the status words real cards give at the edges.
 */
import { SW, response, type CommandApdu } from './apdu';

export type ReadAccess = 'always' | 'pin-verified' | 'never';

export interface ElementaryFile {
  readonly kind: 'ef';
  readonly fid: number;
  content: Uint8Array;
  readonly read: ReadAccess;
  parent?: DedicatedFile;
}

export interface DedicatedFile {
  readonly kind: 'df';
  readonly fid: number;
  /** DF name (AID), for SELECT by name (P1=04). */
  readonly name?: Uint8Array;
  readonly children: CardFile[];
  parent?: DedicatedFile;
}

export type CardFile = ElementaryFile | DedicatedFile;

const MF_FID = 0x3f00;

export function ef(fid: number, content: Uint8Array, read: ReadAccess = 'always'): ElementaryFile {
  return { kind: 'ef', fid, content, read };
}

export function df(fid: number, children: CardFile[], name?: Uint8Array): DedicatedFile {
  const node: DedicatedFile = { kind: 'df', fid, children, ...(name ? { name } : {}) };
  for (const child of children) child.parent = node;
  return node;
}

export interface FileSystemOptions {
  /** Some cards answer 6A86 to SELECT with P2=0C (no FCI) and only accept P2=00. */
  readonly rejectSelectWithoutFci?: boolean;
}

export class FileSystem {
  private currentDf: DedicatedFile;
  private currentEf: ElementaryFile | undefined;

  constructor(
    readonly mf: DedicatedFile,
    private readonly options: FileSystemOptions = {},
    /** Asked before a protected EF is read: true when the PIN guarding it was verified. */
    private readonly pinVerified: () => boolean = () => false,
  ) {
    this.currentDf = mf;
  }

  /** Back to the MF, as after a reset. */
  reset(): void {
    this.currentDf = this.mf;
    this.currentEf = undefined;
  }

  /** The file at an absolute path of FIDs below the MF, e.g. [0x1100, 0x1101]. */
  find(path: readonly number[]): CardFile | undefined {
    return this.walk(this.mf, path);
  }

  select(apdu: CommandApdu): Uint8Array {
    const { p1, p2, data } = apdu;
    // P2 b4-b3 choose what comes back (00 FCI, 04 FCP, 0C nothing); other bits (next occurrence, FMD) are not supported.
    const fciMode = p2 & 0x0c;
    if ((p2 & ~0x0c) !== 0 || fciMode === 0x08) return response(SW.INCORRECT_P1P2);
    if (fciMode === 0x0c && this.options.rejectSelectWithoutFci) return response(SW.INCORRECT_P1P2);
    let target: CardFile | undefined;
    switch (p1) {
      case 0x00:
        target = data.length === 0 ? this.mf : data.length === 2 ? this.byFid(fidAt(data, 0)) : undefined;
        if (data.length !== 0 && data.length !== 2) return response(SW.WRONG_DATA);
        break;
      case 0x03:
        target = this.currentDf.parent ?? this.currentDf;
        break;
      case 0x04:
        target = data.length === 0 ? this.mf : this.byName(data);
        break;
      case 0x08:
      case 0x09: {
        if (data.length === 0 || data.length % 2 !== 0) return response(SW.WRONG_DATA);
        const fids = Array.from({ length: data.length / 2 }, (_, i) => fidAt(data, i * 2));
        // Middleware disagrees on whether a path from the MF repeats 3F00: accept both.
        if (p1 === 0x08 && fids[0] === MF_FID) fids.shift();
        target = this.walk(p1 === 0x08 ? this.mf : this.currentDf, fids);
        break;
      }
      default:
        return response(SW.INCORRECT_P1P2);
    }
    if (!target) return response(SW.FILE_NOT_FOUND);
    if (target.kind === 'df') {
      this.currentDf = target;
      this.currentEf = undefined;
    } else {
      this.currentDf = target.parent ?? this.mf;
      this.currentEf = target;
    }
    if (fciMode === 0x0c) return response(SW.OK);
    return response(SW.OK, describe(target, fciMode === 0x04 ? 0x62 : 0x6f));
  }

  readBinary(apdu: CommandApdu): Uint8Array {
    if (apdu.p1 & 0x80) return response(SW.FUNCTION_NOT_SUPPORTED); // short EF identifiers: not on a CNS
    const file = this.currentEf;
    if (!file) return response(SW.COMMAND_NOT_ALLOWED);
    if (file.read === 'never') return response(SW.SECURITY_STATUS_NOT_SATISFIED);
    if (file.read === 'pin-verified' && !this.pinVerified()) return response(SW.SECURITY_STATUS_NOT_SATISFIED);
    const offset = ((apdu.p1 & 0x7f) << 8) | apdu.p2;
    if (offset > file.content.length) return response(SW.WRONG_P1P2);
    const wanted = apdu.le ?? 256;
    const chunk = file.content.subarray(offset, Math.min(offset + wanted, file.content.length));
    return response(chunk.length < wanted ? SW.END_OF_FILE : SW.OK, chunk);
  }

  private byFid(fid: number): CardFile | undefined {
    if (fid === MF_FID) return this.mf;
    const here = this.currentDf;
    return (
      here.children.find((c) => c.fid === fid) ??
      (here.parent?.fid === fid ? here.parent : undefined) ??
      here.parent?.children.find((c) => c.fid === fid)
    );
  }

  private byName(name: Uint8Array): DedicatedFile | undefined {
    const stack: DedicatedFile[] = [this.mf];
    while (stack.length > 0) {
      const dir = stack.pop()!;
      if (dir.name && Buffer.from(dir.name).equals(Buffer.from(name))) return dir;
      for (const child of dir.children) if (child.kind === 'df') stack.push(child);
    }
    return undefined;
  }

  private walk(from: DedicatedFile, fids: readonly number[]): CardFile | undefined {
    let node: CardFile = from;
    for (const fid of fids) {
      if (node.kind !== 'df') return undefined;
      const next: CardFile | undefined = node.children.find((c) => c.fid === fid);
      if (!next) return undefined;
      node = next;
    }
    return node;
  }
}

function fidAt(data: Uint8Array, at: number): number {
  return (data[at]! << 8) | data[at + 1]!;
}

/** FCP (62) or FCI (6F) template: descriptor, FID, size or DF name, access conditions. */
function describe(file: CardFile, tag: 0x62 | 0x6f): Uint8Array {
  const parts: number[] = [];
  const tlv = (t: number, value: readonly number[]): void => {
    parts.push(t, value.length, ...value);
  };
  if (file.kind === 'ef') {
    tlv(0x80, [(file.content.length >> 8) & 0xff, file.content.length & 0xff]);
    tlv(0x82, [0x01]);
    tlv(0x83, [(file.fid >> 8) & 0xff, file.fid & 0xff]);
    // Read condition first, then update/write/... all "never": the emulated card is read-only.
    tlv(0x86, [file.read === 'always' ? 0x00 : file.read === 'pin-verified' ? 0x10 : 0xff, ...new Array<number>(8).fill(0xff)]);
  } else {
    tlv(0x82, [0x38]);
    tlv(0x83, [(file.fid >> 8) & 0xff, file.fid & 0xff]);
    if (file.name) tlv(0x84, Array.from(file.name));
  }
  return new Uint8Array([tag, parts.length, ...parts]);
}
