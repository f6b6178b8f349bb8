/* The dossier checklist of a procedure page.
 *
 * The dossier table (.mb-checklist, written by the page) has a checkbox per paper. This script
 * keeps which boxes the reader ticked in the browser's localStorage under the table's
 * data-checklist key (the procedure's id and a digest of its papers, the same in every language of
 * the site), says in a live region how many papers are still missing, and prints the list on its own. Nothing is sent anywhere; where
 * storage is refused the ticks simply last until the page is left. Without this script the
 * boxes still show, tick and print with the whole page.
 */
(function () {
  "use strict";

  var table = document.querySelector(".mb-checklist[data-checklist]");
  if (!table) return;
  var key = table.getAttribute("data-checklist");
  var boxes = Array.prototype.slice.call(table.querySelectorAll("input.mb-check"));
  var bar = document.querySelector(".mb-checklist-bar");
  var hint = document.querySelector(".mb-checklist-hint");
  var status = bar && bar.querySelector(".mb-checklist-status");
  if (!boxes.length || !bar || !status) return;

  function load() {
    try {
      var ticked = JSON.parse(window.localStorage.getItem(key) || "[]");
      return Array.isArray(ticked) ? ticked : [];
    } catch (error) {
      return [];
    }
  }

  function save() {
    var ticked = [];
    boxes.forEach(function (box, index) { if (box.checked) ticked.push(index + 1); });
    try {
      if (ticked.length) window.localStorage.setItem(key, JSON.stringify(ticked));
      else window.localStorage.removeItem(key);
    } catch (error) {
      /* storage refused (private window, full): the ticks last until the page is left */
    }
  }

  /* The status line's words are the page's, in its language: data-missing ("{missing} / {total}")
     and data-complete ("{total}"). */
  function missingText() {
    var missing = boxes.filter(function (box) { return !box.checked; }).length;
    var words = status.getAttribute(missing === 0 ? "data-complete" : "data-missing") || "";
    return words.replace("{missing}", String(missing)).replace("{total}", String(boxes.length));
  }

  var ticked = load();
  boxes.forEach(function (box, index) {
    box.checked = ticked.indexOf(index + 1) !== -1;
    box.addEventListener("change", function () {
      save();
      status.textContent = missingText();
    });
  });

  bar.hidden = false;
  if (hint) hint.hidden = false;
  status.textContent = missingText();

  var root = document.documentElement;
  bar.querySelector(".mb-checklist-print").addEventListener("click", function () {
    root.classList.add("mb-print-checklist");
    window.print();
  });
  window.addEventListener("afterprint", function () { root.classList.remove("mb-print-checklist"); });
  bar.querySelector(".mb-checklist-clear").addEventListener("click", function () {
    boxes.forEach(function (box) { box.checked = false; });
    save();
    status.textContent = missingText();
  });
})();
