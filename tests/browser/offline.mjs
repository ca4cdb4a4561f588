// Reading offline: the built seed site opened from file:// in Debian's
// headless Chromium, driven by playwright-core (no downloaded browser).
// Usage: node offline.mjs SITE_DIR   (SITE_DIR: a built copy of the site)
// Prints one line per check and "N passed, M failed" at the end; exits 1 on
// any failure.
import { launch, reporter } from "./harness.mjs";
import path from "node:path";

const site = path.resolve(process.argv[2]);
const url = (p) => "file://" + path.join(site, p);
const { check, finish } = reporter("browser");

const browser = await launch();
const page = await browser.newPage();
const errors = [];
page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
page.on("pageerror", (e) => errors.push(String(e)));
const requests = [];
page.on("request", (r) => { if (!r.url().startsWith("file://") && !r.url().startsWith("data:")) requests.push(r.url()); });

const PAPER = "the-ballgame-of-russia-china-convergence-and-how-the-united-states-figures-in/index.html";

// 1. The search page reads ?q= and finds the Arctic passages and topic.
await page.goto(url("search/index.html") + "?q=Arctic");
await page.waitForSelector("#search-results li", { timeout: 5000 });
const hits = await page.$$eval("#search-results li a", (as) => as.map((a) => ({ href: a.getAttribute("href"), text: a.textContent })));
check("search lists the Arctic topic page", hits.some((h) => h.href.endsWith("topics/arctic/index.html")), JSON.stringify(hits.slice(0, 5)));
const paperHits = hits.filter((h) => h.href.includes(PAPER + "#p-"));
check("search lists paragraphs of 001 about the Arctic", paperHits.length >= 1, JSON.stringify(hits.slice(0, 8)));
check("snippets mark the query", (await page.$$eval("#search-results mark", (m) => m.length)) > 0);
check("the query is in the search box", (await page.inputValue("#page-q")) === "Arctic");

