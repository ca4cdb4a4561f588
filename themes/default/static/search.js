/* dossier: offline search and previews.
 *
 * Everything here works from file:// with no server and no network: the
 * search index is a set of local scripts (search/meta.js, search/t/<key>.js,
 * search/e/<n>.js) that register themselves through DOSSIER_SEARCH, loaded
 * on demand with <script> elements; their JSON is deflated, seven bits to a
 * character, and inflated here with DecompressionStream. The tokenizer and stemmer mirror
 * src/search/analyze.rs and src/search/tokens.rs; keep them in step.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var root = (script && script.getAttribute("data-root")) || "";
  // The words shown, in the site's language when it is not English (the
  // theme's `js_*` strings, given by the page).
  var WORDS = {
    topic: "Topic", document: "Document", cited_work: "Cited work", passage: "Passage", timeline: "Timeline",
    all_results: "All results", no_results_all: "No results: search the whole dossier", matches: "{n} matches",
    n_of: "{n} of {total}", no_results: "No results", note: "Note {n}", in_index: "In the citation index"
  };
  try { Object.assign(WORDS, JSON.parse((script && script.getAttribute("data-strings")) || "{}")); } catch (e) { /* English */ }
  function say(key, n, total) { return WORDS[key].replace("{n}", n).replace("{total}", total); }

  // ---- Tokens (mirror of src/search/tokens.rs) ----------------------------
  var STOP = new Set(("a about after all also an and any are as at be been before between but by can could did do does for from had has have he her his how if in into is it its more most no not of on or other our over she so some such than that the their them then there these they this those to under was we were what when where which while who whom why will with would you your").split(" "));

  function stem(word) {
    if (!/^[a-z]+$/.test(word) || word.length <= 3) return word;
    var n = word.length;
    var ends = function (s) { return word.slice(-s.length) === s; };
    if (ends("ies") && n > 4) return word.slice(0, -3) + "y";
    if (ends("sses")) return word.slice(0, -2);
    if (ends("es") && n > 4 && ["ses", "xes", "zes", "ches", "shes"].some(ends)) return word.slice(0, -2);
    if (ends("s") && !ends("ss") && !ends("us") && !ends("is")) return word.slice(0, -1);
    if (ends("ing") && n > 5) return undouble(word.slice(0, -3));
    if (ends("ed") && n > 4) return undouble(word.slice(0, -2));
    if (ends("ly") && n > 5) return word.slice(0, -2);
    return word;
  }

  function undouble(s) {
    var n = s.length;
    if (n >= 3 && s[n - 1] === s[n - 2] && "aeioulsz".indexOf(s[n - 1]) < 0) return s.slice(0, -1);
    return s;
  }

  // `u.s.` → `us `, `9/11` → `911`, as `join_marks` in src/search/tokens.rs.
  function joinMarks(text) {
    return text
      .replace(/(?<![\p{L}\p{N}])(?:\p{L}\.){2,}(?![\p{L}\p{N}])/gu, function (m) { return m.replace(/\./g, "") + " "; })
      .replace(/(?<=[0-9])\/(?=[0-9])/g, "");
  }

  // Chinese characters and kana: the ranges of `is_cjk` in analyze.rs.
  var CJK_RANGES = "\u3005\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9d\u{20000}-\u{2fa1f}";
  var CJK_START = new RegExp("^[" + CJK_RANGES + "]", "u");
  var RUNS = new RegExp("[" + CJK_RANGES + "]+|[^" + CJK_RANGES + "]+", "gu");

  /* The words of `text` as `each_word` in analyze.rs cuts them: lower-case,
   * marks joined, runs of Chinese or Japanese characters apart, single
   * ASCII characters left out; stop words still in. */
  function words(text) {
    var out = [];
    joinMarks(text.toLowerCase()).split(/[^\p{L}\p{N}\p{M}]+/u).forEach(function (w) {
      (w.match(RUNS) || []).forEach(function (r) {
        if (!(r.length === 1 && r.charCodeAt(0) < 128)) out.push(r);
      });
    });
    return out;
  }

  /* Accents off, as `fold` in analyze.rs. */
  function fold(w) {
    return /^[\x00-\x7f]*$/.test(w) ? w : w.normalize("NFD").replace(/[\u0300-\u036f]/g, "").normalize("NFC");
  }

  /* Overlapping pairs of a run of Chinese or Japanese characters. */
  function pairs(run) {
    var c = Array.from(run);
    if (c.length === 1) return [run];
    var out = [];
    for (var i = 0; i + 1 < c.length; i++) out.push(c[i] + c[i + 1]);
    return out;
  }

  /* The tokens an English text is indexed under (analyze.rs, English). */
  function tokens(text) {
    var out = [];
    words(text).forEach(function (w) {
      if (CJK_START.test(w)) out.push.apply(out, pairs(w));
      else if (!STOP.has(w)) out.push(stem(fold(w)));
    });
    return out;
  }

  function shardKey(token, n) {
    if (CJK_START.test(token)) {
      var h = (token.codePointAt(0) % 256).toString(16);
      return "_h" + (h.length < 2 ? "0" + h : h);
    }
    return Array.from(token).slice(0, n || 2).map(function (c) {
      return /[a-z0-9]/.test(c) ? c : "_" + c.codePointAt(0).toString(16);
    }).join("");
  }

  // ---- Loading index parts ------------------------------------------------
  var state = { meta: null, shards: {}, chunks: {}, pending: {} };

  function done(path) {
    var p = state.pending[path];
    if (p) { p.resolve(); }
  }

  window.DOSSIER_SEARCH = {
    meta: function (m) { state.meta = m; state.starts = starts(m.groups || ""); done("meta"); },
    terms: function (key, t) { state.shards[key] = t; done("t/" + key); },
    entries: function (k, rows) { state.chunks[k] = rows; done("e/" + k); },
    // The index's files hold their JSON deflated, seven bits to a
    // character (see `unseven`).
    packed7: function (kind, key, data) {
      inflate(data).then(function (value) {
        if (kind === "e") window.DOSSIER_SEARCH.entries(key, value);
        else window.DOSSIER_SEARCH.terms(key, value);
      }, function () { done(kind + "/" + key); });
    },
    tokens: tokens,
    stem: stem,
    shardKey: shardKey,
    decode: decode,
    search: search
  };

  /* The bytes held in `text`, seven bits to a character, the first bit
     highest; the last character's spare bits are padding. */
  function unseven(text) {
    var out = new Uint8Array((text.length * 7) >> 3), acc = 0, bits = 0, o = 0;
    for (var i = 0; i < text.length; i++) {
      acc = (acc << 7) | (text.charCodeAt(i) & 127);
      bits += 7;
      if (bits >= 8) {
        bits -= 8;
        out[o++] = (acc >> bits) & 255;
        acc &= (1 << bits) - 1;
      }
    }
    return out;
  }

  /* The JSON value deflated (zlib) in `data`. */
  function inflate(data) {
    if (typeof DecompressionStream === "undefined") return Promise.reject(new Error("no DecompressionStream"));
    var bytes = unseven(data);
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate"));
    return new Response(stream).text().then(JSON.parse);
  }

  function load(path) {
    if (state.pending[path]) return state.pending[path].promise;
    var entry = {};
    entry.promise = new Promise(function (resolve) {
      entry.resolve = resolve;
      var s = document.createElement("script");
      s.src = root + "search/" + path + ".js";
      s.async = true;
      s.onerror = function () { resolve(); };
      document.head.appendChild(s);
    });
    state.pending[path] = entry;
    return entry.promise;
  }

  /* Each group's first id, from `meta.js`: differences from the one before,
     in multiples of 16, base 36, comma-separated. */
  function starts(text) {
    var out = [], at = 0;
    if (text) text.split(",").forEach(function (d) { at += parseInt(d, 36) * 16; out.push(at); });
    return Int32Array.from(out);
  }

  /* A token's postings as parallel typed arrays sorted by entry id, each
     weight multiplied by `factor`. Segments are separated by ";"; in each,
     "g.p" opens a group (g more than the one before, or the group itself
     first in a segment) at place p, and a bare number is the next place in
     that group, as a difference; all base 36. An id is its group's first
     id (`groupStarts`, else the site's) plus its place. One weight digit
     per id. */
  function decode(pair, factor, groupStarts) {
    var first = groupStarts || state.starts;
    var segments = pair[0].split(";").map(function (s) { return s.split(","); });
    var total = 0;
    segments.forEach(function (s) { total += s.length; });
    var ids = new Int32Array(total), ws = new Float32Array(total), weights = pair[1], n = 0;
    segments.forEach(function (parts) {
      var group = 0, place = 0;
      for (var i = 0; i < parts.length; i++, n++) {
        var part = parts[i], dot = part.indexOf(".");
        if (dot >= 0) {
          group += parseInt(part.slice(0, dot), 36);
          place = parseInt(part.slice(dot + 1), 36);
        } else {
          place += parseInt(part, 36);
        }
        ids[n] = first[group] + place;
        ws[n] = (weights ? parseInt(weights[n], 36) : 1) * factor;
      }
    });
    return { ids: ids, ws: ws };
  }

  /* Several lists (the words a prefix matches) as one, best weight per id. */
  function union(lists) {
    if (lists.length === 1) return lists[0];
    var best = new Map();
    lists.forEach(function (l) {
      for (var i = 0; i < l.ids.length; i++) {
        if ((best.get(l.ids[i]) || 0) < l.ws[i]) best.set(l.ids[i], l.ws[i]);
      }
    });
    var ids = Int32Array.from(best.keys()).sort();
    var ws = new Float32Array(ids.length);
    for (var i = 0; i < ids.length; i++) ws[i] = best.get(ids[i]);
    return { ids: ids, ws: ws };
  }

  var KIND_NAME = { t: WORDS.topic, d: WORDS.document, w: WORDS.cited_work, p: WORDS.passage, y: WORDS.timeline };

  /* Ranks entries for `query`: every term must match (the last one as a
   * prefix while the user types); scores are tf × idf with a boost by kind. */
  async function search(query, limit) {
    var pieces = words(query);
    if (!pieces.length) return { results: [], terms: [], raw: [] };
    await load("meta");
    var meta = state.meta;
    if (!meta) return { results: [], terms: [], raw: [] };
    // The query's words as the index holds them: stop words of every
    // language on the site dropped, pairs of Chinese characters, accents
    // folded, the English stemmer applied.
    var stop = new Set(meta.stop || []);
    var raw = [], terms = [], cjk = [];
    pieces.forEach(function (w) {
      if (CJK_START.test(w)) {
        cjk.push(w);
        pairs(w).forEach(function (p) { raw.push(p); terms.push(p); });
      } else if (!STOP.has(w) && !stop.has(w)) {
        var f = fold(w);
        raw.push(f);
        terms.push(stem(f));
      }
    });
    if (!terms.length) return { results: [], terms: [], raw: [] };
    var stems = [];
    // The last word is taken as a prefix while it is being typed (the
    // query ends in a letter or digit).
    var prefixLast = /[\p{L}\p{N}]$/u.test(query);
    var perTerm = [];
    // A token lives in its three-character shard when that exists (large
    // shards are split), else in its two-character one.
    var keyOf = function (t) {
      var k3 = shardKey(t, 3);
      return Array.from(t).length > 2 && meta.shards.indexOf(k3) >= 0 ? k3 : shardKey(t, 2);
    };
    for (var i = 0; i < terms.length; i++) {
      var key = keyOf(terms[i]);
      var found = [];
      var keys = [key];
      if (keyOf(raw[i]) !== key) keys.push(keyOf(raw[i]));
      for (var k = 0; k < keys.length; k++) {
        if (meta.shards.indexOf(keys[k]) < 0) continue;
        await load("t/" + keys[k]);
        var shard = state.shards[keys[k]] || {};
        for (var term in shard) {
          var exact = term === terms[i];
          var prefix = i === terms.length - 1 && prefixLast && (term.indexOf(raw[i]) === 0 || term.indexOf(terms[i]) === 0);
          if (exact || prefix) found.push(decode(shard[term], exact ? 1 : 0.5));
        }
      }
      // Texts in languages stemmed by Snowball hold stems the browser does
      // not compute: a word also matches the longest indexed stem that
      // begins it, when that is more than half of it.
      if (meta.stems && !CJK_START.test(raw[i])) {
        var best = null, bestKey = null;
        for (var b = 0; b < keys.length; b++) {
          var sh = state.shards[keys[b]] || {};
          for (var t in sh) {
            if (t !== terms[i] && t.length >= 3 && t.length >= 0.55 * raw[i].length && raw[i].indexOf(t) === 0 && (!best || t.length > best.length)) {
              best = t;
              bestKey = keys[b];
            }
          }
        }
        if (best) {
          found.push(decode(state.shards[bestKey][best], 1));
          stems.push(best);
        }
      }
      perTerm.push(found.length ? union(found) : { ids: new Int32Array(0), ws: new Float32Array(0) });
    }
    // Every word must match: walk the sorted lists from the shortest.
    var total = meta.entries;
    perTerm.sort(function (a, b) { return a.ids.length - b.ids.length; });
    var idf = perTerm.map(function (l) { return Math.log(1 + total / Math.max(1, l.ids.length)); });
    var first = perTerm[0], at = perTerm.map(function () { return 0; });
    var hitIds = [], hitScores = [];
    outer: for (var x = 0; x < first.ids.length; x++) {
      var id = first.ids[x], s = first.ws[x] * idf[0];
      for (var t = 1; t < perTerm.length; t++) {
        var l = perTerm[t], j = at[t];
        while (j < l.ids.length && l.ids[j] < id) j++;
        at[t] = j;
        if (j === l.ids.length || l.ids[j] !== id) continue outer;
        s += l.ws[j] * idf[t];
      }
      hitIds.push(id);
      hitScores.push(s);
    }
    var order = hitIds.map(function (_, n) { return n; });
    order.sort(function (a, b) { return hitScores[b] - hitScores[a] || hitIds[a] - hitIds[b]; });
    var ranked = order.map(function (n) { return [hitIds[n], hitScores[n]]; });
    // Entries are in chunks of `meta.chunk` groups, each group's rows by
    // their places in it; rows past `meta.rows` in further parts ("12-1").
    var chunk = meta.chunk, perPart = meta.rows, starts = state.starts;
    var rows = [];
    // Kinds are weighed at build time: only the shown entries are loaded.
    var candidates = ranked.slice(0, limit);
    var groupOf = function (id) {
      var lo = 0, hi = starts.length;
      while (hi - lo > 1) { var mid = (lo + hi) >> 1; if (starts[mid] <= id) lo = mid; else hi = mid; }
      return lo;
    };
    // Where an entry is: its chunk file's key, its group there, its row.
    var place = function (id) {
      var g = groupOf(id), c = Math.floor(g / chunk), at = id - starts[g], part = Math.floor(at / perPart);
      return { key: part ? c + "-" + part : String(c), group: g - c * chunk, row: at - part * perPart };
    };
    var row = function (id) {
      var p = place(id);
      return ((state.chunks[p.key] || [])[p.group] || [])[p.row];
    };
    // A row that names its document's entry says where it is from the
    // first slot of its group.
    var parentOf = function (id, x) { return starts[groupOf(id)] + x[1]; };
    var loadRows = function (ids) {
      var need = new Set(ids.map(function (id) { return place(id).key; }));
      return Promise.all(Array.from(need).map(function (c) { return load("e/" + c); }));
    };
    await loadRows(candidates.map(function (r) { return r[0]; }));
    // A paragraph names its document's entry (for the title and URL).
    var parents = candidates.map(function (r) { var x = row(r[0]); return x && typeof x[1] === "number" ? parentOf(r[0], x) : null; })
      .filter(function (p) { return p !== null; });
    await loadRows(parents);
    candidates.forEach(function (r) {
      var x = row(r[0]);
      if (!x) return;
      var title = x[1], url = x[2], lang = x[4];
      if (typeof x[1] === "number") {
        var parent = row(parentOf(r[0], x));
        if (!parent) return;
        // A document row's fifth field is its language.
        lang = parent[4];
        // A timeline entry's row ends with its label: "1987 · Title".
        title = x.length > 4 ? x[4] + " · " + parent[1] : parent[1];
        url = x[0] === "y" ? x[2] : parent[2] + x[2];
      }
      if (x[0] === "y" && url.charAt(0) === "#") {
        // A timeline entry is its anchor (#y1987-…): its year's page is in
        // the index's metadata.
        var year = /^#y(-?\d+)-/.exec(url);
        url = ((year && (meta.timeline || {})[year[1]]) || "timeline/index.html") + url;
      }
      rows.push({ id: r[0], score: r[1], kind: x[0], title: title, url: url, text: x[3], lang: lang });
    });
    return { results: rows.slice(0, limit), terms: terms, raw: raw, stems: stems, cjk: cjk, prefix: prefixLast, total: hitIds.length };
  }

  // ---- Rendering results --------------------------------------------------
  function escapeHtml(s) {
    return s.replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  /* The [start, end) spans of the words of `text` that match the query:
   * words as the index cuts them (an initialism `U.S.` and a number such as
   * `9/11` are one word each), a word matching when its stem is a query
   * term or, for the last word typed, when it starts with it. */
  function matches(text, found) {
    var stems = new Set(found.terms);
    var begun = found.stems || [];
    var last = (found.prefix && found.raw[found.raw.length - 1]) || "";
    var spans = [];
    var re = new RegExp("(?<![\\p{L}\\p{N}])(?:\\p{L}\\.){2,}(?![\\p{L}\\p{N}])|(?:(?![" + CJK_RANGES + "])[\\p{L}\\p{N}\\p{M}])+(?:\\/[0-9]+)*", "gu");
    var m;
    while ((m = re.exec(text)) !== null) {
      var w = fold(m[0].toLowerCase().replace(/[./]/g, ""));
      var hit = stems.has(stem(w)) || (last.length > 1 && w.indexOf(last) === 0) ||
        begun.some(function (s) { return w.indexOf(s) === 0 && s.length >= 0.55 * w.length; });
      if (hit) spans.push([m.index, m.index + m[0].length]);
    }
    // A run of Chinese characters in the query is marked where it occurs.
    (found.cjk || []).forEach(function (run) {
      for (var at = text.indexOf(run); at >= 0; at = text.indexOf(run, at + run.length)) {
        spans.push([at, at + run.length]);
      }
    });
    spans.sort(function (a, b) { return a[0] - b[0]; });
    return spans.filter(function (s, n) { return n === 0 || s[0] >= spans[n - 1][1]; });
  }

  /* `text[from, to)` escaped, with the matched spans inside it marked. */
  function marked(text, spans, from, to) {
    var out = "", at = from;
    spans.forEach(function (s) {
      if (s[0] < from || s[1] > to) return;
      out += escapeHtml(text.slice(at, s[0])) + "<mark>" + escapeHtml(text.slice(s[0], s[1])) + "</mark>";
      at = s[1];
    });
    return out + escapeHtml(text.slice(at, to));
  }

  function highlight(text, found) {
    return marked(text, matches(text, found), 0, text.length);
  }

  var SNIPPET = 180;

  /* About SNIPPET characters of `text` around its matches: the window that
   * holds the most of them, opening a little before the first, cut at
   * spaces; every match inside it marked. */
  function snippet(text, found) {
    var spans = matches(text, found);
    var from = 0, to = text.length;
    if (text.length > SNIPPET) {
      var best = 0, bestCount = 0, j = 0;
      for (var i = 0; i < spans.length; i++) {
        while (j < spans.length && spans[j][1] <= spans[i][0] + SNIPPET - 40) j++;
        if (j - i > bestCount) { best = i; bestCount = j - i; }
      }
      from = spans.length ? Math.max(0, spans[best][0] - 40) : 0;
      to = Math.min(text.length, from + SNIPPET);
      if (to === text.length) from = Math.max(0, to - SNIPPET);
      if (from > 0) {
        var space = text.indexOf(" ", from);
        if (space >= 0 && space < (spans.length ? spans[best][0] : to)) from = space + 1;
      }
      if (to < text.length) {
        var back = text.lastIndexOf(" ", to);
        if (back > from && (!spans.length || back >= spans[best][1])) to = back;
      }
    }
    return (from > 0 ? "… " : "") + marked(text, spans, from, to) + (to < text.length ? " …" : "");
  }

  // Results as options of the header's listbox (no links inside: an
  // option is chosen with Enter or a click), or as links on the page.
  function resultsHtml(found, idPrefix, asOptions) {
    return found.results.map(function (r, i) {
      var href = escapeHtml(root + r.url);
      // A passage in another language than the page's says so.
      var lang = r.lang ? ' lang="' + escapeHtml(r.lang) + '"' : "";
      var inner = '<span class="kind">' + KIND_NAME[r.kind] + "</span> " +
        '<span class="title"' + lang + ">" + highlight(r.title, found) + "</span>" +
        '<span class="snippet"' + lang + ">" + snippet(r.text, found) + "</span>";
      return asOptions
        ? '<li role="option" aria-selected="false" id="' + idPrefix + i + '" class="result kind-' + r.kind + '" data-href="' + href + '">' + inner + "</li>"
        : '<li class="result kind-' + r.kind + '"><a href="' + href + '">' + inner + "</a></li>";
    }).join("");
  }

  /* Arrow keys move through a listbox, Enter follows, Escape closes. */
  function keyboard(input, list, onEscape) {
    input.addEventListener("keydown", function (e) {
      var items = list.querySelectorAll("[role=option]");
      var current = list.querySelector("[aria-selected=true]");
      var index = Array.prototype.indexOf.call(items, current);
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        if (!items.length) return;
        e.preventDefault();
        index = e.key === "ArrowDown" ? Math.min(index + 1, items.length - 1) : Math.max(index - 1, 0);
        if (current) current.setAttribute("aria-selected", "false");
        items[index].setAttribute("aria-selected", "true");
        input.setAttribute("aria-activedescendant", items[index].id);
        items[index].scrollIntoView({ block: "nearest" });
      } else if (e.key === "Enter" && current) {
        e.preventDefault();
        window.location.href = current.getAttribute("data-href");
      } else if (e.key === "Escape") {
        onEscape();
      }
    });
  }

  function debounce(fn, ms) {
    var t;
    return function () { clearTimeout(t); t = setTimeout(fn, ms); };
  }

  // The search box in every page's header: instant results under it.
  function setupHeader() {
    var form = document.querySelector("form.site-search");
    if (!form) return;
    var input = form.querySelector("input[name=q]");
    var popup = form.querySelector(".search-popup");
    var list = popup.querySelector("[role=listbox]");
    var all = popup.querySelector(".all");
    var close = function () { popup.hidden = true; input.setAttribute("aria-expanded", "false"); input.removeAttribute("aria-activedescendant"); };
    list.addEventListener("click", function (e) {
      var option = e.target.closest("[role=option]");
      if (option) window.location.href = option.getAttribute("data-href");
    });
    var run = debounce(async function () {
      var q = input.value;
      if (!q.trim()) { close(); return; }
      var started = performance.now();
      var found = await search(q, 8);
      if (input.value !== q) return;
      list.innerHTML = resultsHtml(found, "hs-", true);
      all.firstElementChild.setAttribute("href", root + "search/index.html?q=" + encodeURIComponent(q));
      all.firstElementChild.textContent = found.results.length ? WORDS.all_results : WORDS.no_results_all;
      popup.hidden = false;
      input.setAttribute("aria-expanded", "true");
      document.documentElement.setAttribute("data-search-ms", String(Math.round(performance.now() - started)));
    }, 60);
    input.addEventListener("input", run);
    keyboard(input, list, close);
    document.addEventListener("click", function (e) { if (!form.contains(e.target)) close(); });
  }

  // The search page: reads ?q=, shows all results, keeps the URL in step.
  function setupPage() {
    var page = document.getElementById("search-page");
    if (!page) return;
    var input = page.querySelector("input[name=q]");
    var list = page.querySelector(".results");
    var status = page.querySelector(".status");
    var more = page.querySelector(".more");
    var shown = 50;
    var run = async function (keep) {
      var q = input.value;
      if (keep !== true) shown = 50;
      var started = performance.now();
      var found = q.trim() ? await search(q, shown) : { results: [], terms: [], total: 0 };
      if (input.value !== q) return;
      list.innerHTML = resultsHtml(found, "r-");
      var ms = Math.round(performance.now() - started);
      var count = found.total > found.results.length ? say("n_of", found.results.length, found.total) : found.total;
      status.textContent = q.trim() ? (found.total ? say("matches", count) : WORDS.no_results) + " (" + ms + " ms)" : "";
      if (more) more.hidden = !(found.total > found.results.length);
      document.documentElement.setAttribute("data-search-ms", String(ms));
      var url = new URL(window.location.href);
      url.searchParams.set("q", q);
      try { history.replaceState(null, "", url.toString()); } catch (e) { /* file:// may refuse */ }
    };
    var params = new URLSearchParams(window.location.search);
    input.value = params.get("q") || "";
    input.addEventListener("input", debounce(run, 60));
    if (more) more.addEventListener("click", function () { shown += 50; run(true); });
    input.addEventListener("keydown", function (e) {
      if (e.key === "Escape") { input.value = ""; run(); }
    });
    run();
  }

  // ---- Previews -------------------------------------------------------------
  function setupPreviews() {
    var tip = document.createElement("div");
    tip.id = "dossier-preview";
    tip.className = "preview";
    tip.setAttribute("role", "tooltip");
    tip.hidden = true;
    document.body.appendChild(tip);
    var owner = null;

    function content(a) {
      if (a.getAttribute("role") === "doc-noteref") {
        var note = document.getElementById(decodeURIComponent(a.hash.slice(1)));
        if (!note) return null;
        var copy = note.cloneNode(true);
        var cite = copy.querySelector(".cite");
        copy.querySelectorAll("[role=doc-backlink], .cite").forEach(function (n) { n.remove(); });
        var html = '<p class="preview-label">' + escapeHtml(say("note", String(noteNumber(note)))) + "</p>" + copy.innerHTML;
        // The note's work in the citation index, one click away.
        if (cite) html += '<p class="preview-label"><a href="' + escapeHtml(cite.getAttribute("href")) + '">' + escapeHtml(WORDS.in_index) + '</a></p>';
        return html;
      }
      // A topic's preview is on its first link to the topic's page only.
      var topic = a.classList.contains("topic") && a.getAttribute("href");
      var from = a.hasAttribute("data-preview") || !topic ? a
        : document.querySelector('a.topic[href="' + CSS.escape(topic) + '"][data-preview]');
      var text = from && from.getAttribute("data-preview");
      if (!text) return null;
      var label = from.getAttribute("data-preview-label");
      return (label ? '<p class="preview-label">' + escapeHtml(label) + "</p>" : "") + "<p>" + escapeHtml(text) + "</p>";
    }

    /* A note's number, as its list shows it: its `value`, else one past the
       note before it. */
    function noteNumber(li) {
      var n = 0;
      for (var k = li; k; k = k.previousElementSibling) {
        if (k.hasAttribute("value")) return n + (parseInt(k.getAttribute("value"), 10) || 1);
        n++;
      }
      return n;
    }

    function show(a) {
      var html = content(a);
      if (!html) return;
      owner = a;
      tip.innerHTML = html;
      tip.hidden = false;
      a.setAttribute("aria-describedby", "dossier-preview");
      var r = a.getBoundingClientRect();
      var width = Math.min(420, window.innerWidth - 16);
      tip.style.width = width + "px";
      tip.style.left = Math.max(8, Math.min(r.left + window.scrollX, window.scrollX + window.innerWidth - width - 8)) + "px";
      tip.style.top = (r.bottom + window.scrollY + 6) + "px";
    }

    function hide() {
      if (owner) owner.removeAttribute("aria-describedby");
      owner = null;
      tip.hidden = true;
    }

    // The mouse opens a preview after a short rest on its link, and may
    // cross the gap into it (a bridge of 300 ms) to use the links inside;
    // keyboard focus may move into it too.
    var selector = "a[role=doc-noteref], a[data-preview], a.topic";
    var showTimer = null;
    var hideTimer = null;
    var stop = function () { clearTimeout(showTimer); clearTimeout(hideTimer); };
    // The marker that Escape gives focus back to opens no preview again.
    var quiet = null;
    document.addEventListener("mouseover", function (e) {
      if (tip.contains(e.target)) { clearTimeout(hideTimer); return; }
      var a = e.target.closest && e.target.closest(selector);
      if (a) {
        stop();
        if (a !== owner) showTimer = setTimeout(function () { show(a); }, 120);
      } else if (owner) {
        clearTimeout(showTimer);
        clearTimeout(hideTimer);
        hideTimer = setTimeout(hide, 300);
      } else {
        clearTimeout(showTimer);
      }
    });
    document.addEventListener("focusin", function (e) {
      if (tip.contains(e.target)) { stop(); return; }
      var a = e.target.closest && e.target.closest(selector);
      stop();
      if (a && a === quiet) { quiet = null; return; }
      quiet = null;
      if (a) show(a); else hide();
    });
    document.addEventListener("keydown", function (e) {
      if (e.key !== "Escape" || tip.hidden) return;
      var back = tip.contains(document.activeElement) ? owner : null;
      stop();
      hide();
      if (back) { quiet = back; back.focus(); }
    });
  }

  // ---- The documents list: filters by topic and year ------------------------
  function setupFilters() {
    var box = document.getElementById("doc-filters");
    if (!box) return;
    box.hidden = false;
    var topic = box.querySelector("select[name=topic]");
    var decade = box.querySelector("select[name=decade]");
    var items = document.querySelectorAll(".all-docs > li");
    var count = box.querySelector(".count");
    var apply = function () {
      var shown = 0;
      items.forEach(function (li) {
        var okTopic = !topic.value || (" " + li.getAttribute("data-topics") + " ").indexOf(" " + topic.value + " ") >= 0;
        var okDecade = !decade.value || (" " + li.getAttribute("data-decades") + " ").indexOf(" " + decade.value + " ") >= 0;
        li.hidden = !(okTopic && okDecade);
        if (!li.hidden) shown++;
      });
      count.textContent = say("n_of", shown, items.length);
    };
    topic.addEventListener("change", apply);
    decade.addEventListener("change", apply);
    apply();
  }

  /* A document's local map is drawn by map.js, loaded only on a page
     that has a place for one. */
  function setupMap() {
    if (!document.querySelector("section.doc-map[hidden]")) return;
    var s = document.createElement("script");
    s.src = root + "map.js";
    document.head.appendChild(s);
  }

  function start() {
    setupHeader();
    setupPage();
    setupPreviews();
    setupFilters();
    setupMap();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
