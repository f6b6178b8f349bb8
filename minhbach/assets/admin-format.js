// The record files as the web editor (Sveltia CMS, /admin/) reads and writes them: one file format per
// record kind, registered with Sveltia's public CMS.registerCustomFormat. The parts it changes are listed
// by the site's build in the JSON of <script id="minhbach-formats"> (minhbach/exports/admin.py):
//
// - `plain_or_mapping`: paths of the parts that are a plain value or a mapping such as {pending: "reason"}.
//   Sveltia has no field for "a value or a mapping", so the editor shows them as one mapping
//   {value: ..., pending: ...} (the key `value` is the build's, in the JSON): a plain value is wrapped
//   when read and unwrapped when written; a mapping is kept as it is.
// - `lists`: paths of the lists the model requires but allows empty (`requirements: []`); Sveltia
//   leaves an empty list out of what it writes, so it is written back as [].
//
// Paths are dotted; "[]" steps into every item of a list ("dossier.items[].copies").
// YAML is read with js-yaml's core schema, so dates stay text for the editor's date fields, and written
// by js-yaml, which quotes any text YAML 1.1 would read as something else ("1.000894", "yes").
(function () {
  "use strict";
  var formats = JSON.parse(document.getElementById("minhbach-formats").textContent);

  function isMapping(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  // Call visit(parent, key) for every place `path` names in `data`.
  function each(data, path, visit) {
    var steps = path.split(".");
    (function walk(node, index) {
      if (!isMapping(node)) return;
      var step = steps[index];
      var list = step.slice(-2) === "[]";
      var key = list ? step.slice(0, -2) : step;
      if (index === steps.length - 1 && !list) {
        visit(node, key);
      } else if (list) {
        if (Array.isArray(node[key])) node[key].forEach(function (item) { walk(item, index + 1); });
      } else {
        walk(node[key], index + 1);
      }
    })(data, 0);
  }

  function isEmpty(value) {
    return value === undefined || value === null || (typeof value === "string" && value.trim() === "");
  }

  function fromFile(kind) {
    return function (text) {
      var data = jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA }) || {};
      formats[kind].plain_or_mapping.forEach(function (path) {
        each(data, path, function (parent, key) {
          if (key in parent && parent[key] !== null && !isMapping(parent[key])) {
            var wrapped = {};
            wrapped[formats[kind].value] = parent[key];
            parent[key] = wrapped;
          }
        });
      });
      return data;
    };
  }

  function toFile(kind) {
    return function (data) {
      data = JSON.parse(JSON.stringify(data));
      formats[kind].plain_or_mapping.forEach(function (path) {
        each(data, path, function (parent, key) {
          var part = parent[key];
          if (!isMapping(part)) return;
          var valueKey = formats[kind].value;
          var others = {};
          Object.keys(part).forEach(function (name) {
            if (name !== valueKey && !isEmpty(part[name])) others[name] = part[name];
          });
          var hasValue = !isEmpty(part[valueKey]);
          var hasOthers = Object.keys(others).length > 0;
          if (hasValue && !hasOthers) parent[key] = part[valueKey];
          else if (hasOthers && !hasValue) parent[key] = others;
          else if (!hasValue && !hasOthers) delete parent[key];
          // Both given: written as it is, and `minhbach check` says which one to keep.
        });
      });
      formats[kind].lists.forEach(function (path) {
        each(data, path, function (parent, key) {
          if (!(key in parent)) parent[key] = [];
        });
      });
      return jsyaml.dump(data, { schema: jsyaml.CORE_SCHEMA, lineWidth: -1, noRefs: true });
    };
  }

  Object.keys(formats).forEach(function (kind) {
    CMS.registerCustomFormat(formats[kind].format, "yml", { fromFile: fromFile(kind), toFile: toFile(kind) });
  });
})();
