import { useState } from 'react';
import { sportello } from './sportello';
import { unwrap } from './call';
import { useAction } from './use-load';
import { saveFile } from './download';

export interface PdfToPrint {
  pdfBase64: string;
  nomeFile: string;
  /** The job's name in the printer's queue; the file's name when not given. */
  jobName?: string;
}

/**
 * A PDF from core, printed silently where the installation has a printer (the kiosk's 80 mm one),
 * offered to save otherwise. `printed` says the printer took it; `saved`, that there was no printer and the file was offered.
 */
export function usePrintPdf() {
  const action = useAction();
  const [printed, setPrinted] = useState(false);
  const [saved, setSaved] = useState(false);
  const print = async (make: () => Promise<PdfToPrint>) => {
    setPrinted(false);
    setSaved(false);
    const pdf = await action.run(make);
    if (!pdf) return;
    const outcome = await action.run(() => unwrap(sportello.app.print({ jobName: (pdf.jobName ?? pdf.nomeFile).slice(0, 80), pdfBase64: pdf.pdfBase64 })));
    if (outcome?.printed) setPrinted(true);
    else if (outcome) {
      saveFile(pdf.pdfBase64, pdf.nomeFile, 'application/pdf');
      setSaved(true);
    }
  };
  return { print, printed, saved, busy: action.busy, error: action.error };
}
