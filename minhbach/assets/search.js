/* Site search on the Pagefind index, loaded only when the reader starts searching.
 *
 * Two indexes: the main one (procedures, legal documents, workflows, pages) and announcements,
 * which is searched on announcement pages, or when the reader asks for it.
 *
 * The index was built with "đ" written as "d" (Pagefind already ignores the other diacritics),
 * so the query gets the same treatment: "đăng ký", "dang ky" and "DANG KY" all find "Đăng ký".
 * Titles and summaries shown come from the page itself, with their real diacritics.
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
  var bundles = { main: "pagefind/", news: "pagefind-thong-bao/" };
  var loaded = {};
  var withNews = /\/thong-bao\//.test(window.location.pathname);
  var latest = 0;

  function fold(text) {
    return text.replace(/đ/g, "d").replace(/Đ/g, "D");
  }

  function plain(text) {
    return fold(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  /* Pagefind scores the whole text; a reader expects the page whose title says what they typed.
   * Rank: the title contains the query, then the title contains every word, then the rest; inside
   * each group, pages with the words side by side first, then Pagefind's score. */
  function rank(query, items, phrased, scores) {
    var q = plain(query).trim();
    var words = q.split(/\s+/);
    function score(data, index) {
      var title = plain((data.meta && data.meta.title) || "");
      var titleWords = title.split(/[^a-z0-9]+/);
      var inTitle = title.indexOf(q) >= 0 ? 0 : words.every(function (w) { return titleWords.indexOf(w) >= 0; }) ? 1 : 2;
      return [inTitle, phrased[index] ? 0 : 1, -scores[index], index];
    }
    return items.map(function (data, index) { return { data: data, key: score(data, index) }; })
      .sort(function (a, b) {
        for (var i = 0; i < a.key.length; i++) if (a.key[i] !== b.key[i]) return a.key[i] - b.key[i];
        return 0;
      })
      .map(function (entry) { return entry.data; });
  }

  function load(name) {
    if (!loaded[name]) {
      loaded[name] = import(new URL(bundles[name] + "pagefind.js", base).href).then(function (module) {
        module.options({ baseUrl: base.pathname });
        return module;
      }, function () { return null; });
    }
    return loaded[name];
  }

  /* Term search, and for several words a phrase search whose pages come first. */
  function find(module, folded) {
    if (!module) return Promise.resolve({ results: [], phrase: {} });
    return module.search(folded).then(function (terms) {
      if (folded.split(/\s+/).length < 2) return { results: terms.results, phrase: {} };
      return module.search('"' + folded.replace(/"/g, "") + '"').then(function (phrase) {
        var seen = {};
        var inPhrase = {};
        phrase.results.forEach(function (r) { inPhrase[r.id] = true; });
        var merged = phrase.results.concat(terms.results).filter(function (r) {
          if (seen[r.id]) return false;
          seen[r.id] = true;
          return true;
        });
        return { results: merged, phrase: inPhrase };
      });
    });
  }

  function moreButton() {
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-search-result__more md-button";
    button.textContent = "Tìm cả trong thông báo, sự kiện";
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
    if (!query) {
      list.replaceChildren();
      meta.textContent = "Gõ từ cần tìm";
      return;
    }
    meta.textContent = "Đang tìm…";
    var folded = fold(query);
    var names = withNews ? ["main", "news"] : ["main"];
    new Promise(function (resolve) { setTimeout(resolve, 150); }).then(function () {
      if (ticket !== latest) return null;
      return Promise.all(names.map(function (name) {
        return load(name).then(function (module) { return find(module, folded); });
      }));
    }).then(function (found) {
      if (ticket !== latest || !found) return null;
      var top = [];
      var phrased = [];
      var scores = [];
      var total = 0;
      found.forEach(function (group) {
        total += group.results.length;
        group.results.slice(0, 20).forEach(function (r) {
          top.push(r);
          phrased.push(!!group.phrase[r.id]);
          scores.push(r.score || 0);
        });
      });
      return Promise.all(top.map(function (r) { return r.data(); })).then(function (items) {
        if (ticket !== latest) return;
        var shown = rank(query, items, phrased, scores).slice(0, 10).map(item);
        if (!withNews && loaded.main) shown.push(moreButton());
        list.replaceChildren.apply(list, shown);
        meta.textContent = total === 0 ? "Không tìm thấy trang phù hợp" : total + " trang phù hợp" + (total > 10 ? ", hiện 10 trang đầu" : "");
      });
    }).catch(function () {
      meta.textContent = "Chưa tìm được; hãy thử lại.";
    });
  }

  input.addEventListener("input", search);
  input.addEventListener("focus", function () { load("main"); if (withNews) load("news"); }, { once: true });
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
