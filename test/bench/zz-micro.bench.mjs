import { launchChromium, scriptTagPage, startServer } from '../e2e/harness.ts';
export default async function () {
  const server = await startServer(); const browser = await launchChromium();
  const cfg = (a) => ({ mode: 'opt-in', autoBlock: a, presets: [{ name: 'google-analytics', id: 'G-BENCH1234' }, { name: 'meta-pixel', id: '1234567890123456' }, { name: 'tiktok-pixel', id: 'ABCDEFGHIJ1234567890' }, { name: 'linkedin-insight', id: '123456' }], blockList: [{ host: 'tracker.shop.test', path: '/t', category: 'advertising' }] });
  for (const m of ['off', 'on']) server.set(`/${m}.html`, scriptTagPage(cfg(m == 'on')));
  const res = { on: [], off: [] };
  for (let r = 0; r < 6; r++) for (const m of ['off', 'on']) {
    const page = await browser.newPage(); await page.goto(`${server.origin}/${m}.html`); await page.waitForLoadState('networkidle');
    res[m].push(await page.evaluate(() => { const gif = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7'; const els = []; for (let i = 0; i < 10000; i++) els.push(document.createElement('img'));
      const t = performance.now(); for (let i = 0; i < 10000; i++) { els[i].setAttribute('src', '/i/' + (i % 50) + '.gif'); els[i].setAttribute('alt', 'x'); els[i].className = 'a'; } return performance.now() - t; }));
    await page.close();
  }
  console.log(JSON.stringify(res));
  await browser.close(); await server.close();
}
