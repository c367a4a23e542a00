/**
 * Hands each test a virtual reader of its own on the shared pcscd.
 *
 * reader.conf.d/sportello-vpcd declares 8 vpcd entries; each gives two readers
 * (port and port+1), so 16 slots. Several vitest workers (and several test runs on
 * one machine) take slots concurrently, so a slot is claimed by creating a lock
 * file exclusively; a lock whose owner process is dead is taken over.
 */
import { mkdirSync, openSync, closeSync, readFileSync, readdirSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

export const FIRST_VPCD_PORT = 35963;
export const SLOT_COUNT = 16;

export interface VpcdSlot {
  readonly index: number;
  /** TCP port the virtual card connects to (vpcd listens on it). */
  readonly port: number;
  /** Name pcscd gives the reader fed by that port. */
  readonly readerName: string;
  release(): void;
}

export function readerNameForPort(port: number): string {
  const offset = port - FIRST_VPCD_PORT;
  const entryPort = FIRST_VPCD_PORT + offset - (offset % 2);
  return `Sportello vpcd ${entryPort} 00 0${offset % 2}`;
}

const lockDir = join(tmpdir(), 'sportello-vpcd-slots');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function tryClaim(path: string): boolean {
  try {
    const fd = openSync(path, 'wx');
    writeSync(fd, String(process.pid));
    closeSync(fd);
    return true;
  } catch {
    let owner = NaN;
    try {
      owner = Number.parseInt(readFileSync(path, 'utf8'), 10);
    } catch {
      return false;
    }
    if (Number.isInteger(owner) && alive(owner)) return false;
    try {
      unlinkSync(path);
    } catch {
      return false;
    }
    return tryClaim(path);
  }
}

export function acquireSlot(): VpcdSlot {
  mkdirSync(lockDir, { recursive: true });
  for (let index = 0; index < SLOT_COUNT; index++) {
    const lock = join(lockDir, String(index));
    if (!tryClaim(lock)) continue;
    const port = FIRST_VPCD_PORT + index;
    return {
      index,
      port,
      readerName: readerNameForPort(port),
      release: () => {
        try {
          unlinkSync(lock);
        } catch {
          /* released twice */
        }
      },
    };
  }
  throw new Error(`all ${SLOT_COUNT} virtual reader slots are taken`);
}

/** The slots held now by a live process, with that process's pid. */
export function heldSlots(): { index: number; owner: number }[] {
  let entries: string[];
  try {
    entries = readdirSync(lockDir);
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    try {
      const owner = Number.parseInt(readFileSync(join(lockDir, entry), 'utf8'), 10);
      return Number.isInteger(owner) && alive(owner) ? [{ index: Number(entry), owner }] : [];
    } catch {
      return [];
    }
  });
}

/** Whether a live process other than this one holds a slot (another test run sharing our pcscd). */
export function slotsHeldByOthers(): boolean {
  return heldSlots().some((slot) => slot.owner !== process.pid);
}
