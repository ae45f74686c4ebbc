import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../src/index';
import { demoToken } from './support/assertions';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let server: MockServer;
let browser: Browser;
beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium (.ci/run does)`);
  server = await startMockServer({ port: 0, seed: 12 });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("the school application manager's consent page, in Chromium", () => {
  it('activating an exchange opens the API for that client, deactivating closes it again (403 / 0022)', async () => {
    const school = server.world.schools[1]!;
    const id = `${school.orgMasterId}-demo-toetssysteem-students-api`;
    const call = async () => {
      const token = await demoToken(`${server.url}/oauth2/token`, 'demo-toetssysteem');
      const response = await fetch(`${server.url}/students-api/v1/students/school?orgMasterId=${school.orgMasterId}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      return { status: response.status, body: (await response.json()) as { status?: number } };
    };
    expect((await call()).status).toBe(403);

    const page = await browser.newPage();
    await page.goto(`${server.url}/_admin/consent`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Activate data exchanges');
    expect(await page.getByTestId(`state-${id}`).textContent()).toBe('not active');

    await page.getByTestId(`toggle-${id}`).click();
    await page.waitForURL(`${server.url}/_admin/consent`);
    expect(await page.getByTestId(`state-${id}`).textContent()).toBe('active');
    expect((await call()).status).toBe(200);

    await page.getByTestId(`toggle-${id}`).click();
    await page.waitForURL(`${server.url}/_admin/consent`);
    expect(await page.getByTestId(`state-${id}`).textContent()).toBe('not active');
    const refused = await call();
    expect(refused.status).toBe(403);
    expect(refused.body.status).toBe(22);
    await page.close();
  });
});
