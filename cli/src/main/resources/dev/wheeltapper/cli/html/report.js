(function () {
  'use strict';
  // The findings filter: shows only the findings (and rows of the code table) of the chosen severities and code.
  // It reads and writes ?severity=error,warning&code=area.name (or #filter?... where the query cannot change), so a
  // filtered view can be shared. Without scripts the form stays hidden and every finding is shown.
  var form = document.getElementById('filter');
  if (!form) {
    return;
  }
  var code = document.getElementById('filter-code');
  var boxes = Array.prototype.slice.call(form.querySelectorAll('input[name="severity"]'));
  var status = document.getElementById('filter-status');

  function params() {
    if (location.hash.indexOf('#filter?') === 0) {
      return new URLSearchParams(location.hash.substring(8));
    }
    return new URLSearchParams(location.search);
  }

  function read() {
    var p = params();
    if (p.has('severity')) {
      var want = p.get('severity').split(',');
      boxes.forEach(function (b) { b.checked = want.indexOf(b.value) >= 0; });
    }
    if (p.has('code')) {
      var c = p.get('code');
      for (var i = 0; i < code.options.length; i++) {
        if (code.options[i].value === c) {
          code.value = c;
        }
      }
    }
  }

  function apply(write) {
    var allowed = {};
    var everySeverity = true;
    boxes.forEach(function (b) {
      allowed[b.value] = b.checked;
      everySeverity = everySeverity && b.checked;
    });
    var c = code.value;
    var active = !everySeverity || c !== '';
    var shown = 0;
    var total = 0;
    document.querySelectorAll('.finding, .code-row').forEach(function (el) {
      var ok = allowed[el.getAttribute('data-severity')] === true && (c === '' || el.getAttribute('data-code') === c);
      el.hidden = !ok;
      if (el.classList.contains('finding')) {
        total++;
        shown += ok ? 1 : 0;
      }
    });
    var hiddenArtifacts = 0;
    document.querySelectorAll('section.artifact').forEach(function (s) {
      var hide = active && s.querySelector('.finding:not([hidden])') === null;
      s.hidden = hide;
      hiddenArtifacts += hide ? 1 : 0;
    });
    status.textContent = active
      ? shown + ' of ' + total + ' findings shown; ' + hiddenArtifacts + ' artifacts without a matching finding hidden'
      : total + ' findings';
    if (write) {
      var q = new URLSearchParams();
      if (!everySeverity) {
        q.set('severity', boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; }).join(','));
      }
      if (c !== '') {
        q.set('code', c);
      }
      try {
        history.replaceState(null, '', location.pathname + (active ? '?' + q.toString() : ''));
      } catch (e) {
        // a page opened from disk may refuse a new address; the filter still works
      }
    }
  }

  form.hidden = false;
  read();
  apply(false);
  form.addEventListener('change', function () { apply(true); });
  form.addEventListener('submit', function (e) { e.preventDefault(); });
  document.getElementById('filter-reset').addEventListener('click', function () {
    boxes.forEach(function (b) { b.checked = true; });
    code.value = '';
    apply(true);
  });
}());
