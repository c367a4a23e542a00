/** The module of a pratica an operator sent for an identified citizen (table `moduli_per_conto`, migration 203). */
import { guard, type Db } from './database';

export interface ModuloPerConto {
  praticaId: string;
  pdfSha256: string;
  pdfSize: number;
  /** Fingerprint of the data and attachments the module shows. */
  dataSha256: string;
  operatore: string;
  operatoreNome: string;
  documento: { tipo: string; etichetta: string; numero: string };
  createdAt: string;
}

interface Row {
  pratica_id: string;
  pdf_sha256: string;
  pdf_size: number;
  data_sha256: string;
  operatore: string;
  operatore_nome: string;
  documento_tipo: string;
  documento_etichetta: string;
  documento_numero: string;
  created_at: string;
}

const toModulo = (r: Row): ModuloPerConto => ({
  praticaId: r.pratica_id,
  pdfSha256: r.pdf_sha256,
  pdfSize: r.pdf_size,
  dataSha256: r.data_sha256,
  operatore: r.operatore,
  operatoreNome: r.operatore_nome,
  documento: { tipo: r.documento_tipo, etichetta: r.documento_etichetta, numero: r.documento_numero },
  createdAt: r.created_at,
});

export function createModuliPerContoRepo(db: Db) {
  const s = {
    get: db.prepare('SELECT * FROM moduli_per_conto WHERE pratica_id = ?'),
    save: db.prepare(
      `INSERT INTO moduli_per_conto (pratica_id, pdf_sha256, pdf_size, data_sha256, operatore, operatore_nome, documento_tipo, documento_etichetta, documento_numero, created_at)
       VALUES (@praticaId, @pdfSha256, @pdfSize, @dataSha256, @operatore, @operatoreNome, @documentoTipo, @documentoEtichetta, @documentoNumero, @createdAt)
       ON CONFLICT (pratica_id) DO UPDATE SET pdf_sha256 = excluded.pdf_sha256, pdf_size = excluded.pdf_size, data_sha256 = excluded.data_sha256,
         operatore = excluded.operatore, operatore_nome = excluded.operatore_nome, documento_tipo = excluded.documento_tipo,
         documento_etichetta = excluded.documento_etichetta, documento_numero = excluded.documento_numero, created_at = excluded.created_at`,
    ),
  };
  return {
    get(praticaId: string): ModuloPerConto | null {
      const row = s.get.get(praticaId) as Row | undefined;
      return row ? toModulo(row) : null;
    },
    /** Records the module, replacing an earlier one of the same pratica (a new attempt to send it). */
    save: (m: ModuloPerConto): void =>
      guard(() => void s.save.run({
        praticaId: m.praticaId, pdfSha256: m.pdfSha256, pdfSize: m.pdfSize, dataSha256: m.dataSha256, operatore: m.operatore,
        operatoreNome: m.operatoreNome, documentoTipo: m.documento.tipo, documentoEtichetta: m.documento.etichetta, documentoNumero: m.documento.numero, createdAt: m.createdAt,
      })),
  };
}

export type ModuliPerContoRepo = ReturnType<typeof createModuliPerContoRepo>;
