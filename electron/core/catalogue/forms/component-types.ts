/**
 * The Form.io component types Sportello renders and validates. Anything else in a form
 * (a premium or custom component) is reported as unsupported and left out, so one
 * exotic field never makes a whole service unusable.
 */
export const SUPPORTED_TYPES: ReadonlySet<string> = new Set([
  'textfield', 'textarea', 'number', 'password', 'checkbox', 'selectboxes', 'select', 'radio', 'email', 'url',
  'phoneNumber', 'tags', 'address', 'datetime', 'day', 'time', 'currency', 'survey', 'hidden', 'file',
  'container', 'datagrid', 'editgrid', 'panel', 'fieldset', 'columns', 'table', 'tabs', 'well',
  'htmlelement', 'content', 'button', 'form',
]);
