/**
 * The comune's coat of arms from the portal, at catalogue refresh: the URL the ente's `meta.logo`
 * names (portal-schemas.ts tenantInfoSchema), its bytes fetched and checked (catalogue/stemma.ts),
 * kept in the catalogue's tenant so the header has it offline. Fetched again only when the URL
 * changes: a kiosk need not ask the comune's website for the same image every cycle. A failure
 * keeps the copy already kept (a website down, a bad file) and is logged; a portal that no longer
 * names a logo takes it away.
 */
import type { Logger } from '../log/logger';
import { STEMMA_MAX_BYTES, verificaStemma, type Stemma } from '../catalogue/stemma';
import type { PortalClient } from './portal-port';
import { PortalError } from './portal-error';

export async function stemmaFromPortal(portal: PortalClient, current: Stemma | undefined, log?: Logger): Promise<Stemma | undefined> {
  let logo: string | null = null;
  try {
    logo = (await portal.getTenantInfo()).meta.logo;
    if (logo === null) return undefined;
    if (current?.url === logo) return current;
    const bytes = await portal.downloadImage(logo, STEMMA_MAX_BYTES);
    const esito = verificaStemma(bytes);
    if (esito.ok) return { url: logo, mime: esito.mime, base64: bytes.toString('base64') };
    log?.warn('catalogo: stemma del comune rifiutato', { url: logo, motivo: esito.motivo, copiaInCache: current !== undefined });
  } catch (error) {
    if (error instanceof PortalError && error.kind === 'account') throw error;
    log?.warn('catalogo: stemma del comune non scaricato', { url: logo, motivo: error instanceof Error ? error.message.slice(0, 300) : String(error), copiaInCache: current !== undefined });
  }
  return current;
}
