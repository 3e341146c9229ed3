// Opens the Temporal Web UI in headless Debian chromium (playwright-core, no browser download) and
// saves what a person sees: the workflow list filtered to remediations, and one remediation's page.
//
//   node realstack/ui/screenshots.mjs <playwright-core dir> <ui base url> <workflow page url> <out dir>
//
// Prints one JSON object: the visible text of each page and the screenshot paths.
import { createRequire } from 'node:module';
import path from 'node:path';

const [pwDir, base, workflowUrl, outDir] = process.argv.slice(2);
const require = createRequire(path.join(pwDir, 'node_modules', 'x.js'));
const { chromium } = require('playwright-core');

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const result = {};
// the UI renders Markdown (summary, details, current details) in sandboxed frames: read them all
async function allText(page) {
  const parts = [];
  for (const frame of page.frames()) {
    parts.push(await frame.locator('body').innerText().catch(() => ''));
  }
  return parts.join('\n');
}
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  const query = encodeURIComponent("WorkflowType = 'RemediationWorkflow'");
  await page.goto(`${base}/namespaces/default/workflows?query=${query}`, { waitUntil: 'domcontentloaded' });
  // the filter shows the type at once; wait for the rows, down to the remediation's own
  const workflowId = decodeURIComponent(new URL(workflowUrl).pathname.split('/workflows/')[1].split('/')[0]);
  await page.waitForFunction((id) => document.body.innerText.includes(id), workflowId, { timeout: 30000 });
  result.listShot = path.join(outDir, 'temporal-ui-workflow-list.png');
  await page.screenshot({ path: result.listShot, fullPage: false });
  result.listText = await allText(page);

  await page.goto(workflowUrl, { waitUntil: 'domcontentloaded' });
  await page.waitForSelector('text=RemediationWorkflow', { timeout: 30000 });
  await page.waitForTimeout(2000);
  result.historyShot = path.join(outDir, 'temporal-ui-remediation-history.png');
  await page.screenshot({ path: result.historyShot, fullPage: true });
  result.historyText = await allText(page);
  // one tab after the other: the summary, details and current details; then the search attributes
  for (const [tab, key] of [['User Metadata', 'metadata'], ['Search Attributes', 'searchAttributes']]) {
    await page.getByText(tab, { exact: true }).first().click();
    await page.waitForTimeout(1500);
    result[key + 'Shot'] = path.join(outDir, `temporal-ui-remediation-${key}.png`);
    await page.screenshot({ path: result[key + 'Shot'], fullPage: true });
    result[key + 'Text'] = await allText(page);
  }
} finally {
  await browser.close();
}
console.log(JSON.stringify(result));
