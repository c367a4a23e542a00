/**
 * Which fields a custom-list select's script reads (`data.user_group`, `data.day`), so that its
 * list is asked for again as soon as one of them changes (Form.io's `refreshOn`): see
 * listed-selects.ts for why the portal's forms need it.
 */
type Component = Record<string, unknown>;

/** The keys a script reads as `data.key` or `data['key']`. */
function keysRead(script: string): Set<string> {
  const keys = new Set<string>();
  for (const m of script.matchAll(/\bdata\s*(?:\.\s*([A-Za-z_$][\w$]*)|\[\s*['"]([^'"]+)['"]\s*\])/g)) keys.add(m[1] ?? m[2]!);
  return keys;
}

function customScript(c: Component): string | null {
  const data = c.data as { custom?: unknown } | undefined;
  return c.type === 'select' && c.dataSrc === 'custom' && typeof data?.custom === 'string' ? data.custom : null;
}

/**
 * `refreshOn` for each custom-list select that declares none: the fields above it its script
 * reads. Only fields above, so two lists that read each other (the office filtered by the
 * reason, the reason by the office) do not reload each other in turn.
 */
export function withListDependencies(components: readonly Component[]): Component[] {
  const above = new Set<string>();
  const walk = (list: readonly Component[]): Component[] =>
    list.map((raw) => {
      const c = { ...raw };
      const script = customScript(c);
      if (script !== null && !c.refreshOn && !c.redrawOn) {
        const reads = [...keysRead(script)].filter((k) => above.has(k));
        if (reads.length > 0) c.refreshOn = reads;
      }
      if (typeof c.key === 'string' && c.input !== false) above.add(c.key);
      for (const key of ['components', 'columns'] as const) {
        if (Array.isArray(c[key])) c[key] = walk(c[key] as Component[]);
      }
      if (Array.isArray(c.rows)) c.rows = (c.rows as Component[][]).map((row) => walk(row));
      return c;
    });
  return walk(components);
}
