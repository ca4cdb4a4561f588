// Accessibility: axe-core (from npm, run inside the page) on every page type
// of a built site, light and dark, desktop and phone, from file://.
// Usage: node axe.mjs SITE_DIR [--report]   Fails on any critical or serious
// violation; --report prints every violation and never fails.
import { launch, reporter } from "./harness.mjs";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const site = path.resolve(process.argv[2]);
const report = process.argv.includes("--report");
const { check, finish } = reporter("axe");

// One page of each type.
const pages = ["index.html", "search/index.html", "documents/index.html", "graph/index.html",
  "topics/index.html", "timeline/index.html", "citations/index.html", "404.html"];
for (const dir of fs.readdirSync(site, { withFileTypes: true })) {
  const p = path.join(dir.name, "index.html");
  if (dir.isDirectory() && fs.existsSync(path.join(site, p)) && !pages.includes(p) && !["topics", "timeline", "citations", "search", "documents", "graph", "data"].includes(dir.name)) {
    pages.push(p);
    break;
  }
}
const topicDir = path.join(site, "topics");
const firstTopic = fs.readdirSync(topicDir, { withFileTypes: true }).find((d) => d.isDirectory());
if (firstTopic) pages.push(path.join("topics", firstTopic.name, "index.html"));

const browser = await launch();
const found = new Map();
for (const scheme of ["light", "dark"]) {
  for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
    const context = await browser.newContext({ colorScheme: scheme, viewport });
    const page = await context.newPage();
    for (const p of pages) {
      await page.goto("file://" + path.join(site, p));
      if (p.startsWith("search/")) {
        await page.fill("#page-q", "Arctic");
        await page.waitForTimeout(400);
      } else {
        await page.fill("#site-q", "Arctic").catch(() => {});
        await page.waitForTimeout(400);
      }
      await page.addScriptTag({ content: axeSource });
      const result = await page.evaluate(async () => {
        const r = await window.axe.run(document, { resultTypes: ["violations"] });
        return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, target: v.nodes[0] && v.nodes[0].target.join(" ") }));
      });
      for (const v of result) {
        const key = `${v.impact} ${v.id}`;
        const where = `${p} (${scheme}, ${viewport.width}px): ${v.nodes} × ${v.target}`;
        if (!found.has(key)) found.set(key, []);
        found.get(key).push(where);
      }
    }
    await context.close();
  }
}
await browser.close();
for (const [key, where] of [...found.entries()].sort()) {
  if (report) console.log(key + "\n  " + where.slice(0, 6).join("\n  "));
}
const bad = [...found.keys()].filter((k) => k.startsWith("critical") || k.startsWith("serious"));
check(`no critical or serious violation on ${pages.length} page types, light and dark, desktop and phone`, report || bad.length === 0,
  bad.map((k) => k + ": " + found.get(k).slice(0, 3).join("; ")).join(" | "));
process.exit(finish());
