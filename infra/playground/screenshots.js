// The README's digest and scorecard pictures, taken from the real Playground in Chromium. Start the demo first
// (infra/local/run.sh --as-of 2026-11-09), then:
//   node infra/playground/screenshots.js [playground url] [bot url] [folder]
// In Priya Shah's chat it asks "how is my service doing?", "what's off track in Resources?" and "show me calls
// answered", then opens HR 01's overdue escalation (raised at the first
// scan), presses Decide and approves the action; in the Performance channel it subscribes the Resources department to
// the weekly digest, moves the demo clock to Monday 16 November 09:00 and posts the digests owed.
const path = require('path');
const root = path.resolve(__dirname, '..', '..');
const { chromium } = require(path.join(root, 'node_modules', 'playwright-core'));

const [playground = 'http://127.0.0.1:56150', bot = 'http://127.0.0.1:3978',
  shots = path.join(__dirname, 'screenshots')] = process.argv.slice(2);

(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM
      || require('child_process').execSync('command -v chromium', { shell: '/bin/sh' }).toString().trim(),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 3200 } });
    const cards = page.locator('.ac-adaptiveCard');
    const card = async (...words) => {
      for (let attempt = 0; attempt < 60; attempt++) {
        for (let i = (await cards.count()) - 1; i >= 0; i--) {
          const text = await cards.nth(i).innerText().catch(() => '');
          if (words.every(w => text.includes(w))) {
            await cards.nth(i).scrollIntoViewIfNeeded();
            return cards.nth(i);
          }
        }
        await page.waitForTimeout(500);
      }
      throw new Error(`no card saying ${words.join(' and ')}`);
    };
    // The compose box is an editable div: type into it as a person would.
    const say = async text => {
      const box = page.locator('[data-lexical-editor="true"]').first();
      await box.click();
      await page.keyboard.type(text);
      await page.keyboard.press('Enter');
    };

    await page.goto(playground, { waitUntil: 'domcontentloaded' });
    await page.locator('[data-lexical-editor="true"]').first().waitFor();
    await say('how is my service doing?');
    await (await card('Resources department scorecard', 'RB 04')).screenshot({
      path: path.join(shots, 'scorecard.png'),
    });
    console.log('step: the scorecard');

    await say("what's off track in Resources?");
    await (await card('Off track: The Resources department', 'See them on the Performance tab')).screenshot({
      path: path.join(shots, 'question-off-track.png'),
    });
    await say('show me calls answered');
    await (await card('CS 02 Calls answered within 5 minutes', 'Direction of travel')).screenshot({
      path: path.join(shots, 'question-measure.png'),
    });
    console.log('step: two questions in plain words');

    const escalation = await card('Escalated to you', 'HR 01');
    await escalation.getByRole('button', { name: 'Decide' }).click();
    const deciding = await card('HR 01', 'Approve the action');
    await deciding.getByRole('textbox').first().fill('Occupational health contract extended to March; report Q3 on time.');
    await deciding.screenshot({ path: path.join(shots, 'escalation-to-decide.png') });
    await deciding.getByRole('button', { name: 'Approve the action' }).click();
    await (await card('HR 01', 'Remedial action approved')).screenshot({
      path: path.join(shots, 'escalation-decided.png'),
    });
    console.log('step: the escalation decided');

    // A channel post mentions the bot: pick it from the mention list, then press Post.
    await page.getByText('Performance', { exact: true }).click();
    await page.locator('[data-lexical-editor="true"]').first().click();
    await page.keyboard.type('@Pmf');
    await page.waitForTimeout(1000); // the mention list opens
    await page.getByText('PmfBot', { exact: true }).last().click();
    await page.keyboard.type(' subscribe Resources department');
    await page.getByRole('button', { name: 'Post' }).click();
    await (await card('Subscribed')).screenshot({ path: path.join(shots, 'digest-subscribed.png') });
    for (const call of ['_demo/clock?to=2026-11-16T09:00', '_demo/digests']) {
      const answer = await fetch(`${bot}/${call}`, { method: 'POST' });
      if (!answer.ok) throw new Error(`${call} answered ${answer.status}`);
    }
    await (await card('Weekly digest', 'Resources department')).screenshot({ path: path.join(shots, 'digest.png') });
    console.log('step: the digest');
  } finally {
    await browser.close();
  }
})().catch(e => { console.error(e.message || e); process.exit(1); });
