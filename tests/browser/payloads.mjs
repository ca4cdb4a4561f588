// Texts are data: a site whose texts, metadata, topic map and section
// introductions carry script payloads, opened from file:// in headless
// Chromium. Every page is loaded, the search box is used with words of
// the payloads, every preview is opened and every link hovered: no payload
// may run (each would set window.__ran or call alert).
// Usage: node payloads.mjs SITE_DIR
import { launch, reporter } from "./harness.mjs";
import fs from "node:fs";
import path from "node:path";

const site = path.resolve(process.argv[2]);
const { check, finish } = reporter("payloads");
const pages = [];
(function walk(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (e.name.endsWith(".html")) pages.push(p);
  }
})(site);

const browser = await launch();
const page = await browser.newPage();
const ran = [];
page.on("dialog", async (d) => { ran.push("dialog " + d.message()); await d.dismiss(); });
await page.exposeFunction("__report", (what) => ran.push(what));
await page.addInitScript(() => {
  Object.defineProperty(window, "__ran", { set: (v) => window.__report(String(v)) });
});

for (const p of pages.sort()) {
  const before = ran.length;
  await page.goto("file://" + p).catch(() => {});
  // Previews: focus every element that has one. (A redirect page moves on
  // at once; its target is visited on its own.)
  await page.waitForLoadState("load").catch(() => {});
  const previews = await page.$$("[data-preview], a[role=doc-noteref]").catch(() => []);
  for (const el of previews.slice(0, 40)) {
    await el.hover().catch(() => {});
    await el.focus().catch(() => {});
  }
  if (ran.length > before) check("no payload runs on " + path.relative(site, p), false, ran.slice(before).join("; "));
}
check("no payload runs on any of " + pages.length + " pages", ran.length === 0, ran.join("; "));

// Search results render titles, snippets and URLs of the payload texts.
for (const q of ["onerror", "img", "script", "alert", "victim", "Doc"]) {
  await page.goto("file://" + path.join(site, "search/index.html") + "?q=" + q);
  await page.waitForTimeout(300);
  await page.fill("#site-q", q).catch(() => {});
  await page.waitForTimeout(300);
}
check("search results run no payload", ran.length === 0, ran.join("; "));
const links = await page.$$eval("a[href]", (as) => as.map((a) => a.getAttribute("href")));
check("no javascript: link on the search page", !links.some((h) => /^\s*javascript:/i.test(h)), links.join(" "));

// The 404 page opened from file:// finds its stylesheet and links.
await page.goto("file://" + path.join(site, "404.html"));
const notFound = await page.evaluate(() => ({
  styled: getComputedStyle(document.querySelector(".skip")).position !== "static",
  home: document.querySelector("main a").href,
}));
check("404.html from file:// is styled", notFound.styled, JSON.stringify(notFound));
check("404.html from file:// links to the home page", notFound.home === "file://" + path.join(site, "index.html"), notFound.home);

// Aliases: the old URLs lead to the page, from file:// too.
for (const old of ["old/x/index.html", "older.html"]) {
  await page.goto("file://" + path.join(site, old)).catch(() => {});
  await page.waitForURL(/\/sec\/x\/index\.html$/, { timeout: 5000 }).catch(() => {});
  check("alias " + old + " redirects to its page", /\/sec\/x\/index\.html$/.test(page.url()), page.url());
}

await browser.close();
process.exit(finish());
