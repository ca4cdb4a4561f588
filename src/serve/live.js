/* dossier serve: live reload. Injected by the preview server only, never
 * written into a built site. Listens to server-sent events; reloads the page
 * after a rebuild (keeping the scroll position), swaps stylesheets when only
 * CSS changed, and shows build errors in an overlay. */
(function () {
  "use strict";
  var me = document.currentScript;
  var key = "dossier-scroll:" + location.pathname;
  var saved = sessionStorage.getItem(key);
  if (saved !== null) {
    // At once: the theme scrolls smoothly, which would animate from the top.
    sessionStorage.removeItem(key);
    if ("scrollRestoration" in history) history.scrollRestoration = "manual";
    window.addEventListener("load", function () {
      window.scrollTo({ top: Number(saved), behavior: "instant" });
    });
  }
  function overlay(message) {
    var box = document.getElementById("dossier-error");
    if (!message) { if (box) box.remove(); return; }
    if (!box) {
      box = document.createElement("div");
      box.id = "dossier-error";
      box.setAttribute("role", "alert");
      box.style.cssText = "position:fixed;inset:auto 1rem 1rem 1rem;z-index:99;max-height:50vh;overflow:auto;" +
        "background:#2b0b0b;color:#ffdede;border:2px solid #e0543c;border-radius:6px;padding:1rem;" +
        "font:13px/1.45 ui-monospace,monospace;white-space:pre-wrap;box-shadow:0 8px 30px rgba(0,0,0,.4)";
      document.body.appendChild(box);
    }
    box.textContent = "dossier: the last edit did not build; showing the last good site.\n\n" + message;
  }
  var events = new EventSource(me.getAttribute("data-events"));
  events.addEventListener("reload", function () {
    sessionStorage.setItem(key, String(window.scrollY));
    location.reload();
  });
  events.addEventListener("css", function (e) {
    document.querySelectorAll("link[rel=stylesheet]").forEach(function (l) {
      var url = new URL(l.href);
      url.searchParams.set("v", e.data);
      l.href = url.toString();
    });
    overlay(null);
  });
  events.addEventListener("error", function (e) { if (e.data) overlay(e.data); });
  events.addEventListener("ok", function () { overlay(null); });
  window.DOSSIER_LIVE = { overlay: overlay };
})();
