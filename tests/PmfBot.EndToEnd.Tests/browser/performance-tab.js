// The Performance tab in a real browser: Debian's Chromium, driven by Playwright, opens the page the host serves,
// signed in as demo people (the local demo sign-in), and checks what each sees: the right measures, the charts drawn
// with the expected number of points, the filters kept in the address, one measure's history, a decision taken from
// the page, the Teams themes and a 320-pixel-wide phone. Screenshots go to the folder given.
//   node performance-tab.js <bot url> <screenshot folder> <expectations json>
// The expectations (from the C# test, which knows the seeded council): { "people": { id: { measures: [...],
// points: {...}, filter?, scope?, configure?, history?, decide? } }, "stranger": id }.
// Prints one line per step; exits 1 with the reason if a step fails.
const path = require('path');
const fs = require('fs');
const root = path.resolve(__dirname, '..', '..', '..');
const { chromium } = require(path.join(root, 'node_modules', 'playwright-core'));

const [bot, shots, expectationsFile] = process.argv.slice(2);
const expected = JSON.parse(fs.readFileSync(expectationsFile, 'utf8'));
const step = message => console.log(`step: ${message}`);
const fail = message => { throw new Error(message); };

(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM
      || require('child_process').execSync('command -v chromium', { shell: '/bin/sh' }).toString().trim(),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  try {
    const open = async (query, viewport = { width: 1280, height: 1000 }) => {
      const page = await browser.newPage({ viewport });
      const errors = [];
      page.on('pageerror', e => errors.push(e.message));
      await page.goto(`${bot}/tab/?${query}`);
      await page.waitForSelector('body[data-ready]', { timeout: 20000 });
      if (errors.length) fail(`the page threw: ${errors.join('; ')}`);
      return page;
    };
    const shown = page => page.$$eval('#measures > li', items => items.map(li => li.dataset.reference));
    const sameSet = (a, b) => a.length === b.length && [...a].sort().every((x, i) => x === [...b].sort()[i]);

    for (const [person, want] of Object.entries(expected.people)) {
      const page = await open(`as=${encodeURIComponent(person)}`);
      const references = await shown(page);
      if (!sameSet(references, want.measures)) {
        fail(`${person} saw ${references.join(', ')}; expected ${want.measures.join(', ')}`);
      }
      step(`${person} sees their ${references.length} measures`);

      // Every chart in view is drawn: a canvas with pixels, one point per figure in the trend.
      const first = page.locator('#measures > li').first();
      await first.locator('canvas[data-drawn]').waitFor({ timeout: 10000 });
      const drawn = await first.locator('canvas').evaluate(canvas => {
        const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        let ink = 0;
        for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) ink++;
        return { ink, points: Number(canvas.dataset.points), label: canvas.getAttribute('aria-label') };
      });
      const reference = await first.getAttribute('data-reference');
      if (drawn.ink < 200) fail(`${reference}'s chart is blank`);
      if (drawn.points !== want.points[reference]) {
        fail(`${reference}'s chart has ${drawn.points} points; its standing has ${want.points[reference]}`);
      }
      step(`${reference}'s chart is drawn with ${drawn.points} points ("${drawn.label.slice(0, 60)}…")`);

      // The quarter's report for what the person sees whole: the link downloads the spreadsheet.
      if (want.report) {
        const report = page.locator('#report a').first();
        await report.waitFor({ timeout: 10000 });
        const says = await report.innerText();
        if (!says.includes(want.report)) fail(`the report link says "${says}"`);
        const response = await page.request.get(await report.getAttribute('href'));
        if (response.status() !== 200 || !(await response.text()).includes(want.history?.reference ?? ''))
          fail(`the report link answered ${response.status()}`);
        step(`"${await report.innerText()}" downloads`);
        // The whole report as a workbook, beside it.
        const workbook = page.locator('#report a', { hasText: 'as a workbook' });
        const xlsx = await page.request.get(await workbook.getAttribute('href'));
        if (xlsx.status() !== 200 || !xlsx.headers()['content-type'].includes('spreadsheetml'))
          fail(`the workbook link answered ${xlsx.status()} ${xlsx.headers()['content-type']}`);
        step('the report as a workbook downloads too');
        // Where the scope has activities, their file is offered beside it.
        const activities = page.locator('#report a', { hasText: 'activities and milestones' });
        if (await activities.count() > 0) {
          const file = await page.request.get(await activities.getAttribute('href'));
          if (file.status() !== 200 || !(await file.text()).includes('Department,Service,Code,Title'))
            fail(`the activities link answered ${file.status()}`);
          step('its activities and milestones download too');
        }
      }

      if (want.shot) await page.screenshot({ path: path.join(shots, `${want.shot}.png`) });

      // A filter narrows the list and is kept in the address: reloading shows the same.
      if (want.filter) {
        await page.selectOption('select[name="status"]', want.filter.status);
        const filtered = await shown(page);
        if (!sameSet(filtered, want.filter.measures)) {
          fail(`status ${want.filter.status} showed ${filtered.join(', ')}; `
            + `expected ${want.filter.measures.join(', ')}`);
        }
        if (!page.url().includes(`status=${encodeURIComponent(want.filter.status)}`)) {
          fail('the filter is not in the address');
        }
        await page.reload();
        await page.waitForSelector('body[data-ready]');
        if (!sameSet(await shown(page), want.filter.measures)) fail('the filter did not survive a reload');
        step(`status "${want.filter.status}" shows ${filtered.length}, kept in the address`);
      }

      // A tab pinned in a channel for a service or department shows just that (of what the person may see).
      if (want.scope) {
        const pinned = await open(`as=${encodeURIComponent(person)}&scope=${encodeURIComponent(want.scope.scope)}`);
        const inScope = await shown(pinned);
        if (!sameSet(inScope, want.scope.measures)) fail(`${want.scope.scope} showed ${inScope.join(', ')}`);
        await pinned.close();
        step(`pinned to ${want.scope.scope}: ${inScope.length} measures`);
      }

      // The page Teams shows when the tab is pinned: the scopes this person may choose.
      if (want.configure) {
        const setup = await browser.newPage();
        await setup.goto(`${bot}/tab/configure.html?as=${encodeURIComponent(person)}`);
        await setup.waitForSelector('body[data-ready="configure"]');
        const options = await setup.$$eval('#scope option', os => os.map(o => o.value));
        if (!sameSet(options, want.configure)) fail(`the configuration page offered ${options.join(', ')}`);
        await setup.close();
        step(`the configuration page offers ${options.length} scopes`);
      }

      // One measure's story: its history table and a big chart.
      if (want.history) {
        const measure = encodeURIComponent(want.history.reference);
        await page.goto(`${bot}/tab/?as=${encodeURIComponent(person)}&measure=${measure}`);
        await page.waitForSelector('#history tbody tr');
        const rows = await page.locator('#history tbody tr').count();
        if (rows !== want.history.rows) {
          fail(`${want.history.reference}'s history has ${rows} rows; expected ${want.history.rows}`);
        }
        const newest = await page.locator('#history tbody tr').first().innerText();
        if (!newest.includes(want.history.newest)) fail(`the newest row says "${newest}"`);
        await page.locator('#measure canvas[data-drawn]').waitFor();
        if (want.history.shot) {
          await page.screenshot({ path: path.join(shots, `${want.history.shot}.png`), fullPage: true });
        }
        step(`${want.history.reference}'s page shows ${rows} figures, newest "${want.history.newest}"`);
      }

      // A decision taken from the page: recorded, and the form gone.
      if (want.decide) {
        await page.goto(`${bot}/tab/?as=${encodeURIComponent(person)}&view=escalations`);
        const item = page.locator(`#waiting > li[data-reference="${want.decide.reference}"]`);
        await item.waitFor();
        await item.locator('select[name="decision"]').selectOption('approve');
        await item.locator('textarea[name="note"]').fill(want.decide.note);
        await item.locator('input[name="until"]').fill(want.decide.until);
        if (want.decide.shot) await page.screenshot({ path: path.join(shots, `${want.decide.shot}.png`) });
        await item.locator('button[type="submit"]').click();
        await item.locator('.done').waitFor({ timeout: 10000 });
        step(`${want.decide.reference}: "${(await item.locator('.done').innerText()).trim()}"`);
      }
      await page.close();
    }

    // Someone not in the catalogue is told so, and sees nothing.
    const stranger = await open(`as=${encodeURIComponent(expected.stranger)}`);
    const refusal = await stranger.locator('[role="alert"]').innerText();
    if (!refusal.includes('performance catalogue') || (await stranger.locator('#measures').count()) > 0) {
      fail(`a stranger saw: ${refusal}`);
    }
    step('a stranger is refused');

    // Opened outside Teams with no demo person: told to open it in Teams, not left loading.
    const outside = await browser.newPage();
    await outside.goto(`${bot}/tab/`);
    await outside.waitForSelector('body[data-ready="refused"]', { timeout: 15000 });
    if (!(await outside.locator('[role="alert"]').innerText()).includes('open it in Microsoft Teams')) {
      fail('outside Teams the page did not say to open it in Teams');
    }
    await outside.close();
    step('outside Teams, the page says to open it in Teams');

    // Teams' dark and high-contrast themes, and a phone 320 pixels wide: nothing wider than the screen.
    const [first] = Object.keys(expected.people);
    for (const theme of ['dark', 'contrast']) {
      const page = await open(`as=${encodeURIComponent(first)}&theme=${theme}`);
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      if (background === 'rgb(245, 245, 245)') fail(`the ${theme} theme kept the light background`);
      await page.close();
    }
    const phone = await open(`as=${encodeURIComponent(first)}`, { width: 320, height: 640 });
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (overflow > 0) {
      const widest = await phone.evaluate(() => [...document.querySelectorAll('body *')]
        .filter(e => e.getBoundingClientRect().right > window.innerWidth)
        .map(e => `${e.tagName.toLowerCase()}.${e.className}`).slice(-3).join(', '));
      fail(`at 320 px the page is ${overflow} px too wide (${widest})`);
    }
    await phone.keyboard.press('Tab');
    const focused = await phone.evaluate(() => document.activeElement?.tagName);
    if (!['A', 'SELECT', 'BUTTON'].includes(focused)) fail(`Tab moved focus to ${focused}`);
    step('dark and high-contrast themes; 320 px wide with no sideways scroll; keyboard reaches the links');
    await phone.close();
  } finally {
    await browser.close();
  }
})().catch(error => {
  console.log(`failed: ${error.message}`);
  process.exit(1);
});
