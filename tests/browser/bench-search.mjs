// Measures search in the browser on a built site opened from file://:
// time from setting the query to results on screen (as search.js reports
// it in data-search-ms), for a cold page and for typing in the header box.
// Usage: node bench-search.mjs SITE_DIR [query ...]
import { launch } from "./harness.mjs";
import path from "node:path";

const site = path.resolve(process.argv[2]);
const queries = process.argv.slice(3).length ? process.argv.slice(3) : ["archive", "treaty parliament", "compiler", "typeface glyph", "1949", "zz"];
const browser = await launch();
const page = await browser.newPage();
const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const cold = [];
for (const q of queries) {
  await page.goto("file://" + path.join(site, "search/index.html") + "?q=" + encodeURIComponent(q));
  await page.waitForFunction(() => document.documentElement.hasAttribute("data-search-ms"), null, { timeout: 30000 });
  const ms = Number(await page.getAttribute("html", "data-search-ms"));
  const n = await page.$$eval("#search-results li", (l) => l.length);
  cold.push(ms);
  console.log(`cold page  ${q.padEnd(20)} ${String(ms).padStart(5)} ms  ${n} results`);
}
const typed = [];
await page.goto("file://" + path.join(site, "index.html"));
for (const q of queries) {
  await page.evaluate(() => document.documentElement.removeAttribute("data-search-ms"));
  await page.fill("#site-q", q);
  await page.waitForFunction(() => document.documentElement.hasAttribute("data-search-ms"), null, { timeout: 30000 });
  const ms = Number(await page.getAttribute("html", "data-search-ms"));
  typed.push(ms);
  console.log(`header box ${q.padEnd(20)} ${String(ms).padStart(5)} ms`);
}
console.log(`median: cold page ${median(cold)} ms, header box (index parts cached) ${median(typed)} ms`);
await browser.close();
