/** The desk's own translation namespace ("desk"), added to the app's i18next instance. */
import i18next from '../../i18n';
import it from './it.json';
import en from './en.json';

export const DESK_NS = 'desk';

i18next.addResourceBundle('it', DESK_NS, it, true, false);
i18next.addResourceBundle('en', DESK_NS, en, true, false);
