/** What a field shows of itself: its edge against the page, and the area a finger can hit. */
import { expect, type Locator, type Page } from '@playwright/test';

/** WCAG relative luminance of an rgb()/rgba() colour as the browser computes it. */
function luminance(colour: string): number {
  const [r, g, b] = (colour.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** The input's widest border and that border's contrast with the background behind the input. */
async function edgeOf(input: Locator): Promise<{ width: number; contrast: number }> {
  const edge = await input.evaluate((el) => {
    const style = getComputedStyle(el);
    const sides = (['top', 'right', 'bottom', 'left'] as const).map((side) => ({
      width: parseFloat(style.getPropertyValue(`border-${side}-width`)),
      colour: style.getPropertyValue(`border-${side}-color`),
      drawn: style.getPropertyValue(`border-${side}-style`) !== 'none',
    }));
    const widest = sides.filter((s) => s.drawn).sort((a, b) => b.width - a.width)[0] ?? { width: 0, colour: 'rgb(255, 255, 255)' };
    let behind: Element | null = el.parentElement;
    let background = 'rgb(255, 255, 255)';
    while (behind) {
      const bg = getComputedStyle(behind).backgroundColor;
      if (bg && bg !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(bg)) {
        background = bg;
        break;
      }
      behind = behind.parentElement;
    }
    return { width: widest.width, colour: widest.colour, background };
  });
  return { width: edge.width, contrast: contrast(edge.colour, edge.background) };
}

export async function expectVisibleEdge(input: Locator, name: string): Promise<void> {
  await expect(input).toHaveValue('');
  const edge = await edgeOf(input);
  expect(edge.width, `${name}: spessore del bordo`).toBeGreaterThan(0);
  expect(edge.contrast, `${name}: contrasto del bordo con lo sfondo`).toBeGreaterThanOrEqual(3);
}

/** The area a tap on the control reaches: the control itself or its label, whichever is larger. */
export async function hitArea(page: Page, control: Locator): Promise<{ width: number; height: number }> {
  const id = await control.getAttribute('id');
  const boxes = [await control.boundingBox()];
  if (id) boxes.push(await page.locator(`label[for="${id}"]`).boundingBox());
  const seen = boxes.filter((b): b is NonNullable<typeof b> => b !== null);
  return { width: Math.max(...seen.map((b) => b.width)), height: Math.max(...seen.map((b) => b.height)) };
}

/** The box Bootstrap Italia draws for a checkbox or radio on its label (the `::after`), as the eye sees it. */
export async function drawnBox(page: Page, control: Locator): Promise<{ width: number; height: number }> {
  const id = await control.getAttribute('id');
  return page.locator(`label[for="${id}"]`).evaluate((label) => {
    const style = getComputedStyle(label, '::after');
    return { width: parseFloat(style.width), height: parseFloat(style.height) };
  });
}
