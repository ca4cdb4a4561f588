// Live reload in a real browser: a page served by `dossier serve` reloads by
// itself after an edit (keeping its scroll position), swaps stylesheets on a
// CSS-only change, and shows an overlay for a broken edit until it is fixed.
// Usage: node serve.mjs BASE_URL SITE_DIR
import { launch, reporter } from "./harness.mjs";
import fs from "node:fs";
import path from "node:path";

const [base, site] = process.argv.slice(2);
const { check, finish } = reporter("serve browser");
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 900, height: 600 } });
const errors = [];
page.on("pageerror", (e) => errors.push(String(e)));

const doc = path.join(site, "content/004_b84bfd1c39564207.txt");
page.setDefaultTimeout(20000);
await page.goto(base + "russia-and-china-oppose-the-globe/index.html", { waitUntil: "domcontentloaded", timeout: 60000 });
await page.waitForFunction(() => window.DOSSIER_LIVE);
await page.waitForTimeout(300); // let the event stream connect
await page.evaluate(() => { window.scrollTo({ top: 400, behavior: "instant" }); window.__before = true; });

// 1. An edit reloads the page, which shows the new text at the same place.
const started = Date.now();
fs.appendFileSync(doc, "\nA sentence added while the page was open.\n");
await page.waitForFunction(() => !window.__before && document.body.textContent.includes("A sentence added while the page was open."), null, { timeout: 10000 });
check(`the page reloaded by itself after an edit (${Date.now() - started} ms)`, true);
await page.waitForTimeout(200);
const y = await page.evaluate(() => window.scrollY);
check("the scroll position survived the reload", Math.abs(y - 400) < 5, String(y));

// 2. A CSS-only change swaps the stylesheet without a reload.
await page.evaluate(() => { window.__still = true; });
fs.mkdirSync(path.join(site, "static"), { recursive: true });
const css = fs.readFileSync(path.join(site, "..", "style.css.orig"), "utf8");
fs.writeFileSync(path.join(site, "static/style.css"), css + "\nbody { outline: 3px solid rgb(1, 2, 3); }\n");
await page.waitForFunction(() => getComputedStyle(document.body).outlineColor === "rgb(1, 2, 3)", null, { timeout: 10000 });
check("a CSS change applies without a reload", await page.evaluate(() => window.__still === true));

// 3. A broken config shows the overlay; the page stays; fixing it clears it.
const config = path.join(site, "config.toml");
const good = fs.readFileSync(config, "utf8");
fs.writeFileSync(config, good.replace("title =", "titel ="));
await page.waitForSelector("#dossier-error", { timeout: 10000 });
const overlay = await page.textContent("#dossier-error");
check("a broken edit shows the error in an overlay", overlay.includes("config.toml") && overlay.includes("titel"), overlay);
check("the last good page is still shown", (await page.textContent("h1")).includes("Russia and China Oppose the Globe"));
fs.writeFileSync(config, good);
await page.waitForFunction(() => !document.getElementById("dossier-error"), null, { timeout: 10000 });
check("fixing the file removes the overlay", true);

// 4. A missing page deep in the site: the 404 page is styled and its
// links lead into the site.
const missing = await page.goto(base + "no/such/deep/page/", { waitUntil: "load" });
check("a missing page answers 404", missing.status() === 404, String(missing.status()));
const styled = await page.evaluate(() => getComputedStyle(document.querySelector(".skip")).position !== "static");
check("the 404 page deep in the site has its stylesheet", styled);
const home = await page.evaluate(() => document.querySelector("main a").href);
check("the 404 page's link leads to the home page", home === base + "index.html", home);

check("no page errors", errors.length === 0, errors.join(" | "));
await browser.close();
process.exit(finish());
