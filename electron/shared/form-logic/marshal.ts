/**
 * What may cross into the form-logic sandbox: a copy of plain data only. Form.io hands its
 * scripts live objects (the component instance, the whole form, the options, DOM nodes);
 * none of them may reach portal code, so they are reduced to JSON with bounds on depth and
 * size. Cycles, functions, DOM nodes and class instances are left out.
 */

/** A form's data is a few hundred values; this bound only stops a runaway or hostile structure. */
const MAX_NODES = 50_000;
const MAX_DEPTH = 24;

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

export function plainCopy(value: unknown): unknown {
  let nodes = 0;
  const seen = new WeakSet<object>();
  const copy = (v: unknown, depth: number): unknown => {
    if (++nodes > MAX_NODES) throw new RangeError('dati del modulo troppo grandi');
    if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
    if (typeof v === 'number') return Number.isFinite(v) ? v : null;
    if (typeof v !== 'object' || depth > MAX_DEPTH) return undefined;
    if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString();
    if (seen.has(v)) return undefined;
    seen.add(v);
    try {
      if (Array.isArray(v)) return v.map((item) => copy(item, depth + 1) ?? null);
      if (!isPlainObject(v)) return undefined;
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(v)) {
        const c = copy(item, depth + 1);
        if (c !== undefined) out[key] = c;
      }
      return out;
    } finally {
      seen.delete(v);
    }
  };
  return copy(value, 0);
}

/** The few facts about a live component instance that real forms read (`instance.parent.manualMode`, its key and path). */
export function instanceSnapshot(instance: unknown): Record<string, unknown> | null {
  if (typeof instance !== 'object' || instance === null) return null;
  const i = instance as Record<string, unknown>;
  const facts = (o: Record<string, unknown>) =>
    plainCopy({ key: o.key, path: o.path, id: o.id, visible: o.visible, disabled: o.disabled, manualMode: o.manualMode }) as Record<string, unknown>;
  const parent = typeof i.parent === 'object' && i.parent !== null ? facts(i.parent as Record<string, unknown>) : null;
  return { ...facts(i), parent, component: plainCopy(i.component) ?? null };
}
