/** A pratica's fields as its module prints them: the review before the PIN, and the data sent in Dettaglio. */
import type { VoceRiepilogo } from '../../../../electron/shared/contract/firma';

const rientroDi = (voce: VoceRiepilogo) => ({ paddingInlineStart: `${voce.livello * 1.25}rem` });

function Voce({ voce }: { voce: VoceRiepilogo }) {
  const rientro = rientroDi(voce);
  return (
    <div className="row py-1 border-bottom riepilogo-voce" style={rientro}>
      <dt className="col-12 col-md-5 fw-semibold">{voce.etichetta}</dt>
      <dd className="col-12 col-md-7 mb-0">
        {voce.tipo === 'elenco' && voce.righe.length > 0 ? (
          <ol className="mb-0 ps-3">{voce.righe.map((riga, i) => <li key={i} data-testid="riepilogo-riga">{riga}</li>)}</ol>
        ) : voce.valore}
      </dd>
    </div>
  );
}

/** A group's heading, then its fields: a heading may not sit inside a <dl>, so each run of fields is a list of its own. */
export function Voci({ voci }: { voci: VoceRiepilogo[] }) {
  const blocchi: (VoceRiepilogo | VoceRiepilogo[])[] = [];
  for (const v of voci) {
    const ultimo = blocchi[blocchi.length - 1];
    if (v.tipo === 'titolo') blocchi.push(v);
    else if (Array.isArray(ultimo)) ultimo.push(v);
    else blocchi.push([v]);
  }
  return blocchi.map((b, i) =>
    Array.isArray(b) ? (
      <dl key={i} className="mb-0">{b.map((v, j) => <Voce key={j} voce={v} />)}</dl>
    ) : (
      <h4 key={i} className="h6 mt-3 mb-1" style={rientroDi(b)}>{b.etichetta}</h4>
    ),
  );
}
