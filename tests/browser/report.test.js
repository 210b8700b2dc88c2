// Browser test of Bulwark's HTML report in real headless Chromium (Debian's `chromium`), driven by playwright-core.
// usage: node report.test.js REPORT.html REPORT.json SCREENSHOT.png
// Checks: the counts shown match the JSON report; a severity filter and a free-text search show exactly the
// matching findings; the filter state survives a reload through the URL fragment; no console errors (CSP
// violations included) and no network requests. Prints open and filter times.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');

const [htmlPath, jsonPath, screenshotPath] = process.argv.slice(2);
if (!htmlPath || !jsonPath || !screenshotPath) {
  console.error('usage: node report.test.js REPORT.html REPORT.json SCREENSHOT.png');
  process.exit(2);
}
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
const failures = [];
function check(ok, what) { if (!ok) failures.push(what); console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`); }

(async () => {
  const report = JSON.parse(fs.readFileSync(jsonPath, 'utf8'));
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 900 },
  });
  try {
    const page = context.pages()[0] || await context.newPage();
    const url = 'file://' + path.resolve(htmlPath);
    const errors = [];
    const requests = [];
    page.on('console', m => { if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`); });
    page.on('pageerror', e => errors.push('pageerror: ' + e.message));
    page.on('request', r => { if (r.url() !== url && !r.url().startsWith(url + '#')) requests.push(r.url()); });

    let t0 = Date.now();
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => document.getElementById('shown') === null || document.getElementById('shown').hasAttribute('data-shown'));
    const openMs = Date.now() - t0;

    // Counts shown match the JSON report.
    const total = report.summary.findings;
    check(await page.textContent('#count-total') === String(total), `total findings shown = JSON summary (${total})`);
    for (const sev of ['critical', 'high', 'medium', 'low'])
      check(await page.textContent('#count-' + sev) === String(report.summary.bySeverity[sev]), `${sev} count shown = JSON (${report.summary.bySeverity[sev]})`);
    const shown = () => page.getAttribute('#shown', 'data-shown').then(Number);
    check(await shown() === total, 'all findings listed before filtering');

    // A severity filter.
    const rank = { low: 0, medium: 1, high: 2, critical: 3 };
    const expectedHigh = report.findings.filter(f => rank[f.severity] >= rank.high).length;
    t0 = Date.now();
    await page.selectOption('#f-severity', 'high');
    await page.waitForFunction(n => document.getElementById('shown').getAttribute('data-shown') === String(n), expectedHigh);
    const filterMs = Date.now() - t0;
    check(await shown() === expectedHigh, `severity >= high shows ${expectedHigh} findings`);
    check(/severity=high/.test(await page.evaluate(() => location.hash)), 'filter state is in the URL fragment');

    // The fragment restores the filter after a reload.
    await page.reload({ waitUntil: 'load' });
    await page.waitForFunction(() => document.getElementById('shown').hasAttribute('data-shown'));
    check(await page.inputValue('#f-severity') === 'high' && await shown() === expectedHigh, 'reload keeps the filter from the fragment');

    // Free-text search on top: every visible card contains the term, no hidden card of that severity does.
    await page.click('#f-reset');
    const term = report.findings[0].ruleId.toLowerCase() === 'b101' && report.findings.length > 1 ? report.findings[1].location.path.split('/').pop() : report.findings[0].location.path.split('/').pop();
    t0 = Date.now();
    await page.fill('#f-q', term);
    await page.waitForFunction(t => new URLSearchParams(location.hash.slice(1)).get('q') === t, term);
    const searchMs = Date.now() - t0;
    const search = await page.evaluate(t => {
      const cards = [...document.querySelectorAll('article.finding')];
      const vis = cards.filter(c => !c.hidden), hid = cards.filter(c => c.hidden);
      return { visible: vis.length, allMatch: vis.every(c => c.textContent.toLowerCase().includes(t.toLowerCase())), noneHiddenMatch: hid.every(c => !c.textContent.toLowerCase().includes(t.toLowerCase())) };
    }, term);
    check(search.visible > 0 && search.allMatch && search.noneHiddenMatch, `search "${term}" shows exactly the ${search.visible} matching cards`);

    // Grouping by rule keeps every card.
    await page.click('#f-reset');
    await page.selectOption('#f-group', 'rule');
    await page.waitForFunction(() => /group=rule/.test(location.hash));
    check(await shown() === total, 'grouping by rule keeps every finding');
    await page.selectOption('#f-group', 'file');
    await page.selectOption('#f-severity', 'high');
    await page.waitForFunction(n => document.getElementById('shown').getAttribute('data-shown') === String(n), expectedHigh);

    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: screenshotPath, fullPage: false });
    check(errors.length === 0, 'no console errors' + (errors.length ? ': ' + errors.join(' | ') : ''));
    check(requests.length === 0, 'no network requests' + (requests.length ? ': ' + requests.join(' ') : ''));
    console.log(`open ${openMs} ms, severity filter ${filterMs} ms, search ${searchMs} ms (${total} findings, ${fs.statSync(htmlPath).size} bytes)`);
  } finally {
    await context.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
  if (failures.length) { console.error(`${failures.length} check(s) failed`); process.exit(1); }
  console.log('browser test: all checks passed');
})().catch(e => { console.error(e); process.exit(1); });
