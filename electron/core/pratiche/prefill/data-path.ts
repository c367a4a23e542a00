/**
 * Reading and writing a value at a Form.io data path (`a.data.b`) in plain JSON data. The keys
 * come from the portal's forms: one that would reach an object's prototype is never followed.
 */

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const partsOf = (path: string): string[] | null => {
  const parts = path.split('.');
  return parts.some((p) => UNSAFE_KEYS.has(p)) ? null : parts;
};

export function valueAt(data: unknown, path: string): unknown {
  const parts = partsOf(path);
  if (!parts) return undefined;
  let node: unknown = data;
  for (const part of parts) {
    if (!isRecord(node) || !Object.hasOwn(node, part)) return undefined;
    node = node[part];
  }
  return node;
}

/** Sets the value, making the objects on the way (what stood there and was not an object is replaced). */
export function setValueAt(data: Record<string, unknown>, path: string, value: unknown): void {
  const parts = partsOf(path);
  if (!parts) return;
  let node = data;
  for (const part of parts.slice(0, -1)) {
    if (!isRecord(node[part])) node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts.at(-1)!] = value;
}
