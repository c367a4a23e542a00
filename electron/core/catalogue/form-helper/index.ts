/** The portal forms' FormioHelper, answered by core: allowlist, portal port, offline copy, contract handler. */
export { parseHelperPath, FormHelperRefused, type HelperRequest, type HelperKind } from './allowlist';
export { createFormHelper, type FormHelper, type FormHelperOptions } from './form-helper';
export { createFormHelperCache, type FormHelperCache } from './cache-repo';
export { type FormHelperCatalogue } from './catalogue-answers';
export { FormHelperPortalFailure, type FormHelperPortal } from './portal-port';
export { moduliHandlers } from './handlers';
