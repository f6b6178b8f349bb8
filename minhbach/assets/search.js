/* Site search on the Pagefind index, loaded only when the reader starts searching.
 *
 * Two indexes: the main one (procedures, legal documents, workflows, pages) and announcements,
 * which is searched on announcement pages, or when the reader asks for it. Both are searched
 * through one copy of Pagefind's script and WebAssembly: the announcements index is merged into
 * the main one's instance (`mergeIndex`). Folders come from the page (`data-mb-search-*`).
 *
 * The index holds whole words, folded (no diacritics, "đ" as "d", lower case) and each ending
 * with "ǂ" (see minhbach/site/search.py); `words` gives a query the same treatment, so that
 * "phi" finds "phí" and "lệ phí" but not "phía", as Pagefind would if it matched prefixes.
 * A query that contains a synonym (search-synonyms.json, from the project's search/synonyms.yml)
 * is also searched with each other term of its group in its place.
 * Titles, summaries, types and statuses shown come from the page itself, with their real diacritics.
 * The box's own words come from the page (`data-mb-search-texts`, written in the site's language by
 * minhbach/mkdocs/theme/partials/search.html); the result list is `aria-busy` while a search runs.
 */
(function () {
  "use strict";
  var root = document.querySelector("[data-mb-search]");
  if (!root) return;
  var input = root.querySelector("[data-mb-search-input]");
  var form = root.querySelector("[data-mb-search-form]");
  var meta = root.querySelector("[data-mb-search-meta]");
  var list = root.querySelector("[data-mb-search-results]");
  var toggle = document.getElementById("__search");
  var base = new URL(root.getAttribute("data-mb-base") || ".", document.baseURI);
  var mainIndex = root.getAttribute("data-mb-search-index") || "pagefind/";
  var newsIndex = root.getAttribute("data-mb-search-news-index");
  var newsPages = root.getAttribute("data-mb-search-news-pages");
  var synonymsFile = root.getAttribute("data-mb-search-synonyms");
  var texts = {};
  try {
    texts = JSON.parse(root.getAttribute("data-mb-search-texts") || "{}") || {};
  } catch (error) {
    texts = {};
  }
  var TERMINATOR = "ǂ";
  /* Chinese characters (minhbach/load/searchtext.py `HAN`). Chinese is written without spaces: Pagefind cuts
   * it into words, and a title is one long "word" here, found in by substring (`hasWords`). */
  var HAN = /\p{Script=Han}/u;
  var MAX_FORMS = 4; /* the query and up to three synonym forms: each form may load more of the index */
  var pagefind = null;
  var news = null;
  var synonyms = null;
  var withNews = !!newsPages && window.location.pathname.indexOf(new URL(newsPages, base).pathname) === 0;
  var latest = 0;

  /* The box's text `key` in the page's language; `{count}` in it replaced by `count`. */
  function text(key, count) {
    return String(texts[key] || "").replace("{count}", String(count));
  }

  /* The meta line says `message`; the results are final when `done` (no search under way). */
  function show(message, done) {
    meta.textContent = message;
    list.setAttribute("aria-busy", done ? "false" : "true");
  }

  /* As minhbach/load/searchtext.py `fold`. */
  function fold(text) {
    return text.toLowerCase().replace(/đ/g, "d").normalize("NFD").replace(/\p{M}/gu, "");
  }

  /* As minhbach/load/searchtext.py `index_words`, without the terminator: the folded words. */
  function words(text) {
    return fold(text).split(/[^\p{L}\p{N}]|ǂ/u).filter(function (w) { return w; });
  }

  /* As `index_words`: a word with Chinese characters (`HAN`) has no terminator. */
  function indexed(wordList) {
    return wordList.map(function (w) { return HAN.test(w) ? w : w + TERMINATOR; }).join(" ");
  }

  function find(haystack, needle) {
    for (var i = 0; i + needle.length <= haystack.length; i++) {
      var match = true;
      for (var j = 0; j < needle.length && match; j++) match = haystack[i + j] === needle[j];
      if (match) return i;
    }
    return -1;
  }

  /* The query's words, then, for each group of synonyms, the query with the group's longest term
   * that it contains replaced by each other term of the group; `MAX_FORMS` at most. */
  function forms(queryWords) {
    var found = [queryWords];
    (synonyms || []).forEach(function (group) {
      if (!Array.isArray(group)) return;
      var terms = group.map(function (term) { return words(String(term)); });
      var term = terms.filter(function (t) { return t.length && find(queryWords, t) >= 0; })
        .sort(function (a, b) { return b.length - a.length; })[0];
      if (!term) return;
      var at = find(queryWords, term);
      terms.forEach(function (other) {
        if (other !== term && other.length) found.push(queryWords.slice(0, at).concat(other, queryWords.slice(at + term.length)));
      });
    });
    return found.slice(0, MAX_FORMS);
  }

  /* Pagefind weighs the title above the rest; a reader expects the page whose title says what
   * they typed, first. Rank: the title has a form's words side by side, then all of a form's
   * words, then the rest; inside each group, pages with the query's words side by side first, then
   * those with a synonym form's (`phrased`: the form's number, `MAX_FORMS` for none), then
   * Pagefind's score. */

  function hasWords(titleWords, form) {
    if (find(titleWords, form) >= 0) return true;
    var joined = form.join("");
    return HAN.test(joined) && titleWords.join("").indexOf(joined) >= 0;
  }

  function hasWord(titleWords, word) {
    return titleWords.indexOf(word) >= 0 || (HAN.test(word) && titleWords.join("").indexOf(word) >= 0);
  }

  function rank(queryForms, items, phrased, scores) {
    function score(data, index) {
      var title = words((data.meta && data.meta.title) || "");
      var inTitle = queryForms.some(function (f) { return hasWords(title, f); }) ? 0
        : queryForms.some(function (f) { return f.every(function (w) { return hasWord(title, w); }); }) ? 1 : 2;
      return [inTitle, phrased[index], -scores[index], index];
    }
    return items.map(function (data, index) { return { data: data, key: score(data, index) }; })
      .sort(function (a, b) {
        for (var i = 0; i < a.key.length; i++) if (a.key[i] !== b.key[i]) return a.key[i] - b.key[i];
        return 0;
      })
      .map(function (entry) { return entry.data; });
  }

  function load() {
    if (!pagefind) {
      var synonymsLoaded = !synonymsFile ? Promise.resolve([]) : fetch(new URL(synonymsFile, base).href)
        .then(function (response) { return response.ok ? response.json() : []; })
        .then(function (data) { return Array.isArray(data) ? data : []; }, function () { return []; });
      pagefind = Promise.all([import(new URL(mainIndex + "pagefind.js", base).href), synonymsLoaded]).then(function (loaded) {
        synonyms = loaded[1];
        return loaded[0].options({ baseUrl: base.pathname }).then(function () { return loaded[0]; });
      }, function () { return null; });
    }
    if (withNews && newsIndex && !news) {
      /* A site without announcements has no such index, and Pagefind keeps an index it failed to
       * merge in every later search: merge only one that is there. */
      var entry = fetch(new URL(newsIndex + "pagefind-entry.json", base).href, { method: "HEAD" })
        .then(function (response) { return response.ok; }, function () { return false; });
      news = Promise.all([pagefind, entry]).then(function (found) {
        return found[0] && found[1] && found[0].mergeIndex(new URL(newsIndex, base).pathname, { baseUrl: base.pathname });
      }).catch(function () { return null; });
    }
    return (news || Promise.resolve()).then(function () { return pagefind; });
  }

  /* Term search of each form, and for several words a phrase search whose pages come first:
   * `phrase` gives, by result id, the first form whose words the page has side by side. */
  function searchForms(module, queryForms) {
    if (!module) return Promise.resolve({ results: [], phrase: {} });
    var searches = [];
    queryForms.forEach(function (f, form) {
      if (f.length > 1) searches.push({ phrase: true, form: form, term: '"' + indexed(f) + '"' });
      searches.push({ phrase: false, form: form, term: indexed(f) });
    });
    return Promise.all(searches.map(function (s) { return module.search(s.term); })).then(function (found) {
      var byId = {};
      var inPhrase = {};
      var results = [];
      found.forEach(function (response, index) {
        response.results.forEach(function (r) {
          if (searches[index].phrase) { /* a phrase's score says nothing: every phrase match has 1 */
            inPhrase[r.id] = Math.min(searches[index].form, r.id in inPhrase ? inPhrase[r.id] : Infinity);
          } else if (!byId[r.id]) {
            byId[r.id] = r;
            results.push(r);
          } else if (r.score > byId[r.id].score) {
            results[results.indexOf(byId[r.id])] = r;
            byId[r.id] = r;
          }
        });
      });
      return { results: results, phrase: inPhrase };
    });
  }

  function moreButton() {
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-search-result__more md-button";
    button.textContent = text("news");
    button.addEventListener("click", function () {
      withNews = true;
      search();
      input.focus();
    });
    li.appendChild(button);
    return li;
  }

  function item(data) {
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    var link = document.createElement("a");
    link.className = "md-search-result__link";
    link.href = data.url;
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    var title = document.createElement("h1");
    title.textContent = (data.meta && data.meta.title) || data.url;
    article.appendChild(title);
    if (data.meta && data.meta.kind) {
      var kind = document.createElement("p");
      kind.className = "mb-search-kind";
      kind.textContent = data.meta.kind;
      if (data.meta.status) {
        var status = document.createElement("span");
        status.className = "mb-badge " + (/^mb-status-[a-z]+$/.test(data.meta.badge || "") ? data.meta.badge : "mb-status-unknown");
        status.textContent = data.meta.status;
        kind.appendChild(document.createTextNode(" · "));
        kind.appendChild(status);
      }
      article.appendChild(kind);
    }
    if (data.meta && data.meta.summary) {
      var summary = document.createElement("p");
      summary.textContent = data.meta.summary;
      article.appendChild(summary);
    }
    link.appendChild(article);
    li.appendChild(link);
    return li;
  }

  function search() {
    var query = input.value.trim();
    var ticket = ++latest;
    var queryWords = words(query);
    if (!queryWords.length) {
      list.replaceChildren();
      show(query ? text("none") : text("prompt"), true);
      return;
    }
    show(text("searching"), false);
    var queryForms = null;
    new Promise(function (resolve) { setTimeout(resolve, 150); }).then(function () {
      if (ticket !== latest) return null;
      return load().then(function (module) {
        queryForms = forms(queryWords);
        return searchForms(module, queryForms);
      });
    }).then(function (found) {
      if (ticket !== latest || !found) return null;
      function phraseRank(r) { return r.id in found.phrase ? found.phrase[r.id] : MAX_FORMS; }
      var ordered = found.results.slice().sort(function (a, b) {
        return phraseRank(a) - phraseRank(b) || (b.score || 0) - (a.score || 0);
      }).slice(0, 20);
      var phrased = ordered.map(phraseRank);
      var scores = ordered.map(function (r) { return r.score || 0; });
      var total = found.results.length;
      return Promise.all(ordered.map(function (r) { return r.data(); })).then(function (items) {
        if (ticket !== latest) return;
        var shown = rank(queryForms, items, phrased, scores).slice(0, 10).map(item);
        if (!withNews && newsIndex) shown.push(moreButton());
        list.replaceChildren.apply(list, shown);
        show(total === 0 ? text("none") : text("found", total) + (total > 10 ? text("first") : ""), true);
      });
    }).catch(function () {
      if (ticket === latest) show(text("failed"), true);
    });
  }

  input.addEventListener("input", search);
  input.addEventListener("focus", function () { load(); }, { once: true });
  /* A click or tap into the box opens the dialog (Material shows the results only while its
   * `__search` toggle is on; Material's own search script, which would do it, is not loaded). */
  input.addEventListener("focus", function () { if (toggle && !toggle.checked) toggle.checked = true; });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var first = list.querySelector("a");
    if (first) window.location.href = first.href;
  });
  form.addEventListener("reset", function () {
    setTimeout(search, 0);
  });
  if (toggle) {
    toggle.addEventListener("change", function () {
      if (toggle.checked) setTimeout(function () { input.focus(); }, 50);
    });
  }
  root.addEventListener("keydown", function (event) {
    var links = Array.prototype.slice.call(list.querySelectorAll("a"));
    var index = links.indexOf(document.activeElement);
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      var next = event.key === "ArrowDown" ? index + 1 : index - 1;
      if (next < 0) input.focus();
      else if (links[Math.min(next, links.length - 1)]) links[Math.min(next, links.length - 1)].focus();
    } else if (event.key === "Escape" && toggle) {
      toggle.checked = false;
      input.blur();
    }
  });
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    var typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    if (!typing && !event.ctrlKey && !event.metaKey && !event.altKey && (event.key === "/" || event.key === "s" || event.key === "f")) {
      event.preventDefault();
      if (toggle) toggle.checked = true;
      input.focus();
    }
  });
})();
