/*
 * Where a link lands: the reader's language (scripts/handbook/golinks.py).
 *
 * Loaded in the <head> of every page, before anything is drawn:
 * - on a /go/<id>/ page (data-go: language code -> address), go to the page in
 *   the reader's language, keeping the #anchor;
 * - on a moved page (data-moved: the new address), go there, keeping the #anchor;
 * - on the English home page (data-root), send a first-time visitor whose
 *   browser prefers another of the handbook's languages to that language, once;
 * - on every page, remember the language the reader picks in the language
 *   switcher, and keep the #anchor when switching.
 *
 * The reader's language is the one they last picked in the switcher, else the
 * first of the browser's preferred languages that the handbook has (any pt-*
 * is Portuguese, any es-* Spanish), else the default language. Stored under
 * "handbook:language" (a language code) and "handbook:language-suggested"
 * (set once the root page has redirected). Without storage it still works, and
 * without JavaScript /go/ and moved pages refresh to their English address.
 */
(function () {
  "use strict";

  var CHOICE = "handbook:language";
  var SUGGESTED = "handbook:language-suggested";
  var script = document.currentScript;
  if (!script) {
    return;
  }

  function get(key) {
    try {
      return window.localStorage.getItem(key);
    } catch (error) {
      return null;
    }
  }

  function set(key, value) {
    try {
      window.localStorage.setItem(key, value);
    } catch (error) {
      /* storage unavailable: the choice is not remembered */
    }
  }

  function parse(json) {
    try {
      var value = JSON.parse(json || "null");
      return value && typeof value === "object" ? value : null;
    } catch (error) {
      return null;
    }
  }

  /* The first of the browser's preferred languages that `available` has, or null. */
  function preferred(available) {
    var wanted = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language];
    for (var i = 0; i < wanted.length; i++) {
      var code = String(wanted[i] || "").toLowerCase().split("-")[0];
      if (Object.prototype.hasOwnProperty.call(available, code)) {
        return code;
      }
    }
    return null;
  }

  function go(address) {
    window.location.replace(address + window.location.hash);
  }

  var targets = parse(script.getAttribute("data-go"));
  if (targets) {
    var chosen = get(CHOICE);
    var fallback = Object.keys(targets)[0];
    var language = chosen && targets[chosen] ? chosen : preferred(targets) || fallback;
    go(targets[language]);
    return;
  }

  var moved = script.getAttribute("data-moved");
  if (moved) {
    go(moved);
    return;
  }

  /* The site's root, from this script's own address: .../assets/javascripts/language.js */
  var root = script.src.replace(/assets\/javascripts\/language\.js(\?.*)?$/, "");
  var languages = parse(script.getAttribute("data-languages")) || {};

  if (script.hasAttribute("data-root") && !get(CHOICE) && !get(SUGGESTED)) {
    var suggestion = preferred(languages);
    set(SUGGESTED, "1");
    if (suggestion && languages[suggestion]) {
      go(root + languages[suggestion]);
      return;
    }
  }

  /* The language switcher: remember the choice, keep the section. */
  var codes = {};
  Object.keys(languages).forEach(function (code) {
    codes[code] = code;
  });
  document.addEventListener(
    "click",
    function (event) {
      var link = event.target instanceof Element ? event.target.closest(".md-select a[hreflang]") : null;
      if (!link) {
        return;
      }
      var code = String(link.getAttribute("hreflang")).toLowerCase().split("-")[0];
      if (codes[code]) {
        set(CHOICE, code);
      }
      if (window.location.hash && link.href.indexOf("#") < 0) {
        link.href = link.href + window.location.hash;
      }
      /* Material's own handler would send the reader to the other language's
         address without its trailing slash and anchor: the link goes as it is. */
      event.stopPropagation();
    },
    true
  );

  /* Material looks for a sitemap.xml next to every hreflang link when its
     script starts, to map pages across languages; our links already point at
     the same page, and those requests fail (404) on every page. The links are
     taken out of the head while Material's script starts, and put back right
     after: the page's source keeps them for search engines. */
  var alternates = Array.prototype.slice.call(document.head.querySelectorAll("link[rel=alternate][hreflang]"));
  var anchor = document.createComment("hreflang");
  if (alternates.length) {
    alternates[0].parentNode.insertBefore(anchor, alternates[0]);
    alternates.forEach(function (link) { link.parentNode.removeChild(link); });
    document.addEventListener("DOMContentLoaded", function () {
      /* after every DOMContentLoaded listener, Material's (which looks for the links) included */
      window.setTimeout(function () {
        alternates.forEach(function (link) { anchor.parentNode.insertBefore(link, anchor); });
        anchor.parentNode.removeChild(anchor);
      }, 0);
    });
  }
})();
