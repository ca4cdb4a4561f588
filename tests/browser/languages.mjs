// Search in four languages from file://: the languages fixture site, built
// and copied, in Debian's headless Chromium.
// Usage: node languages.mjs SITE_DIR
// Prints one line per check and "N passed, M failed"; exits 1 on a failure.
import { launch, reporter } from "./harness.mjs";
import path from "node:path";

const site = path.resolve(process.argv[2]);
const url = (p) => "file://" + path.join(site, p);
const { check, finish } = reporter("languages");

const browser = await launch();
const page = await browser.newPage();
const errors = [];
page.on("pageerror", (e) => errors.push(String(e)));

const RU = "gazoprovod-sila-sibiri-i-energetika-dalnego-vostoka/index.html";
const ZH = "zhong-e-tian-ran-qi-he-zuo-de-xin-jie-duan/index.html";
const FR = "les-elements-dune-cooperation-energetique/index.html";

/* The results of a search for `q`: each link and its marked words. */
async function results(q) {
  await page.goto(url("search/index.html") + "?q=" + encodeURIComponent(q));
  await page.waitForFunction(() => {
    const s = document.querySelector(".status");
    return s && s.textContent.length > 0;
  }, null, { timeout: 5000 });
  return page.$$eval("#search-results li", (lis) => lis.map((li) => ({
    href: li.querySelector("a").getAttribute("href"),
    marks: Array.from(li.querySelectorAll("mark")).map((m) => m.textContent),
  })));
}

const passagesOf = (hits, doc) => hits.filter((h) => h.href.includes(doc + "#p-"));

// Russian: the nominative finds the passage that has it, and the one with
// another case of the word (энергетики), through the indexed stem.
let hits = await results("энергетика");
let ru = passagesOf(hits, RU);
check("энергетика finds the Russian passages", ru.length >= 1, JSON.stringify(hits));
check("the marks hold the word's forms", ru.some((h) => h.marks.some((m) => /^энергетик/i.test(m))), JSON.stringify(ru));
hits = await results("энергетики");
check("another case finds them too", passagesOf(hits, RU).length >= 1, JSON.stringify(hits));

// Chinese: no spaces between words; the query's character pairs find it.
hits = await results("天然气");
const zh = passagesOf(hits, ZH);
check("天然气 finds the Chinese passage", zh.length >= 1, JSON.stringify(hits));
check("the Chinese match is marked", zh.some((h) => h.marks.includes("天然气")), JSON.stringify(zh));
hits = await results("天然");
check("a shorter run still finds it", passagesOf(hits, ZH).length >= 1, JSON.stringify(hits));

// French, with and without accents.
for (const q of ["éléments", "elements", "Éléments"]) {
  hits = await results(q);
  const fr = passagesOf(hits, FR);
  check(`${q} finds the French passage`, fr.length >= 1, JSON.stringify(hits));
  check(`${q}: the accented word is marked`, fr.some((h) => h.marks.some((m) => m.toLowerCase() === "éléments")), JSON.stringify(fr));
}

// A stop word of the site's languages is dropped from the query, not
// required: "энергетика и газ" still finds the Russian text.
hits = await results("энергетика и");
check("Russian stop words are dropped", passagesOf(hits, RU).length >= 1, JSON.stringify(hits));

// English stays as it was: the light stemmer on both sides.
hits = await results("contracts");
check("English plural finds the English text", hits.some((h) => h.href.includes("a-long-road-to-a-gas-contract/")), JSON.stringify(hits));

// Results in another language than the site's are marked with it.
await results("天然气");
const zhLang = await page.$$eval("#search-results li", (lis) => lis
  .filter((li) => li.querySelector("a").getAttribute("href").includes("zhong-e-tian-ran-qi"))
  .map((li) => li.querySelector(".snippet").getAttribute("lang")));
check("Chinese results carry lang=zh", zhLang.length > 0 && zhLang.every((l) => l === "zh"), JSON.stringify(zhLang));
const topicLang = await page.$$eval("#search-results li", (lis) => lis
  .filter((li) => li.querySelector("a").getAttribute("href").includes("topics/"))
  .map((li) => li.querySelector(".snippet").getAttribute("lang")));
check("the site's own entries carry none", topicLang.every((l) => l === null), JSON.stringify(topicLang));

// A document in another language is marked as such on its page.
await page.goto(url(RU));
check("the Russian text is marked lang=ru", (await page.getAttribute(".doc-body", "lang")) === "ru");
check("no script errors", errors.length === 0, errors.join("; "));

await browser.close();
process.exit(finish());
