// The dossier form's live check (docs/spec/entry.md). The form works without this script; with
// it, a change is kept in this browser until saved (so leaving the page by accident loses
// nothing) and the form's YAML is posted to /api/v1/check, each finding shown beside its field.
// The YAML is written as FormEntry.yaml writes it on the server, so both checks agree.
(function () {
  'use strict';
  var form = document.getElementById('entry');
  if (!form || !window.fetch) {
    return;
  }
  var key = form.dataset.key;
  var rules = JSON.parse(form.dataset.rules || '{}');
  var words = JSON.parse(form.dataset.words || '{}');
  var live = document.getElementById('live');
  var dirty = false;
  var timer = null;
  var asked = 0;

  function controls() {
    return Array.prototype.filter.call(form.elements, function (el) {
      return el.name && el.name !== 'action' && el.name !== 'lang';
    });
  }

  function values() {
    var out = {};
    controls().forEach(function (el) { out[el.name] = el.value; });
    return out;
  }

  function put(el, value) {
    if (el.tagName === 'SELECT' && !Array.prototype.some.call(el.options, function (o) { return o.value === value; })) {
      var o = document.createElement('option');
      o.value = value;
      o.textContent = value;
      el.appendChild(o);
    }
    el.value = value;
  }

  // an unsaved change kept by this browser comes back, unless the page shows what was just saved
  try {
    if (form.dataset.saved === 'true') {
      localStorage.removeItem(key);
    } else {
      var kept = JSON.parse(localStorage.getItem(key) || 'null');
      var now = values();
      if (kept && Object.keys(kept).some(function (n) { return n in now && now[n] !== kept[n]; })) {
        controls().forEach(function (el) {
          if (el.name in kept && !el.readOnly) {
            put(el, kept[el.name]);
          }
        });
        document.getElementById('restored').hidden = false;
        dirty = true;
      }
    }
  } catch (e) {
    // a browser that keeps nothing (private mode) still has the form
  }

  function quoted(t) {
    return '"' + t.replace(/[\\"\n\r\t]/g, function (c) {
      return {'\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t'}[c];
    }) + '"';
  }

  function typed(text, el) {
    var t = (text || '').trim();
    if (!t) {
      return null;
    }
    switch (el.dataset.kind) {
      case 'bool':
        return t === '是' ? 'true' : t === '否' ? 'false' : quoted(t);
      case 'choice': {
        var names = JSON.parse(el.dataset.values || '{}');
        if (Object.prototype.hasOwnProperty.call(names, t)) {
          return t;
        }
        var k = Object.keys(names).filter(function (n) { return names[n] === t; })[0];
        return k !== undefined ? k : quoted(t);
      }
      case 'date': case 'integer': case 'year': case 'number':
        return /^[\p{L}\p{N}./年月日 -]+$/u.test(t) && t.charAt(0) !== '-' ? t : quoted(t);
      default:
        return quoted(t);
    }
  }

  // the form's YAML and, for each of its lines, the field it came from
  function yaml() {
    var lines = [];
    var from = {};
    var opened = {};
    function line(s, f) { lines.push(s); from[lines.length] = f; }
    function open(p, f) { if (!opened[p]) { opened[p] = true; line(p + ':', f); } }
    function scalar(k, v, f) {
      var dot = k.indexOf('.');
      if (dot > 0) { open(k.slice(0, dot), f); line('  ' + k.slice(dot + 1) + ': ' + v, f); } else { line(k + ': ' + v, f); }
    }
    var els = controls().filter(function (el) { return el.dataset.kind; });
    for (var i = 0; i < els.length;) {
      var el = els[i];
      var group = el.dataset.group;
      if (group && el.dataset.row === '-1') { // flags: a 是/否 a value, written as the list of those 是
        var on = [];
        var first = null;
        for (; i < els.length && els[i].dataset.group === group; i++) {
          var t = els[i].value.trim();
          if (t) {
            first = first || els[i].name;
            if (t === '是' || t === 'on') { on.push(els[i].dataset.column); }
          }
        }
        if (first) { scalar(group, '[' + on.join(', ') + ']', first); }
      } else if (group) { // a table: its rows in order, the empty ones left out
        var rows = [];
        for (; i < els.length && els[i].dataset.group === group; i++) {
          var r = +els[i].dataset.row;
          (rows[r] = rows[r] || []).push(els[i]);
        }
        rows.forEach(function (cells) {
          var firstCell = true;
          cells.forEach(function (c) {
            var v = typed(c.value, c);
            if (v !== null) {
              if (firstCell) { open(group, c.name); }
              line((firstCell ? '  - ' : '    ') + c.dataset.column + ': ' + v, c.name);
              firstCell = false;
            }
          });
        });
      } else {
        var v = typed(el.value, el);
        if (v !== null) { scalar(el.name, v, el.name); }
        i++;
      }
    }
    return {text: lines.map(function (l) { return l + '\n'; }).join(''), from: from};
  }

  function prefix(name) {
    return /^[^.[=]*/.exec(name)[0];
  }

  // the field a finding is about, as the server finds it (EntryPages.field): the field its path
  // names; else the first field of the row or list it names; else the field its line came from
  function fieldOf(f, from) {
    var path = f.path || '';
    var names = controls().map(function (el) { return el.name; });
    if (path) {
      if (names.indexOf(path) >= 0) {
        return path;
      }
      var base = path.replace(/\[\d+]$/, '');
      var found = names.filter(function (n) { return n.indexOf(path + '.') === 0; })[0]
          || names.filter(function (n) { return n.indexOf(base + '=') === 0 || n.indexOf(base + '[') === 0; })[0];
      if (found) {
        return found;
      }
    }
    var byLine = from[f.line];
    return byLine && !(f.line === 1 && f.column === 1) && path.indexOf(prefix(byLine)) === 0 ? byLine : '';
  }

  function note(f) {
    var li = document.createElement('li');
    li.className = 'note sev-' + f.severity;
    li.dataset.rule = f.rule;
    var rule = rules[f.rule] || {};
    var strong = document.createElement('strong');
    strong.textContent = words[f.severity] || f.severity;
    li.appendChild(strong);
    li.appendChild(document.createTextNode(' ' + f.rule + ' ' + (rule.title || '') + '：' + f.message));
    if (rule.notice) {
      var n = document.createElement('div');
      n.className = 'notice';
      n.textContent = rule.notice;
      li.appendChild(n);
    }
    return li;
  }

  function show(report, written) {
    document.querySelectorAll('ul.notes').forEach(function (ul) { ul.textContent = ''; });
    var d = (report.dossiers || [])[0];
    if (!d) {
      return;
    }
    d.findings.forEach(function (f) {
      var target = document.querySelector('ul.notes[data-for="' + CSS.escape(fieldOf(f, written.from)) + '"]')
          || document.getElementById('general');
      target.appendChild(note(f));
    });
    var verdict = document.getElementById('verdict');
    var counts = {};
    d.findings.forEach(function (f) { counts[f.severity] = (counts[f.severity] || 0) + 1; });
    var parts = (words.order || []).filter(function (s) { return counts[s]; })
        .map(function (s) { return (words[s] || s) + ' ' + counts[s]; });
    verdict.textContent = form.dataset.verdictWords.replace('{verdict}', (words[d.verdict] || d.verdict)
        + (parts.length ? ' · ' + parts.join(words[''] || ', ') : ''));
    verdict.dataset.verdict = d.verdict;
  }

  function check() {
    var written = yaml();
    var mine = ++asked;
    live.textContent = form.dataset.checking;
    var headers = {'Content-Type': 'application/yaml'};
    if (form.dataset.csrf) {
      headers['X-CSRF-Token'] = form.dataset.csrf;
    }
    fetch(form.dataset.check, {method: 'POST', headers: headers, body: written.text, credentials: 'same-origin'})
      .then(function (r) {
        if (!r.ok) { throw new Error(r.status); }
        return r.json();
      })
      .then(function (report) {
        if (mine === asked) {
          show(report, written);
          live.textContent = '';
          form.dataset.checked = String(mine);
        }
      })
      .catch(function () {
        if (mine === asked) { live.textContent = form.dataset.failed; }
      });
  }

  function changed() {
    dirty = true;
    try {
      localStorage.setItem(key, JSON.stringify(values()));
    } catch (e) {
      // nothing kept: the change is still on the page
    }
    clearTimeout(timer);
    timer = setTimeout(check, 300);
  }

  form.addEventListener('input', changed);
  form.addEventListener('change', changed);
  form.addEventListener('submit', function () { dirty = false; });
  window.addEventListener('beforeunload', function (e) {
    if (dirty) {
      e.preventDefault();
      e.returnValue = '';
    }
  });
}());
