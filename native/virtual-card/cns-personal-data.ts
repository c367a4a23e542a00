/**
 * EF_DatiPersonali as CNS cards write it: 6 ASCII hex digits of length, then
 * fields of 2 ASCII hex digits of length + ASCII value, zero padded to 400 bytes.
 * Cards disagree on whether the length counts its own 6 bytes: both are offered.
 */

export interface DatiPersonali {
  readonly issuerCode: string;
  /** ddmmyyyy */
  readonly issueDate: string;
  readonly expiryDate: string;
  readonly surname: string;
  readonly givenName: string;
  readonly birthDate: string;
  readonly sex: 'M' | 'F';
  readonly height: string;
  readonly codiceFiscale: string;
  readonly citizenshipCode: string;
  readonly birthMunicipalityCode: string;
  readonly birthCountry: string;
  readonly birthActReference: string;
  readonly residenceMunicipalityCode: string;
  readonly residenceAddress: string;
  readonly expatriationNotes: string;
}

export type LengthHeaderConvention = 'fields-only' | 'including-header';

const PERSONAL_DATA_FILE_SIZE = 400;

export function encodeDatiPersonali(data: DatiPersonali, convention: LengthHeaderConvention = 'fields-only'): Uint8Array {
  const order: (keyof DatiPersonali)[] = [
    'issuerCode', 'issueDate', 'expiryDate', 'surname', 'givenName', 'birthDate', 'sex', 'height',
    'codiceFiscale', 'citizenshipCode', 'birthMunicipalityCode', 'birthCountry', 'birthActReference',
    'residenceMunicipalityCode', 'residenceAddress', 'expatriationNotes',
  ];
  const fields = order
    .map((key) => {
      const value = data[key];
      if (value.length > 0xff || !/^[\x20-\x7e]*$/.test(value)) throw new Error(`${key}: not printable ASCII of at most 255 characters`);
      return value.length.toString(16).toUpperCase().padStart(2, '0') + value;
    })
    .join('');
  const total = fields.length + (convention === 'including-header' ? 6 : 0);
  const text = total.toString(16).toUpperCase().padStart(6, '0') + fields;
  if (text.length > PERSONAL_DATA_FILE_SIZE) throw new Error(`EF_DatiPersonali too long: ${text.length} bytes`);
  const file = new Uint8Array(PERSONAL_DATA_FILE_SIZE);
  file.set(Buffer.from(text, 'latin1'));
  return file;
}
