/**
 * Selects whose options a form's script asks the portal for (`dataSrc: "custom"` calling
 * FormioHelper.authenticatedCall, then `instance.setItems`), as the portal's booking form has
 * them: Giorno reads the chosen office, Orario the office and the day, Motivo the office.
 *
 * Form.io runs such a script when the select is drawn and again each time its native <select>
 * gets the focus, and never when the field it reads changes unless the form says so
 * (`refreshOn`, which the portal's forms do not set). So the day's list was asked for only when
 * the citizen touched it, and opened empty until the portal answered. Here a list is asked for
 * again as soon as a field above it that its script reads changes, and a touch only opens it.
 */
import { Components } from '@formio/js/form';

type Component = Record<string, unknown>;

interface SelectInstance {
  component: Component;
  root?: unknown;
  selectItems?: unknown;
  refs: { selectContainer?: HTMLSelectElement };
  itemsLoadedResolve?: () => void;
  updateCustomItems(forceUpdate?: boolean): unknown;
  setMetadata(value: unknown, flags?: unknown): void;
  addPlaceholder(): void;
}
type SelectClass = new (...args: unknown[]) => SelectInstance;

const FormioSelect = (Components.components as Record<string, SelectClass>).select!;

class ListedSelect extends FormioSelect {
  override updateCustomItems(forceUpdate?: boolean): unknown {
    // The focus of the native select (Form.io's only unforced call) would empty a list already there.
    if (!forceUpdate && this.component.widget === 'html5' && Array.isArray(this.selectItems) && this.selectItems.length > 0) {
      this.itemsLoadedResolve?.();
      return undefined;
    }
    return super.updateCustomItems(forceUpdate);
  }

  override setMetadata(value: unknown, flags?: unknown): void {
    // A list that arrives after its step was left (the citizen went on, or back with Modifica) belongs to no
    // form any more: Form.io would write its metadata into `this.root.submission` and throw on the missing root.
    if (!this.root) return;
    super.setMetadata(value, flags);
  }

  override addPlaceholder(): void {
    // Form.io adds the placeholder again when it sets an empty value before the list has come (setValue, then
    // addValueOptions without emptying the <select>): one is enough.
    const select = this.refs.selectContainer;
    if (this.component.widget === 'html5' && select && Array.from(select.options).some((o) => o.value === '')) return;
    super.addPlaceholder();
  }
}

/** Form.io draws every select of every form, nested ones too, with this class from now on. */
export function installListedSelects(): void {
  if ((Components.components as Record<string, unknown>).select !== ListedSelect) Components.setComponent('select', ListedSelect);
}
