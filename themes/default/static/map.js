/* dossier: a document's local map, drawn in the browser.
 *
 * The map shows what the page lists already: the text's topics (the
 * "Topics in this text" list), its related texts (the "Related texts"
 * list) and the works its notes cite (each note's link into the citation
 * index, whose `title` is the work's short name). Drawing it here from
 * those lists keeps the page free of a second copy of them. Without
 * JavaScript the section stays hidden and the lists say the same.
 *
 * The layout is the build's map layout (src/render/map/layout.rs) for one
 * box in the middle: topics on the left, related texts then works on the
 * right, each label on a row of its own at body-text size.
 */
(function () {
  "use strict";

  var SVG = "http://www.w3.org/2000/svg";
  var WIDTH = 680, LEFT_DOT = 190, BOX_FROM = 250, BOX_TO = 335, RIGHT_DOT = 395;
  var ROW = 28, SIDE_ROW = 24, TOP = 16, CHAR_PX = 7.6;
  var MAX_TOPICS = 10, MAX_RELATED = 6, MAX_WORKS = 8;
  var WIDE = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/;

  function text(el) { return el.textContent.replace(/\s+/g, " ").trim(); }

  /* The links `selector` finds, as map items, the first `max` of them,
     one per address. */
  function items(selector, max, kind, name) {
    var out = [], seen = {};
    document.querySelectorAll(selector).forEach(function (a) {
      var href = a.getAttribute("href");
      if (out.length >= max || !href || seen[href]) return;
      seen[href] = true;
      var label = name(a);
      if (label) out.push({ href: href, label: label, kind: kind });
    });
    return out;
  }

  /* `label` cut to about `chars` narrow characters' width (a wide one
     counts two), at a word's end when one is near, with an ellipsis. */
  function fit(label, chars) {
    var max = Math.max(4, Math.floor(chars)), used = 0, out = "";
    var all = Array.from(label);
    var width = all.reduce(function (w, c) { return w + (WIDE.test(c) ? 2 : 1); }, 0);
    if (width <= max) return label;
    for (var i = 0; i < all.length; i++) {
      var w = WIDE.test(all[i]) ? 2 : 1;
      if (used + w + 1 > max) break;
      used += w;
      out += all[i];
    }
    var space = out.lastIndexOf(" ");
    if (space >= 0 && space * 10 >= out.length * 6) out = out.slice(0, space);
    return out.trimEnd() + "…";
  }

  /* Heights for a side column of `n` items that all want to be level
     with the box at `middle`: one row apart, within the map. */
  function spread(n, middle, span) {
    var y = [], last = -Infinity, low = TOP + SIDE_ROW / 2, high = TOP + span - SIDE_ROW / 2;
    for (var i = 0; i < n; i++) { y[i] = Math.max(middle, low, last + SIDE_ROW); last = y[i]; }
    var next = Infinity;
    for (var k = n - 1; k >= 0; k--) { y[k] = Math.min(y[k], high, next - SIDE_ROW); next = y[k]; }
    return y;
  }

  function el(name, attrs, parent) {
    var e = document.createElementNS(SVG, name);
    Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (parent) parent.appendChild(e);
    return e;
  }

  function node(svg, item, x, y, anchor, chars) {
    var a = el("a", { href: item.href, "class": "node " + item.kind }, svg);
    var label = fit(item.label, chars);
    if (label !== item.label) el("title", {}, a).textContent = item.label;
    el("circle", { cx: x, cy: y, r: 5 }, a);
    var t = el("text", { x: anchor === "end" ? x - 10 : x + 10, y: y + 5 }, a);
    if (anchor === "end") t.setAttribute("text-anchor", "end");
    t.textContent = label;
  }

  function draw(section) {
    var left = items(".doc-topics .topic-list > li > a:first-child", MAX_TOPICS, "topic", text);
    var right = items(".doc-related .related > li > a", MAX_RELATED, "doc", text)
      .concat(items(".footnotes a.cite[title]", MAX_WORKS, "work", function (a) { return a.getAttribute("title"); }));
    if (!left.length && !right.length) return;
    var span = Math.max(ROW, left.length * SIDE_ROW, right.length * SIDE_ROW);
    var middle = TOP + span / 2, height = Math.round(TOP * 2 + span);
    var ly = spread(left.length, middle, span), ry = spread(right.length, middle, span);
    var svg = el("svg", { "class": "map", viewBox: "0 0 " + WIDTH + " " + height, width: WIDTH, height: height, "aria-labelledby": section.getAttribute("aria-labelledby") });
    var edges = el("g", { "class": "edges" }, svg);
    var paths = { "e-left": "", "e-right": "", "e-work": "" };
    function curve(cls, x1, y1, x2, y2) {
      var mid = (x1 + x2) / 2;
      paths[cls] += "M" + x1 + " " + y1 + "C" + mid + " " + y1 + " " + mid + " " + y2 + " " + x2 + " " + y2;
    }
    ly.forEach(function (y) { curve("e-left", LEFT_DOT, y, BOX_FROM, middle); });
    right.forEach(function (item, i) { curve(item.kind === "work" ? "e-work" : "e-right", BOX_TO, middle, RIGHT_DOT, ry[i]); });
    Object.keys(paths).forEach(function (cls) { if (paths[cls]) el("path", { "class": cls, d: paths[cls] }, edges); });
    left.forEach(function (item, i) { node(svg, item, LEFT_DOT, ly[i], "end", (LEFT_DOT - 14) / CHAR_PX); });
    var me = el("g", { "class": "node doc current" }, svg);
    el("rect", { x: BOX_FROM, y: middle - 11, width: BOX_TO - BOX_FROM, height: 22, rx: 4 }, me);
    el("text", { x: BOX_FROM + 8, y: middle + 5 }, me).textContent =
      fit(section.getAttribute("data-this") || "", (BOX_TO - BOX_FROM - 16) / CHAR_PX);
    right.forEach(function (item, i) { node(svg, item, RIGHT_DOT, ry[i], "start", (WIDTH - RIGHT_DOT - 14) / CHAR_PX); });
    var figure = document.createElement("figure");
    figure.className = "map-figure";
    figure.appendChild(svg);
    section.appendChild(figure);
    section.hidden = false;
  }

  // search.js loads this file once the page is read.
  var section = document.querySelector("section.doc-map[hidden]");
  if (section) draw(section);
})();
