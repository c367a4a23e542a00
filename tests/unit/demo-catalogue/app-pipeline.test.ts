// The demo as the app sees it: read by the catalogue module, nested forms resolved (their scripts kept, run in the sandbox),
// samples validated by core's validation. Guards against the content and the catalogue code drifting apart.
import { join } from 'node:path';
import { CheckDigitizer } from '@marketto/codice-fiscale-utils';
import { describe, expect, it } from 'vitest';
import { readCatalogueDirectory } from '../../../electron/core/catalogue/read-directory';
import { resolveForm } from '../../../electron/core/catalogue/forms/resolve';
import { validateSubmission } from '../../../electron/core/catalogue/forms/validate';
import { expectedServiceSlugs } from './catalogue-files';
import { jsonNames, readJson, samplesDir, tenantDir } from './support';

const read = readCatalogueDirectory(tenantDir);
const forms = new Map(read.forms.map((f) => [f._id, f]));
const sampleData = (slug: string) => (readJson(join(samplesDir, `${slug}.json`)) as { data: Record<string, unknown> }).data;

/** Every codice fiscale in a sample, wherever it is nested. */
function fiscalCodes(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => fiscalCodes(v, found));
  else if (typeof value === 'object' && value !== null) {
    for (const [key, v] of Object.entries(value)) {
      if (typeof v === 'string' && /(fiscal_code|codice_fiscale)$/.test(key) && v.length === 16) found.push(v);
      else fiscalCodes(v, found);
    }
  }
  return found;
}

describe('demo catalogue through the catalogue module', () => {
  it('is read whole, with no form refused', () => {
    expect(read.services.map((s) => s.slug).sort()).toEqual(expectedServiceSlugs);
    expect(read.formProblems).toEqual([]);
    expect(read.forms.map((f) => f._id).sort()).toEqual(jsonNames(join(tenantDir, 'forms')));
  });

  it.each(expectedServiceSlugs)('resolves and validates the sample of %s with core validation', (slug) => {
    const service = read.services.find((s) => s.slug === slug)!;
    for (const step of service.flow_steps) {
      const resolved = resolveForm(forms.get(step.parameters.formio_id!)!, (id) => forms.get(id));
      expect(resolved.unsupported).toEqual([]);
      expect(resolved.nestedFormIds).toContain(step === service.flow_steps[0] ? 'anagrafica' : 'indirizzo');
      expect(validateSubmission(resolved.form.components, sampleData(slug))).toEqual([]);
      expect(validateSubmission(resolved.form.components, {}).length).toBeGreaterThan(0);
    }
  });

  it('keeps the tariff band script, which core runs in the sandbox as the renderer does', () => {
    const resolved = resolveForm(forms.get('iscrizione-mensa-scolastica')!, (id) => forms.get(id));
    expect(JSON.stringify(resolved.form)).toContain('Fascia A - 2,00 euro a pasto');
  });

  it('uses well-formed codici fiscali (check character) in every sample', () => {
    const codes = expectedServiceSlugs.flatMap((slug) => fiscalCodes(sampleData(slug)));
    expect(codes.length).toBeGreaterThan(20);
    for (const cf of codes) expect(CheckDigitizer.checkDigit(cf.slice(0, 15)), cf).toBe(cf[15]);
  });
});
