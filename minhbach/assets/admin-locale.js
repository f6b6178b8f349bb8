// Runs before Sveltia CMS on /admin/ (minhbach/exports/admin.py writes the page).
// - Sveltia fetches every interface language but English from its CDN (https://unpkg.com/@sveltia/cms@<version>/locales/):
//   those requests are answered from locales/ beside the page, where the site serves the vendored Vietnamese strings.
// - No other fetch leaves the site but to GitHub's API (the GitHub backend): Sveltia's update check and the
//   GitHub status check are refused, and Sveltia carries on without them.
// - Vietnamese is the interface language unless the editor chose another in Sveltia's settings.
// Checked on Sveltia CMS 0.221.1 (tests/test_browser_admin.py).
(function () {
  "use strict";
  var remote = /^https:\/\/unpkg\.com\/@sveltia\/cms@[^/]+\/locales\//;
  var local = new URL("locales/", document.baseURI).href;
  var allowed = [location.origin, "https://api.github.com"];
  var siteFetch = window.fetch;
  window.fetch = function (input, init) {
    var url = new URL(typeof input === "string" || input instanceof URL ? input : input.url, document.baseURI);
    if (remote.test(url.href)) return siteFetch.call(this, local + url.href.replace(remote, ""), init);
    if (allowed.indexOf(url.origin) < 0) return Promise.reject(new TypeError("not fetched from this site: " + url.href));
    return siteFetch.apply(this, arguments);
  };
  try {
    var key = "sveltia-cms.prefs";
    var prefs = JSON.parse(localStorage.getItem(key) || "{}") || {};
    if (!prefs.locale) {
      prefs.locale = "vi";
      localStorage.setItem(key, JSON.stringify(prefs));
    }
  } catch (error) {
    // No local storage (blocked cookies): Sveltia follows the browser's language.
  }
})();
