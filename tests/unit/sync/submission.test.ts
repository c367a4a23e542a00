import { describe, expect, it } from 'vitest';
import { applicationData, CLIENT_REFERENCE_KEY, fileKey, submissionSchema } from '../../../electron/core/sync/submission';

const submission = submissionSchema.parse({
  serviceId: 's1',
  serviceSlug: 'certificato',
  citizenFiscalCode: 'rssmra80a01h501u',
  openedBy: null,
  data: { applicant: { data: { completename: { data: { name: 'Mario' } } } }, motivo: 'x' },
  attachments: [
    { key: 'allegati', sha256: 'a'.repeat(64), name: 'a.pdf', mimeType: 'application/pdf', size: 10 },
    { key: 'allegati', sha256: 'b'.repeat(64), name: 'b.pdf', mimeType: 'application/pdf', size: 20 },
    { key: 'modulo', sha256: 'c'.repeat(64), name: 'modulo.pdf', mimeType: 'application/pdf', size: 30 },
  ],
  submittedAt: '2026-11-24T08:00:00Z',
});

describe('dati della pratica per il portale', () => {
  it('codice fiscale del richiedente, riferimento del client, file per campo', () => {
    const uploads = new Map(submission.attachments.map((a, i) => [fileKey(a), `u${i}`]));
    const data = applicationData('p-1', submission, uploads);
    expect(data.applicant).toEqual({ data: { completename: { data: { name: 'Mario' } }, fiscal_code: { data: { fiscal_code: 'RSSMRA80A01H501U' } } } });
    expect(data[CLIENT_REFERENCE_KEY]).toBe('p-1');
    expect((data.allegati as { data: { id: string } }[]).map((f) => f.data.id)).toEqual(['u0', 'u1']);
    expect((data.modulo as { data: { id: string } }[]).map((f) => f.data.id)).toEqual(['u2']);
    expect(submission.data).not.toHaveProperty(CLIENT_REFERENCE_KEY);
  });

  it('legge ciò che l’invio scrive: l’operatore che ha aperto la pratica non va perso', () => {
    expect(submissionSchema.parse({ ...submission, openedBy: 'mario.rossi' }).openedBy).toBe('mario.rossi');
    // A row written before the field existed reads as opened by the citizen.
    const { openedBy: _dropped, ...older } = submission;
    expect(submissionSchema.parse(older).openedBy).toBeNull();
  });

  it('rifiuta un payload senza codice fiscale valido', () => {
    expect(submissionSchema.safeParse({ ...submission, citizenFiscalCode: 'X' }).success).toBe(false);
  });

  it('un campo file dentro un modulo annidato: i file vanno al suo percorso nei dati', () => {
    const nested = submissionSchema.parse({
      ...submission,
      data: { documenti: { data: { altro: 'x' } } },
      attachments: [{ key: 'documenti.data.identita', sha256: 'd'.repeat(64), name: 'ci.pdf', mimeType: 'application/pdf', size: 5 }],
    });
    const data = applicationData('p-2', nested, new Map([[fileKey(nested.attachments[0]!), 'u9']]), () => "Carta d'identità");
    expect(data.documenti).toEqual({
      data: { altro: 'x', identita: [expect.objectContaining({ data: { id: 'u9' }, originalName: 'ci.pdf', fileType: "Carta d'identità", type: 'application/pdf' })] },
    });
  });
});
