import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../src/index';
import { demoToken } from './support/assertions';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Where the docs site serves images from; `UPDATE_CONSOLE_SCREENSHOT=1` refreshes the screenshot the docs show. */
const SCREENSHOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../docs/public/console.png');

let server: MockServer;
let browser: Browser;
let receiver: Server;
let receiverAnswers = 0;
beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium (.ci/run does)`);
  server = await startMockServer({ port: 0, seed: 12 });
  // A notification receiver that is down for its first answer, so a delivery shows a retry.
  receiver = createServer((request, response) => {
    request.resume();
    receiverAnswers += 1;
    response.writeHead(receiverAnswers === 1 ? 503 : 204).end();
  });
  await new Promise<void>((listening) => receiver.listen(0, '127.0.0.1', listening));
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
  await new Promise((closed) => receiver?.close(closed));
});

describe('the developer console at /_admin, in Chromium', () => {
  it('shows a refused request with its reason next to a successful one, the world and a delivery with its attempts', async () => {
    const school = server.world.schools[0]!;
    const refused = await fetch(`${server.url}/students-api/v1/students/school?orgMasterId=${school.orgMasterId}`);
    expect(refused.status).toBe(401);
    const token = await demoToken(`${server.url}/oauth2/token`, 'demo-bestelomgeving');
    const ok = await fetch(`${server.url}/students-api/v1/students/school?orgMasterId=${school.orgMasterId}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(ok.status).toBe(200);
    const tester = await demoToken(`${server.url}/oauth2/token`, 'demo-toetssysteem');
    const other = server.world.schools[1]!;
    expect(
      (await fetch(`${server.url}/students-api/v1/students/school?orgMasterId=${other.orgMasterId}`, { headers: { authorization: `Bearer ${tester}` } }))
        .status,
    ).toBe(403);

    const { port } = receiver.address() as AddressInfo;
    expect(
      (await fetch(`${server.url}/_admin/clients/demo-bestelomgeving/callback`, { method: 'PUT', body: JSON.stringify({ url: `http://127.0.0.1:${port}` }) }))
        .status,
    ).toBe(204);
    expect(
      (await fetch(`${server.url}/notifications-api/v0/subscribe/students-api`, { method: 'POST', headers: { authorization: `Bearer ${token}` } })).status,
    ).toBeLessThan(300);
    expect((await fetch(`${server.url}/_admin/schools/${school.orgMasterId}/students`, { method: 'POST', body: '{}' })).status).toBe(201);
    await server.notifications.dispatcher.idle();

    const page = await browser.newPage({ viewport: { width: 1400, height: 1100 } });
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    await page.goto(`${server.url}/_admin`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('developer console');

    const rows = page.locator('#request-rows tr');
    const refusedRow = rows.filter({ hasText: 'no bearer access token' });
    await refusedRow.first().waitFor();
    expect(await refusedRow.first().locator('td').nth(5).textContent()).toBe('401');
    const successRow = rows
      .filter({ hasText: 'demo-bestelomgeving' })
      .filter({ hasText: `/students-api/v1/students/school?orgMasterId=${school.orgMasterId}` });
    expect(await successRow.first().locator('td').nth(5).textContent()).toBe('200');
    const consentRow = rows.filter({ hasText: `school ${other.orgMasterId} has not activated students-api for client demo-toetssysteem` });
    expect(await consentRow.locator('td').nth(6).textContent()).toBe('0022');
    expect(await page.locator('#request-rows').textContent()).not.toContain(token);

    await page.getByRole('checkbox', { name: 'refusals only' }).check();
    const statuses = await rows.locator('td:nth-child(6)').allTextContents();
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.filter((status) => Number(status) < 400)).toEqual([]);
    await page.getByRole('checkbox', { name: 'refusals only' }).uncheck();

    const schoolRow = page.getByTestId(`school-${school.orgMasterId}`);
    expect(await schoolRow.locator('td').nth(4).textContent()).toBe(String(server.world.students.get(school.orgMasterId)!.length));
    await schoolRow.getByRole('button', { name: 'show' }).click();
    const firstStudent = server.world.students.get(school.orgMasterId)![0]!.student;
    await page.locator('#school-rows').getByText(firstStudent.familyName, { exact: false }).first().waitFor();

    const delivery = page.locator('#delivery-rows tr').first();
    await delivery.waitFor();
    expect(await delivery.textContent()).toContain('demo-bestelomgeving');
    expect(await delivery.textContent()).toContain('503');
    expect(await delivery.textContent()).toContain('delivered');
    expect(await page.locator('#exchanges-empty').isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'consent page' }).getAttribute('href')).toBe('/_admin/consent');

    await schoolRow.getByRole('button', { name: 'hide' }).click();
    expect(await page.locator('#school-rows tr').count()).toBe(server.world.schools.length);
    const screenshot = await page.screenshot({ fullPage: true });
    expect(screenshot.byteLength).toBeGreaterThan(10_000);
    if (process.env.UPDATE_CONSOLE_SCREENSHOT) {
      mkdirSync(dirname(SCREENSHOT), { recursive: true });
      writeFileSync(SCREENSHOT, screenshot);
    }
    expect(problems).toEqual([]);
    await page.close();
  });
});
