/**
 * vitest setup: the form-logic sandbox loaded before any test validates a form, as createCore
 * does at start (validation is synchronous and needs it ready).
 */
import { prepareFormLogic } from '../../electron/core/catalogue/forms/form-logic';

await prepareFormLogic();