// 1a. Every result shows the matched word in its snippet or title (the
// snippet is the text around the match, not the passage's start), and the
// snippet is plain text.
await page.goto(url("search/index.html") + "?q=sanctions");
await page.waitForSelector("#search-results li", { timeout: 5000 });
const sanctions = await page.$$eval("#search-results li", (l) => l.map((li) => ({
  marks: Array.from(li.querySelectorAll("mark")).map((m) => m.textContent.toLowerCase()),
  text: li.textContent,
})));
const unmarked = sanctions.filter((r) => !r.marks.some((m) => m.startsWith("sanction")));
check("every “sanctions” result marks the word", sanctions.length >= 10 && unmarked.length === 0, sanctions.length + " results; unmarked: " + JSON.stringify(unmarked.slice(0, 3)));
check("snippets hold no Markdown", !sanctions.some((r) => /\*\*|\]\(|^#/.test(r.text)), JSON.stringify(sanctions.slice(0, 2)));

// 1b. Initialisms are findable, and long result lists have more pages.
await page.goto(url("search/index.html") + "?q=U.S.");
await page.waitForSelector("#search-results li", { timeout: 5000 });
const us = await page.$$eval("#search-results li", (l) => l.length);
check("“U.S.” finds its passages", us >= 20, String(us));
const usMarks = await page.$$eval("#search-results li", (l) => l.filter((li) => Array.from(li.querySelectorAll("mark")).some((m) => m.textContent.replace(/\./g, "").toLowerCase() === "us")).length);
check("“U.S.” results mark “U.S.”", usMarks === us, usMarks + " of " + us);
await page.goto(url("search/index.html") + "?q=China");
await page.waitForSelector("#search-results li", { timeout: 5000 });
const first = await page.$$eval("#search-results li", (l) => l.length);
const moreShown = await page.isVisible("button.more");
check("a long result list stops at 50 with a way to see more", first === 50 && moreShown, first + " " + moreShown);
if (moreShown) {
  await page.click("button.more");
  await page.waitForFunction(() => document.querySelectorAll("#search-results li").length > 50, null, { timeout: 5000 }).catch(() => {});
  const after = await page.$$eval("#search-results li", (l) => l.length);
  check("“Show more” lists the next results", after > 50, String(after));
}

// 2. Following a result lands on the paragraph.
const target = paperHits[0];
await page.click(`#search-results a[href="${target.href}"]`);
await page.waitForLoadState("load");
const landed = await page.evaluate(() => {
  const t = document.querySelector(":target");
  return { hash: location.hash, id: t && t.id, text: t && t.textContent };
});
check("a result opens its paragraph", landed.id && landed.hash === "#" + landed.id && /Arctic/.test(landed.text), JSON.stringify(landed));

// 2b. A timeline entry found by search opens on its year's timeline page.
await page.goto(url("search/index.html") + "?q=Communist+Revolution");
await page.waitForSelector("#search-results li", { timeout: 5000 });
const yearHits = await page.$$eval("#search-results li.kind-y a", (as) => as.map((a) => a.getAttribute("href")));
check("search lists the 1949 timeline entry", yearHits.some((h) => /timeline\/index\.html#y1949-/.test(h)), JSON.stringify(yearHits));
if (yearHits.length) {
  await page.click(`#search-results li.kind-y a[href="${yearHits[0]}"]`);
  await page.waitForLoadState("load");
  const entry = await page.evaluate(() => {
    const t = document.querySelector(":target");
    return { hash: location.hash, item: !!t && t.matches(".year .entries > li"), text: t && t.textContent };
  });
  check("a timeline result opens its entry", entry.item && /Communist Revolution/.test(entry.text || ""), JSON.stringify(entry));
}

// 3. Keyboard: type in the header box, arrow down, Enter follows.
await page.goto(url("index.html"));
await page.fill("#site-q", "Lavrov");
await page.waitForSelector("#site-search-results li.result", { timeout: 5000 });
await page.keyboard.press("ArrowDown");
const selected = await page.$eval("#site-search-results [aria-selected=true]", (o) => o.getAttribute("data-href"));
const expected = selected.split("#")[0];
await Promise.all([
  page.waitForURL((u) => u.pathname.endsWith(expected), { timeout: 5000 }).catch(() => {}),
  page.keyboard.press("Enter"),
]);
check("keyboard selection follows a result", page.url().includes(expected), page.url() + " vs " + selected);
await page.goto(url("index.html"));
await page.fill("#site-q", "Arctic");
await page.waitForSelector("#site-search-results li.result");
await page.keyboard.press("Escape");
check("Escape closes the search results", await page.$eval(".search-popup", (e) => e.hidden && getComputedStyle(e).display === "none"));

// 4. Hovering footnote 3 of 001 shows the Ong article with its DOI.
await page.goto(url(PAPER));
await page.hover("a#fnref-3");
await page.waitForSelector("#dossier-preview:not([hidden])", { timeout: 3000 });
const preview = await page.textContent("#dossier-preview");
check("footnote 3 preview shows the Ong article", /Ong, Russell/.test(preview) && /Strategic Convergence/.test(preview), preview);
check("footnote 3 preview shows the DOI", preview.includes("10.1080/10163270903087329"), preview);
// Its label numbers it as the list does (the notes carry no `value` when
// they run 1, 2, 3, …).
const label = await page.textContent("#dossier-preview .preview-label");
check("footnote 3 preview is labelled note 3", /\b3\b/.test(label) && !/\b(1|2|4)\b/.test(label), label);
const described = await page.getAttribute("a#fnref-3", "aria-describedby");
check("the preview is tied to its marker (aria-describedby)", described === "dossier-preview");
// The mouse crosses the gap into the preview and its link can be used.
const box = await page.$eval("#dossier-preview", (e) => { const r = e.getBoundingClientRect(); return { x: r.left + 20, y: r.top + 10 }; });
await page.mouse.move(box.x, box.y - 8, { steps: 4 });
await page.mouse.move(box.x, box.y + 4, { steps: 2 });
await page.waitForTimeout(500);
check("the preview stays while the mouse moves into it", await page.$eval("#dossier-preview", (e) => !e.hidden));
const inside = await page.$("#dossier-preview a[href]");
check("the preview holds a link", !!inside);
if (inside) {
  await inside.focus();
  await page.waitForTimeout(100);
  check("focus can move into the preview", await page.$eval("#dossier-preview", (e) => !e.hidden && e.contains(document.activeElement)));
}
await page.keyboard.press("Escape");
check("Escape closes the preview", await page.$eval("#dossier-preview", (e) => e.hidden));
check("Escape from inside the preview returns focus to its marker", await page.evaluate(() => document.activeElement && document.activeElement.id === "fnref-3"));

// 5. Focusing a topic link shows the topic's description.
await page.mouse.move(0, 0);
await page.waitForTimeout(400);
await page.focus('a.topic[href$="topics/arctic/index.html"]');
const topicPreview = await page.textContent("#dossier-preview");
check("a topic link previews its description", /Russian and Chinese interests diverge/.test(topicPreview), topicPreview);

// 6. A later link to the same topic shows the same preview (written once,
// on the first link); a year on the page's timeline list links its year.
const repeated = await page.evaluate(() => {
  const counts = {};
  document.querySelectorAll("a.topic").forEach((a) => { const h = a.getAttribute("href"); counts[h] = (counts[h] || 0) + 1; });
  const topic = Object.keys(counts).sort((a, b) => counts[b] - counts[a])[0];
  const first = document.querySelector(`a.topic[href="${topic}"][data-preview]`);
  return { topic, count: counts[topic], previews: document.querySelectorAll(`a.topic[href="${topic}"][data-preview]`).length, text: first && first.getAttribute("data-preview") };
});
const later = await page.$$(`a.topic[href="${repeated.topic}"]`);
await later[later.length - 1].focus();
const laterPreview = await page.textContent("#dossier-preview");
check("a later link to a topic previews it too", repeated.count > 1 && laterPreview.includes(repeated.text), JSON.stringify(repeated) + " " + laterPreview);
check("each topic's preview is written once", repeated.previews === 1, JSON.stringify(repeated));
const when = await page.$eval(".doc-dates li > a", (a) => a.getAttribute("href"));
check("a timeline year links its year's page", /timeline\/.*index\.html#y1949/.test(when), when);

// 7. The map and the document filters work.
await page.goto(url("graph/index.html"));
const nodes = await page.$$eval("svg.map a.node", (as) => as.length);
check("the map has linked nodes", nodes >= 20, String(nodes));
// Its labels, and a document's local map's, are read at text size on a
// phone and a desktop, and none overlaps another.
const labels = () => {
  const boxes = Array.from(document.querySelectorAll("svg.map text")).map((t) => t.getBoundingClientRect());
  let overlaps = 0;
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i], b = boxes[j];
      if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) overlaps++;
    }
  }
  return { count: boxes.length, smallest: Math.min(...boxes.map((b) => b.height)), overlaps };
};
for (const width of [390, 1280]) {
  const sized = await browser.newPage({ viewport: { width, height: 800 } });
  for (const [what, at] of [["the map", "graph/index.html"], ["a document's local map", PAPER]]) {
    await sized.goto(url(at));
    const l = await sized.evaluate(labels);
    check(`${what}'s labels are readable at ${width} px and do not overlap`, l.count >= 10 && l.smallest >= 14 && l.overlaps === 0, JSON.stringify(l));
  }
  await sized.close();
}
// The local map is drawn from the page's own lists: every topic node is a
// topic the page lists, every work node a work its notes link to, named
// by the family name and year.
await page.goto(url(PAPER));
const local = await page.evaluate(() => {
  const map = document.querySelector("section.doc-map");
  const hrefs = (sel) => new Set(Array.from(document.querySelectorAll(sel)).map((a) => a.getAttribute("href")));
  const topics = hrefs(".doc-topics .topic-list > li > a:first-child"), cited = hrefs(".footnotes a.cite");
  const nodes = (kind) => Array.from(map.querySelectorAll(`svg.map a.node.${kind}`));
  return {
    shown: !map.hidden,
    topics: nodes("topic").length, topicsListed: nodes("topic").every((a) => topics.has(a.getAttribute("href"))),
    works: nodes("work").map((a) => a.textContent), worksCited: nodes("work").every((a) => cited.has(a.getAttribute("href"))),
    current: map.querySelectorAll("g.current").length,
  };
});
check("a document's local map shows its topics and cited works",
  local.shown && local.current === 1 && local.topics >= 3 && local.topicsListed && local.worksCited &&
  local.works.length >= 3 && local.works.includes("Ong 2009"), JSON.stringify(local));
await page.goto(url("documents/index.html"));
await page.selectOption("select[name=topic]", "arctic");
const visible = await page.$$eval(".all-docs > li", (lis) => lis.filter((l) => !l.hidden).length);
check("filtering documents by topic", visible === 2, String(visible));

// 8. With JavaScript off, plain links still work.
const noJs = await browser.newContext({ javaScriptEnabled: false });
const plain = await noJs.newPage();
await plain.goto(url(PAPER));
await plain.click("a#fnref-3");
check("footnote links work without JavaScript", plain.url().endsWith("#fn-3"), plain.url());
await plain.goto(url(PAPER));
check("without JavaScript the local map's empty section stays hidden", await plain.$eval("section.doc-map", (s) => s.hidden && !s.querySelector("svg")));
await noJs.close();

// 9. The browser's tokenizer and stemmer agree with the build's.
if (process.argv[3]) {
  const { readFileSync } = await import("node:fs");
  const samples = JSON.parse(readFileSync(process.argv[3], "utf8"));
  await page.goto(url("index.html"));
  await page.waitForFunction(() => window.DOSSIER_SEARCH);
  const got = await page.evaluate((texts) => texts.map((t) => window.DOSSIER_SEARCH.tokens(t)), samples.map((s) => s.text));
  const wrong = samples.filter((s, i) => JSON.stringify(s.tokens) !== JSON.stringify(got[i]));
  check(`tokens agree with the build on ${samples.length} samples`, wrong.length === 0,
        wrong.map((w) => `${w.text} -> ${JSON.stringify(w.tokens)} vs ${JSON.stringify(got[samples.indexOf(w)])}`).join("; "));
}

// 10. The browser reads postings as the build writes them.
if (process.argv[4]) {
  const { readFileSync } = await import("node:fs");
  const lists = JSON.parse(readFileSync(process.argv[4], "utf8"));
  const got = await page.evaluate((pairs) => pairs.map((p) => {
    const d = window.DOSSIER_SEARCH.decode(p.pair, 1, p.starts);
    return { ids: Array.from(d.ids), ws: Array.from(d.ws) };
  }), lists.map((l) => ({ pair: l.pair, starts: l.starts })));
  const wrong = lists.filter((l, i) => JSON.stringify(l.ids) !== JSON.stringify(got[i].ids) || JSON.stringify(l.ws) !== JSON.stringify(got[i].ws));
  check(`postings decode as the build encoded them (${lists.length} lists)`, wrong.length === 0,
        wrong.map((w) => JSON.stringify(w.pair)).join("; "));
}

check("no console errors", errors.length === 0, errors.join(" | "));
check("no network requests", requests.length === 0, requests.join(" "));

await browser.close();
process.exit(finish());
