/**
 * identifyCard over every ATR of pcsc-tools' smartcard_list.txt (tests/fixtures/smartcard-list).
 *
 * Only concrete entries are tried: an entry written with wildcards (`..`, `3.`), classes
 * (`[05]`) or `.*` stands for many ATRs, none of which anybody reported as such, so it is
 * skipped rather than filled with invented bytes; a test below checks that no skipped
 * entry is a CIE or a CNS-family card, so nothing the tables need is lost that way.
 */
import { describe, expect, it } from 'vitest';
import { CardError } from '../../../native/apdu/errors';
import { parseAtr } from '../../../native/cns/atr';
import { CIE_MESSAGE, cieFamilyOf, identifyCard, type CieFamily } from '../../../native/cns/card-profile';
import { concreteAtr, readSmartcardList, type AtrListEntry } from '../../support/smartcard-list';

interface ListAtr {
  readonly entry: AtrListEntry;
  readonly atr: Uint8Array;
}

const LIST = readSmartcardList();
const CONCRETE: readonly ListAtr[] = LIST.flatMap((entry) => {
  const atr = concreteAtr(entry);
  return atr ? [{ entry, atr }] : [];
});

/** What the people who reported the card called an Italian identity card; line by line, so two cards of one entry do not mix. */
const ITALIAN_IDENTITY_CARD = [
  /cartaidentita\.interno\.gov\.it/i,
  /carta d['’]identit|carta di identit/i,
  /\bital(?:y|ian)\b.*\b(?:identity|identifity|id) card\b/i,
  /\bitalian card identity\b/i,
  /\bidentity card of (?:the )?italian republic\b/i,
];

function namesItalianIdentityCard(entry: AtrListEntry): boolean {
  return entry.descriptions.some(
    (line) => ITALIAN_IDENTITY_CARD.some((words) => words.test(line)) || (/\bCIE\b/.test(line) && /\(eID\)|identit/i.test(line)),
  );
}

function namesCnsFamily(entry: AtrListEntry): boolean {
  return entry.descriptions.some((line) => /\bCNS\b|\bCRS\b|Carta Nazionale dei Servizi|Tessera Sanitaria|Carta Regionale dei Servizi/i.test(line));
}

/** Historical bytes of a well-formed ATR in the CNS layout: 15 bytes, "CNS" at H10..H12. */
function cnsHistorical(atr: Uint8Array): Uint8Array | undefined {
  let historical: Uint8Array;
  try {
    historical = parseAtr(atr).historical;
  } catch {
    return undefined;
  }
  return historical.length === 15 && String.fromCharCode(...historical.subarray(9, 12)) === 'CNS' ? historical : undefined;
}

/** 'cns', or the code of the CardError identifyCard refuses the card with. */
function outcomeOf(atr: Uint8Array): string {
  try {
    identifyCard(atr);
    return 'cns';
  } catch (error) {
    if (!(error instanceof CardError)) throw error;
    return error.code;
  }
}

/**
 * Every CIE of the list, by ATR, with the rule of card-profile.ts that covers it. Before
 * the family rules, identifyCard told apart 3 of them (the two ITNXP ones and the CIE v1);
 * the others were "carta non riconosciuta".
 */
const EXPECTED_CIE: Readonly<Record<string, CieFamily>> = {
  '3B8B80018066475000B8007F8290002E': 'cie-3-contactless-47-50',
  '3B8B80018066475000B80094829000C5': 'cie-3-contactless-47-50',
  '3B8E80018031806549544E5850120FFF8290F0': 'cie-3-it-chip',
  '3B8E80018031806549544E5850120FFFFFFFE2': 'cie-3-it-chip',
  '3B8F80010000000000000000000000FF829000E3': 'cie-3-contactless-zeri',
  '3B8F80018031806549544A3441120FFF82900088': 'cie-3-it-chip',
  // Listed without its TCK, so not a well-formed ATR; the CIE check reads it anyway (see readForCie).
  '3B8F80018031806549544A3442120FFF829000': 'cie-3-it-chip',
  '3B8F80018031806549544A3442120FFF8290008B': 'cie-3-it-chip',
  '3B8F80018031806549544A3443120FFF8290008A': 'cie-3-it-chip',
  '3B8F80018031806549544A3444120FFF8290008D': 'cie-3-it-chip',
  '3B8F80018031806549544A3449120FFF82900080': 'cie-3-it-chip',
  '3B8F80018031806549544A344C120FFF82900085': 'cie-3-it-chip',
  '3B8F800180318065B085040011120FFF8290008A': 'cie-3-contactless-b0-85',
  '3BE900FFC11031FE5500640500C80231800047': 'cie-1-2-contatti',
  '3BF41800FF8131805500318000C7': 'cie-1-2-contatti',
  '3BFE9100FF918171FE400041200051779180318065B0850300FB': 'cie-parma',
  '3BFF1800FF8131FE55006B02091300024954494420203180D3': 'cie-2-incard',
  '3BFF1800FF8131FE55006B0209130301000150534510318094': 'cie-2-incard',
};

/**
 * CIEs whose list description does not say "Italian": each is told a CIE by its bytes,
 * and is the only exception to "classified CIE implies described as an Italian identity card".
 */
const CIE_DESCRIBED_WITHOUT_COUNTRY: Readonly<Record<string, string>> = {
  // "Identity Card (eID)": the same bytes as the "Italian Identity Card CIE" entry, which lacks this TCK.
  '3B8F80018031806549544A3442120FFF8290008B': 'ITJ4B with TCK',
  // "electronic identity card (PKI)": historical bytes "ITID" on the Incard mask of the "Italian Electronic ID Card".
  '3BFF1800FF8131FE55006B02091300024954494420203180D3': 'ITID',
};

/**
 * List ATRs identify as CNS: 39, measured before the CIE family rules by running the
 * previous identifyCard (exact CIE v1 ATR and the "ITNXP" fragment, then the CNS check)
 * over the concrete ATRs of this same fixture with a throwaway tsx script. The CNS check
 * did not change, so the count must not drop; it may only rise with a deliberate CNS rule.
 */
const CNS_IDENTIFIED_BEFORE = 39;

describe('pcsc-tools ATR list', () => {
  it('is read whole: every ATR line is an entry with a description', () => {
    // grep -c '^[0-9A-F]' smartcard_list.txt
    expect(LIST.length).toBe(5070);
    expect(LIST.every((entry) => entry.descriptions.length > 0)).toBe(true);
    expect(CONCRETE.length).toBe(4832);
  });

  it('skips only wildcard entries that are neither CIE nor CNS-family', () => {
    const skipped = LIST.filter((entry) => !concreteAtr(entry));
    expect(skipped.filter((entry) => namesItalianIdentityCard(entry) || namesCnsFamily(entry)).map((e) => e.pattern)).toEqual([]);
  });
});

describe('every CIE of the list', () => {
  const found: Record<string, CieFamily> = {};
  for (const { entry, atr } of CONCRETE) {
    const family = cieFamilyOf(atr);
    if (family) found[entry.pattern] = family;
  }

  it('is classified CIE by its family, and nothing else of the list is', () => {
    expect(found).toEqual(EXPECTED_CIE);
  });

  it('includes every entry described as an Italian identity card', () => {
    const named = CONCRETE.filter(({ entry }) => namesItalianIdentityCard(entry)).map(({ entry }) => entry.pattern);
    expect(named.length).toBe(16);
    expect(named.filter((pattern) => !(pattern in EXPECTED_CIE))).toEqual([]);
  });

  it('is described as an Italian identity card, but for the two cards whose bytes say so', () => {
    const unnamed = CONCRETE.filter(({ entry, atr }) => cieFamilyOf(atr) && !namesItalianIdentityCard(entry)).map(({ entry }) => entry.pattern);
    expect(unnamed.sort()).toEqual(Object.keys(CIE_DESCRIBED_WITHOUT_COUNTRY).sort());
  });

  it.each(Object.keys(EXPECTED_CIE))('%s is refused with the CIE message', (pattern) => {
    const { atr } = CONCRETE.find(({ entry }) => entry.pattern === pattern)!;
    let error: unknown;
    try {
      identifyCard(atr);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CardError);
    expect((error as CardError).code).toBe('carta-cie');
    expect((error as CardError).message).toBe(CIE_MESSAGE);
  });
});

describe('CNS-family cards of the list', () => {
  const cnsFamily = CONCRETE.filter(({ entry, atr }) => namesCnsFamily(entry) || cnsHistorical(atr));
  const structured = cnsFamily.filter(({ atr }) => cnsHistorical(atr));

  it.each(structured.map((row) => [row.entry.pattern, row] as const))('%s still identifies as CNS with the fields its historical bytes give', (_, { atr }) => {
    const h = cnsHistorical(atr)!;
    expect(identifyCard(atr)).toMatchObject({
      kind: 'cns',
      chipMaker: h[2],
      maskMakerCode: h[3],
      firmware: (h[4]! << 8) | h[5]!,
      cnsVersion: h[12],
    });
  });

  it('are never taken for a CIE; those without the CNS layout stay unknown as before', () => {
    const others = cnsFamily.filter(({ atr }) => !cnsHistorical(atr));
    expect(others.length).toBeGreaterThan(0);
    expect(others.filter(({ atr }) => outcomeOf(atr) !== 'carta-non-riconosciuta').map(({ entry }) => entry.pattern)).toEqual([]);
    expect(cnsFamily.filter(({ entry }) => entry.pattern in EXPECTED_CIE).map(({ entry }) => entry.pattern)).toEqual([]);
  });

  it('are as many as before the CIE family rules', () => {
    expect(CONCRETE.filter(({ atr }) => outcomeOf(atr) === 'cns').length).toBe(CNS_IDENTIFIED_BEFORE);
    expect(structured.length).toBe(CNS_IDENTIFIED_BEFORE);
  });
});

describe('the rest of the list', () => {
  it('is refused as unknown, neither CNS nor CIE', () => {
    const rest = CONCRETE.filter(({ entry, atr }) => !(entry.pattern in EXPECTED_CIE) && !cnsHistorical(atr));
    expect(rest.filter(({ atr }) => outcomeOf(atr) !== 'carta-non-riconosciuta').map(({ entry }) => entry.pattern)).toEqual([]);
  });
});
