import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_FILES_PER_MESSAGE, MAX_MESSAGE_CHARS, type ConversazioneView, type MessaggioView } from '../../../electron/shared/contract/messaggi';
import { sportello } from '../platform/sportello';
import { unwrap } from '../platform/call';
import { useAction, useLoad } from '../platform/use-load';
import { fileToBase64 } from '../platform/files';
import { dimensioneLeggibile } from '../../../electron/shared/dimensione-file';
import { saveFile } from '../platform/download';
import { Busy } from '../components/Busy';
import { ErrorAlert } from '../components/ErrorAlert';
import { formatDate } from '../components/dates';

/**
 * The conversation of a sent pratica with the comune's office, oldest first, and the box to write
 * (or, when the office asked for an integration, to answer it). New messages of the comune arrive
 * with sync (`sync.pratica`); the citizen's show their state until the portal has them.
 */
export function Conversazione({ praticaId }: { praticaId: string }) {
  const { t } = useTranslation();
  const load = useLoad(() => unwrap(sportello.pratiche['messaggi.list']({ id: praticaId })), [praticaId]);
  const { reload, replace } = load;
  useEffect(() => {
    return sportello.on('sync.pratica', (e) => e.praticaId === praticaId && reload());
  }, [praticaId, reload]);
  // Opened: the comune's messages are read.
  const unread = load.data?.nonLetti ?? 0;
  useEffect(() => {
    if (unread > 0) void unwrap(sportello.pratiche['messaggi.letti']({ id: praticaId })).then(replace, () => undefined);
  }, [unread, praticaId, replace]);

  if (load.error) return <ErrorAlert message={load.error} />;
  if (!load.data) return <Busy />;
  const c = load.data;
  return (
    <section className="mb-4" aria-labelledby="titolo-messaggi">
      <h2 className="h4" id="titolo-messaggi">{t('messaggi.titolo')}</h2>
      {c.messaggi.length === 0 && <p data-testid="messaggi-vuoti">{t('messaggi.nessuno')}</p>}
      <ol className="list-unstyled" data-testid="messaggi">
        {c.messaggi.map((m) => <Messaggio key={m.id} praticaId={praticaId} m={m} />)}
      </ol>
      {c.richiestaInRegistrazione && <p className="alert alert-info" data-testid="richiesta-in-registrazione">{t('messaggi.integrazione.in-registrazione')}</p>}
      {c.puoScrivere ? <Scrivi praticaId={praticaId} risposta={c.rispostaAttesa} onSent={replace} /> : <p className="text-muted">{t('messaggi.chiusa')}</p>}
    </section>
  );
}

function Messaggio({ praticaId, m }: { praticaId: string; m: MessaggioView }) {
  const { t } = useTranslation();
  const action = useAction();
  const download = async (posizione: number) => {
    const file = await action.run(() => unwrap(sportello.pratiche['messaggi.allegato']({ id: praticaId, messaggioId: m.id, posizione })));
    if (file) saveFile(file.contentBase64, file.nomeFile, file.mimeType);
  };
  const mine = m.da === 'cittadino';
  return (
    <li className={`border rounded mb-3 ${mine ? 'ms-md-5 border-primary bg-light' : 'me-md-5'} ${m.integrazione === 'richiesta' ? 'border-warning border-2' : ''}`} data-testid="messaggio" data-da={m.da}>
      <div className="p-3">
        <p className="small mb-2">
          <span className="fw-semibold">{mine ? t('messaggi.tu') : t('messaggi.comune')}</span> · {formatDate(m.scrittoIl, true)}
          {m.integrazione && <span className="badge bg-warning text-dark ms-2">{t(`messaggi.integrazione.${m.integrazione}`)}</span>}
          {mine && <span className={`badge ms-2 ${m.stato === 'non-inviato' ? 'bg-danger' : m.stato === 'inviato' ? 'bg-success' : 'bg-secondary'}`} data-testid="stato-messaggio">{t(`messaggi.stato.${m.stato}`)}</span>}
        </p>
        {m.conservato ? <p className="mb-2 text-break" style={{ whiteSpace: 'pre-wrap' }} data-testid="testo-messaggio">{m.testo}</p> : <p className="text-muted">{t('messaggi.non-conservato')}</p>}
        {m.errore && <p className="text-danger small">{m.errore}</p>}
        {m.allegati.length > 0 && (
          <div className="d-flex flex-wrap gap-2">
            {m.allegati.map((a) => (
              <button key={a.posizione} type="button" className="btn btn-outline-primary btn-sm" disabled={action.busy} onClick={() => void download(a.posizione)} data-testid="allegato-messaggio">
                {t('messaggi.scarica', { nome: a.nome, dimensione: dimensioneLeggibile(a.dimensione) })}
              </button>
            ))}
          </div>
        )}
        <ErrorAlert message={action.error} />
      </div>
    </li>
  );
}

