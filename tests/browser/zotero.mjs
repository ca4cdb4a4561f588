// What Zotero saves from a document page: Zotero's own web translators
// (the pinned runtime and translators packaged as `ztractor`) run in
// Debian's headless Chromium on the built page, with no network, as the
// Zotero Connector would on the published site.
// Usage: node zotero.mjs SITE_DIR PAGE TITLE AUTHOR YEAR
//   PAGE: a document page's path in SITE_DIR; the rest: what the item
//   must say (AUTHOR a family name).
import { launch, reporter } from "./harness.mjs";
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const [site, pagePath, title, author, year] = process.argv.slice(2);
const here = path.dirname(fileURLToPath(import.meta.url));
const runtime = path.join(here, "node_modules", "ztractor", "dist");
const { check, finish } = reporter("zotero");

// One origin for the translators (ES modules) and the page's HTML.
const server = http.createServer((req, res) => {
  const url = decodeURIComponent(new URL(req.url, "http://x").pathname);
  const [base, rel] = url.startsWith("/ztractor/") ? [runtime, url.slice(10)] : [path.resolve(site), url.slice(1)];
  const file = path.join(base, rel || "index.html");
  if (!file.startsWith(base) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
    res.writeHead(404);
    res.end();
    return;
  }
  const type = file.endsWith(".js") ? "text/javascript" : "text/html; charset=utf-8";
  res.writeHead(200, { "content-type": type });
  fs.createReadStream(file).pipe(res);
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await launch();
const page = await browser.newPage();
await page.goto(`${origin}/404.html`).catch(() => {});
const result = await page.evaluate(async ({ pagePath }) => {
  const { extractMetadata } = await import("/ztractor/index.js");
  const html = await (await fetch("/" + pagePath)).text();
  // The URL the page says is its own (its canonical link).
  const canonical = new DOMParser().parseFromString(html, "text/html").querySelector("link[rel=canonical]");
  const url = canonical ? canonical.href : location.origin + "/" + pagePath;
  const r = await extractMetadata({ url, html, network: "deny", timeout: 20000 });
  return JSON.parse(JSON.stringify({ ...r, url }));
}, { pagePath });
const item = (result.items || [])[0] || {};
check("Zotero's translators read the page", result.success === true && !!item.itemType, JSON.stringify(result).slice(0, 600));
check("the translator is Embedded Metadata", /Embedded Metadata/.test(JSON.stringify(result.translator || "")), JSON.stringify(result.translator));
check("the item's title is the document's, not the site's", item.title === title, JSON.stringify(item.title));
const families = (item.creators || []).map((c) => c.lastName || c.name || "");
check("the item names the author", families.includes(author), JSON.stringify(item.creators));
check("the item is dated", String(item.date || "").includes(year), JSON.stringify(item.date));
check("the item links the page", item.url === result.url, JSON.stringify([item.url, result.url]));
console.log(JSON.stringify({ itemType: item.itemType, title: item.title, creators: item.creators, date: item.date, publicationTitle: item.publicationTitle, attachments: item.attachments }, null, 1));
await browser.close();
server.close();
process.exit(finish());
