/** Form.io's schema as a tree: where a component keeps the components it holds. */
export type Componente = Record<string, unknown>;

/**
 * `change` applied to every component of the tree, each component's children after it (in
 * `components`, a layout's `columns`, a table's `rows` of cells); the input is left as it is.
 */
export function mapComponents(components: readonly unknown[], change: (c: Componente) => Componente): Componente[] {
  return components.map((raw) => {
    const c = { ...change(raw as Componente) };
    if (Array.isArray(c.components)) c.components = mapComponents(c.components as unknown[], change);
    if (Array.isArray(c.columns)) {
      c.columns = (c.columns as unknown[]).map((col) => {
        const column = col as Componente;
        return Array.isArray(column.components) ? { ...column, components: mapComponents(column.components as unknown[], change) } : col;
      });
    }
    if (Array.isArray(c.rows)) {
      c.rows = (c.rows as unknown[]).map((row) =>
        Array.isArray(row) ? row.map((cell: Componente) => (Array.isArray(cell?.components) ? { ...cell, components: mapComponents(cell.components as unknown[], change) } : cell)) : row,
      );
    }
    return c;
  });
}

/** The components `c` holds, in order, wherever it keeps them (see mapComponents). */
export function childrenOf(c: Componente): Componente[] {
  const out: Componente[] = [];
  const isObject = (v: unknown): v is Componente => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (Array.isArray(c.components)) out.push(...(c.components as Componente[]));
  if (Array.isArray(c.columns)) for (const col of c.columns) if (isObject(col) && Array.isArray(col.components)) out.push(...(col.components as Componente[]));
  if (Array.isArray(c.rows)) {
    for (const row of c.rows) if (Array.isArray(row)) for (const cell of row) if (isObject(cell) && Array.isArray(cell.components)) out.push(...(cell.components as Componente[]));
  }
  return out;
}
