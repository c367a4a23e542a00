/** The contract's error codes (electron/shared/contract/errori.ts): one syntax, each code in one area only. */
import { describe, expect, it } from 'vitest';
import * as errori from '../../../electron/shared/contract/errori';
import { apiErrorSchema } from '../../../electron/shared/contract/define';

const aree = Object.entries(errori.codiciPerArea) as [string, readonly string[]][];

describe('codici di errore', () => {
  it('are kebab-case Italian words, no dots or prefixes of another syntax', () => {
    for (const [, codici] of aree) for (const codice of codici) expect(codice).toMatch(/^[a-z]+(-[a-z0-9]+)*$/);
  });

  it('belong to one area each, and the whole list is exactly the areas together', () => {
    const tutti = aree.flatMap(([, codici]) => codici);
    expect(new Set(tutti).size).toBe(tutti.length);
    expect([...errori.codiciErrore].sort()).toEqual([...tutti].sort());
  });

  it('are the only codes the error schema accepts', () => {
    expect(apiErrorSchema.safeParse({ code: 'pratica-sconosciuta', message: 'x' }).success).toBe(true);
    expect(apiErrorSchema.safeParse({ code: 'pratica.sconosciuta', message: 'x' }).success).toBe(false);
  });
});
