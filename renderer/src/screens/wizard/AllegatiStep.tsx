import type { PraticaView } from '../../../../electron/shared/contract/pratiche';
import { sportello } from '../../platform/sportello';
import { unwrap } from '../../platform/call';
import { useLoad } from '../../platform/use-load';
import { ErrorAlert } from '../../components/ErrorAlert';
import { AllegatoSlot } from './AllegatoSlot';

/** The Allegati step: one box per document the service asks for. */
export function AllegatiStep({ pratica, onChanged }: { pratica: PraticaView; onChanged(p: PraticaView): void }) {
  const library = useLoad(() => unwrap(sportello.pratiche['attachments.library']({})), [pratica.revision]);
  return (
    <div>
      <ErrorAlert message={library.error} />
      {pratica.attachmentSlots.map((slot) => (
        <AllegatoSlot key={slot.key} praticaId={pratica.id} slot={slot} library={library.data ?? []} onChanged={onChanged} />
      ))}
    </div>
  );
}
