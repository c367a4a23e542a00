/**
 * The folder layers and the no-cycle rules (.dependency-cruiser.cjs, run by `npm run lint`): each
 * rule is run over a small tree with one deliberate violation, so a loosened rule fails here, and
 * over a tree that does what the layers allow, so an over-strict one fails too.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { cruise, type IForbiddenRuleType } from 'dependency-cruiser';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the rule file is CommonJS, as dependency-cruiser reads it
const rules = require('../../../.dependency-cruiser.cjs') as { forbidden: IForbiddenRuleType[] };

/** A tree of files, each importing the files listed (paths from the tree's root). */
type Tree = Record<string, string[]>;

const roots: string[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

async function violations(tree: Tree): Promise<string[]> {
  const root = mkdtempSync(join(tmpdir(), 'sportello-strati-'));
  roots.push(root);
  for (const [file, imports] of Object.entries(tree)) {
    const lines = imports.map((target, i) => {
      let spec = relative(dirname(file), target).replace(/\.tsx?$/, '');
      if (!spec.startsWith('.')) spec = `./${spec}`;
      return `import * as m${i} from '${spec}';\nexport const u${i} = m${i};`;
    });
    mkdirSync(join(root, dirname(file)), { recursive: true });
    writeFileSync(join(root, file), `${lines.join('\n')}\nexport const here = 1;\n`);
  }
  const tops = [...new Set(Object.keys(tree).map((f) => f.split('/')[0]!))];
  const result = await cruise(tops, {
    baseDir: root,
    validate: true,
    ruleSet: { forbidden: rules.forbidden },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.tsx'] },
  });
  if (typeof result.output === 'string') throw new Error('cruise returned text');
  return [...new Set(result.output.summary.violations.map((v) => v.rule.name))].sort();
}

describe('folder layers and import cycles', () => {
  it.each<[string, Tree]>([
    ['no-cycle', { 'electron/core/a/x.ts': ['electron/core/a/y.ts'], 'electron/core/a/y.ts': ['electron/core/a/x.ts'] }],
    [
      'no-folder-cycle',
      { 'electron/core/a/x.ts': ['electron/core/b/y.ts'], 'electron/core/b/y.ts': [], 'electron/core/b/z.ts': ['electron/core/a/w.ts'], 'electron/core/a/w.ts': [] },
    ],
    ['core-is-the-domain', { 'electron/core/a/x.ts': ['electron/adapters/p/q.ts'], 'electron/adapters/p/q.ts': [] }],
    ['core-is-the-domain', { 'electron/core/a/x.ts': ['native/cns/c.ts'], 'native/cns/c.ts': [] }],
    ['native-is-below', { 'native/cns/c.ts': ['electron/core/a/y.ts'], 'electron/core/a/y.ts': [] }],
    ['shared-is-neutral', { 'electron/shared/c.ts': ['electron/core/a/y.ts'], 'electron/core/a/y.ts': [] }],
    ['contract-is-neutral', { 'electron/shared/contract/pratiche.ts': ['electron/shared/transport/ws-wire.ts'], 'electron/shared/transport/ws-wire.ts': [] }],
    ['renderer-through-the-bridge', { 'renderer/src/x.tsx': ['electron/composition/core.ts'], 'electron/composition/core.ts': [] }],
    ['adapters-are-wired', { 'electron/adapters/p/q.ts': ['electron/composition/core.ts'], 'electron/composition/core.ts': [] }],
    ['composition-below-runtimes', { 'electron/composition/core.ts': ['electron/main/index.ts'], 'electron/main/index.ts': [] }],
    ['runtimes-apart', { 'electron/host/server.ts': ['electron/main/ipc.ts'], 'electron/main/ipc.ts': [] }],
    ['preload-is-thin', { 'electron/preload/index.ts': ['electron/core/a/y.ts'], 'electron/core/a/y.ts': [] }],
  ])('%s fails on a deliberate violation', async (rule, tree) => {
    expect(await violations(tree)).toEqual([rule]);
  });

  it('lets each layer use the ones below it', async () => {
    const allowed: Tree = {
      'electron/main/index.ts': ['electron/main/windows.ts', 'electron/composition/core.ts', 'electron/shared/contract.ts'],
      'electron/main/windows.ts': [],
      'electron/host/server.ts': ['electron/composition/core.ts', 'electron/shared/contract.ts'],
      'electron/preload/index.ts': ['electron/shared/contract.ts'],
      'electron/cli/card.ts': ['electron/adapters/card/port.ts', 'electron/core/identity/session.ts'],
      'electron/composition/core.ts': ['electron/adapters/card/port.ts', 'electron/core/identity/session.ts'],
      'electron/adapters/card/port.ts': ['electron/core/ports/card.ts', 'native/cns/profile.ts'],
      'electron/core/identity/session.ts': ['electron/core/ports/card.ts', 'electron/shared/contract.ts'],
      'electron/core/ports/card.ts': [],
      'native/cns/profile.ts': ['native/apdu/status.ts'],
      'native/apdu/status.ts': [],
      'electron/shared/contract.ts': [],
      'electron/shared/transport/ws-wire.ts': ['electron/shared/contract/define.ts'],
      'electron/shared/contract/define.ts': [],
      'renderer/src/App.tsx': ['electron/shared/contract.ts', 'electron/shared/transport/ws-wire.ts', 'renderer/src/screens/Home.tsx'],
      'renderer/src/screens/Home.tsx': [],
    };
    expect(await violations(allowed)).toEqual([]);
  });
});
