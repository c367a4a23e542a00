/**
 * Repeating groups (Form.io's edit grids and data grids) usable on a kiosk screen.
 *
 * Form.io draws an edit grid's header and closed rows with its bundled templates (the sandbox's
 * evaluator sets `noeval`, so a form's own `templates.header/row` are never run): a header of
 * every label in columns, a row of values with "[Complex Data]" for a nested form, icon-only
 * buttons. Every edit grid shows instead one card per item, with a line built from the item's
 * values (riepilogo-riga.ts) and "Modifica" / "Rimuovi" in words. The card is built by our code
 * from the data, never from a template string.
 *
 * A data grid is a table of fields whose cells carry each field's own label: under a width, or
 * when it has many columns, its rows are stacked as cards with those labels shown (app.css).
 */
import { Formio } from '@formio/js/form';
import { riepilogoRiga, type Componente } from './riepilogo-riga';

/** Set on an edit grid whose author gave no templates: the words of its card's buttons. */
const SCHEDE = 'sportelloSchede';
/** More columns than this never fit a kiosk's width as a table: always cards. */
const MAX_COLONNE = 4;

export interface EtichetteRiga {
  edit: string;
  remove: string;
}

/** The schema's repeating groups prepared as above; the rest unchanged. */
export function withRepeatingGroups(c: Componente, etichette: EtichetteRiga): Componente {
  // Its table display has the same defaults (labels as columns, "[Complex Data]"): a card too.
  if (c.type === 'editgrid') return { ...c, displayAsTable: false, [SCHEDE]: etichette };
  if (c.type === 'datagrid' && Array.isArray(c.components)) {
    const columns = c.components as Componente[];
    const always = columns.length > MAX_COLONNE ? ' griglia-a-schede' : '';
    return { ...c, customClass: `${String(c.customClass ?? '')} griglia-dati${always}`.trim() };
  }
  return c;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);

interface EditGridRow {
  state: string;
}
interface EditGridInstance {
  component: Componente & { [SCHEDE]?: EtichetteRiga };
  dataValue: unknown[];
  options: { readOnly?: boolean };
  disabled: boolean;
  isOpen(row: EditGridRow): boolean;
  hasRemoveButtons(): boolean;
}
type EditGridClass = new (...args: unknown[]) => EditGridInstance & { renderRow(row: EditGridRow, index: number): string };

const formioComponents = () => Formio.Components as unknown as { components: Record<string, EditGridClass>; setComponent(name: string, c: unknown): void };
/** Form.io's own edit grid. */
const editGridClass = (): EditGridClass => formioComponents().components.editgrid!;

/** An item's card: its line and its two buttons, each named with the item it acts on. */
function schedaRiga(riepilogo: string, etichette: EtichetteRiga, pulsanti: { edit: boolean; remove: boolean }): string {
  const line = escapeHtml(riepilogo);
  const button = (cls: string, style: string, text: string) =>
    `<button type="button" class="btn ${style} ${cls}" aria-label="${escapeHtml(`${text}: ${riepilogo}`)}">${escapeHtml(text)}</button>`;
  return [
    '<div class="scheda-riga">',
    `<p class="scheda-riga-riepilogo" data-testid="riepilogo-riga">${line}</p>`,
    '<div class="scheda-riga-azioni">',
    pulsanti.edit ? button('editRow', 'btn-outline-primary', etichette.edit) : '',
    pulsanti.remove ? button('removeRow', 'btn-outline-danger', etichette.remove) : '',
    '</div></div>',
  ].join('');
}

let installed = false;

/** Replaces Form.io's edit grid with one that draws a closed item as its card (see above). */
export function installRepeatingGroups(): void {
  if (installed) return;
  installed = true;
  const EditGrid = editGridClass();
  const header = Object.getOwnPropertyDescriptor(EditGrid.prototype, 'headerTemplate')?.get;
  class SchedeEditGrid extends EditGrid {
    /** The card says what each item is: a header of column labels above it would say nothing. */
    get headerTemplate(): string {
      return this.component[SCHEDE] ? '' : String(header?.call(this) ?? '');
    }
    override renderRow(row: EditGridRow, index: number): string {
      const etichette = this.component[SCHEDE];
      if (!etichette || this.isOpen(row)) return super.renderRow(row, index);
      const value = this.dataValue[index];
      const riepilogo = riepilogoRiga((this.component.components as Componente[]) ?? [], typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {});
      const editable = !this.options.readOnly && !this.disabled;
      return schedaRiga(riepilogo || `${index + 1}`, etichette, { edit: editable, remove: editable && this.hasRemoveButtons() });
    }
  }
  formioComponents().setComponent('editgrid', SchedeEditGrid);
}
