/**
 * The checks every screen passes at the three sizes Sportello is designed for (a 1080x1920
 * portrait totem, a 1280x800 kiosk, a 1024x768 laptop): no sideways scroll, the primary action
 * on screen without scrolling, the header within its height, axe clean; and a screenshot,
 * tests/artifacts/screens/<screen>-<w>x<h>.png. Used by the specs that walk the screens
 * (schermate.spec.ts, schermate-firma.spec.ts), whichever rig they run on.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const SCREENS_DIR = join(__dirname, '../../artifacts/screens');

/**
 * maxHeader: the slim bar and the compact centre together. About 120 px on the landscape screens,
 * more would push the primary action off a 768 px one; the totem's larger type has 1920 px for it.
 */
const SIZES = [
  { width: 1080, height: 1920, maxHeader: 180 },
  { width: 1280, height: 800, maxHeader: 120 },
  { width: 1024, height: 768, maxHeader: 120 },
] as const;

/**
 * Waits until no transition or animation is running on the page: colours measured
 * half-way through a transition are neither state's colours. The tests emulate reduced
 * motion, for which the app has none; this also covers one a browser starts anyway.
 */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    // pending is when play() is waiting to start: a transition about to run.
    document.getAnimations().every((a) => a.playState !== 'running' && !a.pending),
  );
}

/** Fails on any WCAG 2.1 AA violation axe finds on the page once it is settled. */
export async function checkAxe(page: Page, screen: string): Promise<void> {
  await settled(page);
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const violations = result.violations.map((v) => `${screen}: ${v.id} (${v.impact}) ${v.help} -> ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
  expect(violations, `axe on ${screen}`).toEqual([]);
}

/** The whole page as tests/artifacts/screens/<name>.png; returns the path. */
export async function shootScreen(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENS_DIR, { recursive: true });
  const path = join(SCREENS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** The checks and the screenshot of one screen, at each size, the page at its top as the citizen finds it. */
export async function atEverySize(page: Page, screen: string, primary: Locator): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.evaluate(() => window.scrollTo(0, 0));
    const where = `${screen} a ${size.width}x${size.height}`;
    await expect(primary, `azione principale di ${where}`).toBeVisible();
    const scroll = await page.evaluate(() => ({
      width: document.scrollingElement?.scrollWidth ?? Infinity,
      viewport: window.innerWidth,
      // What sticks out, named in the message: the element to fix.
      oltre: [...document.querySelectorAll('body *')]
        .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5)
        .slice(-3)
        .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}`),
    }));
    expect(scroll.width, `scorrimento orizzontale in ${where} (${scroll.oltre.join(', ')})`).toBeLessThanOrEqual(scroll.viewport);
    const header = await page.getByRole('banner').first().boundingBox();
    expect(header?.height ?? Infinity, `altezza dell'intestazione in ${where}`).toBeLessThanOrEqual(size.maxHeader);
    const box = await primary.boundingBox();
    expect(box, `azione principale di ${where}`).not.toBeNull();
    if (box) {
      expect(box.x, `azione principale di ${where}: a sinistra dello schermo`).toBeGreaterThanOrEqual(0);
      expect(box.y, `azione principale di ${where}: sopra lo schermo`).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, `azione principale di ${where}: a destra dello schermo`).toBeLessThanOrEqual(size.width);
      expect(box.y + box.height, `azione principale di ${where}: sotto lo schermo`).toBeLessThanOrEqual(size.height);
    }
    await checkAxe(page, where);
    await shootScreen(page, `${screen}-${size.width}x${size.height}`);
  }
}
