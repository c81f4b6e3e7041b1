// The update journey in a real browser: Debian's Chromium, driven by Playwright, opens the Agents
// Playground as Priya Shah, receives the CS 02 prompt, types a Red figure and commentary into the
// card and presses "Submit update": the card comes back asking for an action note, with the entry
// kept. She adds one and submits again, and sees the recorded card and the escalation card (Priya
// is also the escalation owner, and is told so). Screenshots go to the folder given.
//   node update-journey.js <playground url> <bot url> <screenshot folder>
// Prints one line per step; exits 1 with the reason if a step fails.
const path = require('path');
const root = path.resolve(__dirname, '..', '..', '..');
const { chromium } = require(path.join(root, 'node_modules', 'playwright-core'));

const [playground, bot, shots] = process.argv.slice(2);
const step = message => console.log(`step: ${message}`);

(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || require('child_process').execSync('command -v chromium', { shell: '/bin/sh' }).toString().trim(),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1800 } });
    const cards = page.locator('.ac-adaptiveCard');

    // The newest card whose text has every word, waiting for it to arrive.
    const card = async (...words) => {
      for (let attempt = 0; attempt < 60; attempt++) {
        const n = await cards.count();
        for (let i = n - 1; i >= 0; i--) {
          const text = await cards.nth(i).innerText().catch(() => '');
          if (words.every(w => text.includes(w))) {
            await cards.nth(i).scrollIntoViewIfNeeded();
            return cards.nth(i);
          }
        }
        await page.waitForTimeout(500);
      }
      throw new Error(`no card saying ${words.map(w => `"${w}"`).join(' and ')} arrived`);
    };

    await page.goto(playground, { waitUntil: 'domcontentloaded' });
    await card('Hello Priya');
    step('opened the Playground as Priya and was welcomed');

    const scan = await fetch(`${bot}/_demo/due-scan`, { method: 'POST' });
    if (!scan.ok) throw new Error(`the due scan answered ${scan.status}`);
    const prompt = await card('CS 02', 'Calls answered within 5 minutes', 'Submit update');
    await prompt.screenshot({ path: path.join(shots, 'browser-prompt.png') });
    step('received the CS 02 prompt');

    await prompt.getByRole('spinbutton').fill('61.5');
    await prompt.getByPlaceholder('What lies behind this figure?').fill('Two advisers off long-term sick; the new phone menu doubled transfers.');
    await prompt.getByRole('button', { name: 'Submit update' }).click();
    step('filled in the figure and commentary and pressed Submit update');

    const refused = await card('an action note is required', 'Nothing has been saved yet');
    if (await refused.getByRole('spinbutton').inputValue() !== '61.5') throw new Error('the refused card lost the figure');
    await refused.screenshot({ path: path.join(shots, 'browser-refused.png') });
    step('was asked for an action note, with the entry kept');

    await refused.getByPlaceholder('What is being done about it, by whom, by when?').fill('Two agency advisers for eight weeks; revert the phone menu.');
    await refused.getByRole('button', { name: 'Submit update' }).click();
    step('added the action note and pressed Submit update');

    const recorded = await card('Recorded: 61.5% for Oct 2026', "You are CS 02's escalation owner as well");
    await recorded.screenshot({ path: path.join(shots, 'browser-recorded.png') });
    step('saw the recorded card');

    const escalation = await card('Escalated to you', 'CS 02');
    await escalation.screenshot({ path: path.join(shots, 'browser-escalation.png') });
    await page.screenshot({ path: path.join(shots, 'browser-chat.png'), fullPage: true });
    step('saw the escalation card');
  } finally {
    await browser.close();
  }
})().catch(e => { console.error(e.message || e); process.exit(1); });