function Scrivi({ praticaId, risposta, onSent }: { praticaId: string; risposta: boolean; onSent(c: ConversazioneView): void }) {
  const { t } = useTranslation();
  const textId = useId();
  const fileId = useId();
  const [testo, setTesto] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const action = useAction();
  const send = async () => {
    const allegati = await Promise.all(files.map(async (f) => ({ name: f.name, contentBase64: await fileToBase64(f) })));
    const c = await action.run(() => unwrap(sportello.pratiche['messaggi.invia']({ id: praticaId, testo, allegati, risposta })));
    if (!c) return;
    setTesto('');
    setFiles([]);
    onSent(c);
  };
  return (
    <div className={`p-3 border rounded ${risposta ? 'border-warning border-2' : ''}`} data-testid={risposta ? 'rispondi-integrazione' : 'scrivi-messaggio'}>
      {risposta && <p className="fw-semibold">{t('messaggi.integrazione.richiesta-testo')}</p>}
      <div className="form-group">
        <label htmlFor={textId} className="active fw-semibold">{risposta ? t('messaggi.risposta') : t('messaggi.nuovo')}</label>
        <textarea id={textId} className="form-control" rows={4} maxLength={MAX_MESSAGE_CHARS} value={testo} onChange={(e) => setTesto(e.target.value)} data-testid="testo-nuovo-messaggio" />
      </div>
      {files.length > 0 && (
        <ul className="list-group mb-3">
          {files.map((f, i) => (
            <li key={`${f.name}-${i}`} className="list-group-item d-flex justify-content-between align-items-center" data-testid="file-del-messaggio">
              <span>{f.name} · {dimensioneLeggibile(f.size)}</span>
              <button type="button" className="btn btn-outline-danger" onClick={() => setFiles(files.filter((_, j) => j !== i))}>{t('allegati.rimuovi')}</button>
            </li>
          ))}
        </ul>
      )}
      <div className="d-flex flex-wrap gap-3 align-items-center">
        {files.length < MAX_FILES_PER_MESSAGE && (
          <>
            <label htmlFor={fileId} className="btn btn-outline-primary mb-0 file-label">{t('messaggi.allega')}</label>
            <input id={fileId} type="file" className="visually-hidden" data-testid="file-messaggio" onChange={(e) => {
              const picked = e.target.files?.[0];
              if (picked) setFiles([...files, picked]);
              e.target.value = '';
            }} />
          </>
        )}
        <button type="button" className="btn btn-primary btn-lg" disabled={action.busy || testo.trim() === ''} onClick={() => void send()} data-testid="invia-messaggio">
          {risposta ? t('messaggi.invia-risposta') : t('messaggi.invia')}
        </button>
      </div>
      <p className="small mt-2">{t('messaggi.formati', { massimo: MAX_FILES_PER_MESSAGE })}</p>
      {action.busy && <Busy label={t('messaggi.invio')} />}
      <ErrorAlert message={action.error} />
    </div>
  );
}
