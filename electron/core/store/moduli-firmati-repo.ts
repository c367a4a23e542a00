/** The signed module of a pratica (table `moduli_firmati`, migration 010). */
import { guard, type Db } from './database';

export interface ModuloFirmato {
  praticaId: string;
  pdfSha256: string;
  p7mSha256: string;
  p7mSize: number;
  /** Fingerprint of the data and attachments the module shows. */
  dataSha256: string;
  signerCf: string;
  signedAt: string;
}

interface Row {
  pratica_id: string;
  pdf_sha256: string;
  p7m_sha256: string;
  p7m_size: number;
  data_sha256: string;
  signer_cf: string;
  signed_at: string;
}

const toModulo = (r: Row): ModuloFirmato => ({
  praticaId: r.pratica_id,
  pdfSha256: r.pdf_sha256,
  p7mSha256: r.p7m_sha256,
  p7mSize: r.p7m_size,
  dataSha256: r.data_sha256,
  signerCf: r.signer_cf,
  signedAt: r.signed_at,
});

export function createModuliFirmatiRepo(db: Db) {
  const s = {
    get: db.prepare('SELECT * FROM moduli_firmati WHERE pratica_id = ?'),
    save: db.prepare(
      `INSERT INTO moduli_firmati (pratica_id, pdf_sha256, p7m_sha256, p7m_size, data_sha256, signer_cf, signed_at)
       VALUES (@praticaId, @pdfSha256, @p7mSha256, @p7mSize, @dataSha256, @signerCf, @signedAt)
       ON CONFLICT (pratica_id) DO UPDATE SET pdf_sha256 = excluded.pdf_sha256, p7m_sha256 = excluded.p7m_sha256,
         p7m_size = excluded.p7m_size, data_sha256 = excluded.data_sha256, signer_cf = excluded.signer_cf, signed_at = excluded.signed_at`,
    ),
  };
  return {
    get(praticaId: string): ModuloFirmato | null {
      const row = s.get.get(praticaId) as Row | undefined;
      return row ? toModulo(row) : null;
    },
    /** Records the signature, replacing an earlier one of the same pratica. */
    save: (m: ModuloFirmato): void => guard(() => void s.save.run(m)),
  };
}

export type ModuliFirmatiRepo = ReturnType<typeof createModuliFirmatiRepo>;
