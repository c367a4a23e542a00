/** The portal forms' FormioHelper, answered by core: allowlist, portal port, offline copy, contract handler. */
export { parseHelperPath, FormHelperRefused, type HelperRequest, type HelperKind } from './allowlist';
export { createFormHelper, FORM_HELPER_DEADLINE_MS, type FormHelper, type FormHelperOptions } from './form-helper';
export { createFormHelperCache, type FormHelperCache } from './cache-repo';
export { catalogueAnswer, type FormHelperCatalogue } from './catalogue-answers';
export { FormHelperPortalFailure, type FormHelperPortal } from './portal-port';
export { moduliHandlers } from './handlers';
