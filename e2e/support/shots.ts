// Screenshots of the key screens at 1440x900, for people to look at (not compared by the tests).
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';

const SHOTS_DIR = process.env.SMART_SHOTS_DIR ?? '/tmp/shots';

export async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS_DIR, { recursive: true });
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: path.join(SHOTS_DIR, `${name}.png`) });
}
