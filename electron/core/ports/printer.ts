/** Silent printing of a PDF (receipts, autocertificazioni) on a kiosk or desk printer. */
export interface PrinterPort {
  print(pdf: Uint8Array, jobName: string): Promise<void>;
}
