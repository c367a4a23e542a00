/**
 * Every migration, in order. Add one line per new `NNN-name.ts` file
 * (001-099 catalogue / pratiche / citizens, 100-199 sync).
 */
import type { Migration } from './migration';
import m001 from './001-catalogue';
import m002 from './002-catalogue-search';
import m003 from './003-pratiche';
import m004 from './004-allegati';
import m005 from './005-cittadini';
import m006 from './006-outbox';
import m007 from './007-pratiche-pagamento';
import m008 from './008-catalogue-search-prefix';
import m009 from './009-catalogue-summary';
import m010 from './010-moduli-firmati';
import m011 from './011-form-helper-cache';
import m012 from './012-profili-cittadino';
import m013 from './013-pratiche-testi-sigillati';
import m014 from './014-catalogue-search-terms';
import m015 from './015-allegati-sigillati';
import m101 from './101-outbox-sending';
import m102 from './102-remote-pratiche';
import m103 from './103-pratiche-catalogue-changed';
import m104 from './104-outbox-lease';
import m105 from './105-messaggi';
import m106 from './106-remote-pagamento';
import m107 from './107-remote-appuntamenti';
import m201 from './201-desk';
import m202 from './202-audit-sigillo';
import m203 from './203-moduli-per-conto';

export type { Migration } from './migration';

export const migrations: readonly Migration[] = [m001, m002, m003, m004, m005, m006, m007, m008, m009, m010, m011, m012, m013, m014, m015, m101, m102, m103, m104, m105, m106, m107, m201, m202, m203];
