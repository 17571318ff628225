// The operators' console: each page is filled from the admin API with the operator's session.
// Every change echoes the CSRF cookie in X-CSRF-Token, as the gateway requires, and is written
// to the audit log by the service that makes it. Text from the API is set as text, never as HTML.
(function () {
  'use strict';

  var CSRF_COOKIE = '__Host-gospelib-csrf';

  function csrfToken() {
    var parts = document.cookie ? document.cookie.split('; ') : [];
    for (var i = 0; i < parts.length; i++) {
      var eq = parts[i].indexOf('=');
      if (parts[i].substring(0, eq) === CSRF_COOKIE) return decodeURIComponent(parts[i].substring(eq + 1));
    }
    return '';
  }

  function api(method, url, body) {
    var headers = { 'Accept': 'application/json' };
    if (method !== 'GET') headers['X-CSRF-Token'] = csrfToken();
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    return fetch(url, { method: method, headers: headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body) })
      .then(function (response) {
        if (response.status === 204) return null;
        return response.json().catch(function () { return {}; }).then(function (json) {
          if (!response.ok) {
            var error = new Error(json.detail || json.title || ('HTTP ' + response.status));
            error.status = response.status;
            throw error;
          }
          return json;
        });
      });
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function when(instant) {
    if (!instant) return '—';
    var d = new Date(instant);
    return isNaN(d) ? String(instant) : d.toISOString().replace('T', ' ').substring(0, 19) + ' UTC';
  }

  function json(value) {
    return value === undefined || value === null ? '' : JSON.stringify(value);
  }

  function status(text) {
    document.querySelector('.console-status').textContent = text || '';
  }

  function failed(error) {
    var box = document.querySelector('.console-error');
    box.textContent = error.message;
    box.hidden = false;
  }

  function cleared() {
    document.querySelector('.console-error').hidden = true;
  }

  function rows(table, items, cells) {
    var body = document.querySelector(table + ' tbody');
    body.replaceChildren();
    items.forEach(function (item) {
      var tr = el('tr');
      cells(item).forEach(function (cell) {
        var td = el('td');
        if (cell instanceof Node) td.appendChild(cell); else td.textContent = cell === undefined || cell === null ? '' : String(cell);
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
  }

  function button(label, onClick, attrs) {
    var b = el('button', Object.assign({ type: 'button' }, attrs || {}), label);
    b.addEventListener('click', onClick);
    return b;
  }

  /** Runs a change after the operator confirms it, then shows the page again. */
  function act(question, change, done) {
    if (question && !window.confirm(question)) return;
    cleared();
    status('Working…');
    change().then(function (result) {
      status('Done.');
      return done(result);
    }).catch(function (e) { status(''); failed(e); });
  }

  // --- Overview ------------------------------------------------------------------------------

  function overview() {
    api('GET', '/v1/admin/jobs').then(function (q) {
      rows('#overview-queues', q.kinds, function (k) { return [k.kind, k.due, k.running, k.retrying, k.dead]; });
    }).catch(failed);
    api('GET', '/v1/admin/outbox').then(function (o) {
      document.getElementById('overview-outbox').textContent = o.incomplete + ' event publications incomplete, '
        + o.failed + ' failed, ' + o.abandoned + ' abandoned.';
    }).catch(failed);
    api('GET', '/v1/admin/audit?limit=10').then(function (a) {
      rows('#overview-audit', a.entries, function (e) { return [when(e.at), e.actor, e.action, e.target]; });
    }).catch(failed);
  }

  // --- Readers -------------------------------------------------------------------------------

  function readers() {
    var q = document.getElementById('readers-q').value;
    api('GET', '/v1/admin/users?q=' + encodeURIComponent(q)).then(function (r) {
      rows('#readers', r.readers, function (u) {
        return [el('a', { href: '/admin/readers/' + u.id }, u.email), u.displayName, u.role, u.plan, when(u.createdAt),
          when(u.lastSignInAt), u.signIns, u.lockedAt ? 'locked' : 'active'];
      });
      document.getElementById('readers-empty').hidden = r.readers.length > 0;
    }).catch(failed);
  }

  function reader(id) {
    var url = '/v1/admin/users/' + encodeURIComponent(id);
    function show(u) {
      var facts = [['Email', u.email + (u.emailVerified ? ' (confirmed)' : ' (not confirmed)')], ['Name', u.displayName],
        ['Roles', u.roles.join(', ')], ['Plan', u.plan], ['Language', u.language], ['Joined', when(u.createdAt)],
        ['Last sign-in', when(u.lastSignInAt)], ['Sign-ins', u.signIns], ['State', u.lockedAt ? 'locked ' + when(u.lockedAt) : 'active'],
        ['Web sessions', u.webSessions], ['Signed-in apps', u.signedInApps],
        ['Wrong passwords', u.signInFailures ? u.signInFailures.failures + (u.signInFailures.lockedUntil
          ? ', locked out until ' + when(u.signInFailures.lockedUntil) : '') : 'none']];
      var dl = document.getElementById('reader');
      dl.replaceChildren();
      facts.forEach(function (f) { dl.appendChild(el('dt', {}, f[0])); dl.appendChild(el('dd', {}, f[1])); });
      document.querySelector('h1').textContent = u.email;
      var admin = u.roles.indexOf('admin') >= 0;
      document.querySelector('[data-action="lock"]').hidden = !!u.lockedAt;
      document.querySelector('[data-action="unlock"]').hidden = !u.lockedAt && !(u.signInFailures && u.signInFailures.lockedUntil);
      document.querySelector('[data-action="grant-admin"]').hidden = admin;
      document.querySelector('[data-action="revoke-admin"]').hidden = !admin;
      return history();
    }
    function history() {
      return api('GET', '/v1/admin/audit?target=' + encodeURIComponent('reader:' + id)).then(function (a) {
        rows('#reader-history', a.entries, function (e) { return [when(e.at), e.actor, e.action, json(e.before), json(e.after)]; });
      });
    }
    function load() { return api('GET', url).then(show).catch(failed); }
    var actions = {
      'lock': ['Lock this reader out? Their sessions end now.', function () { return api('POST', url + '/lock'); }],
      'unlock': [null, function () { return api('POST', url + '/unlock'); }],
      'end-sessions': ['End every session of this reader?', function () { return api('POST', url + '/end-sessions'); }],
      'grant-admin': ['Give this reader the admin role?', function () { return api('PUT', url + '/role', { role: 'admin' }); }],
      'revoke-admin': ['Take the admin role back?', function () { return api('PUT', url + '/role', { role: 'user' }); }]
    };
    Object.keys(actions).forEach(function (name) {
      document.querySelector('[data-action="' + name + '"]').addEventListener('click', function () {
        act(actions[name][0], actions[name][1], show);
      });
    });
    document.querySelector('[data-action="delete"]').addEventListener('click', function () {
      act('Delete this account and everything kept for it? This cannot be undone.', function () { return api('DELETE', url); },
        function () { window.location.assign('/admin/readers'); });
    });
    load();
  }

  // --- Background work -----------------------------------------------------------------------

  function work() {
    function load() {
      api('GET', '/v1/admin/jobs').then(function (q) {
        rows('#queues', q.kinds, function (k) {
          return [k.kind, k.scheduled, k.due, k.running, k.retrying, k.dead, k.oldestDueSeconds ? k.oldestDueSeconds + ' s' : '—'];
        });
      }).catch(failed);
      api('GET', '/v1/admin/jobs/dead').then(function (d) {
        rows('#dead-jobs', d.jobs, function (j) {
          var actions = el('span', { 'class': 'row-actions' });
          actions.appendChild(button('Retry', function () {
            act(null, function () { return api('POST', '/v1/admin/jobs/dead/' + j.id + '/retry'); }, load);
          }, { 'data-retry': j.id }));
          actions.appendChild(button('Discard', function () {
            act('Discard this job? It will not run.', function () { return api('DELETE', '/v1/admin/jobs/dead/' + j.id); }, load);
          }, { 'data-discard': j.id }));
          return [j.kind, j.key, j.attempts, j.error, when(j.diedAt), actions];
        });
        document.getElementById('dead-empty').hidden = d.jobs.length > 0;
      }).catch(failed);
      api('GET', '/v1/admin/outbox').then(function (o) {
        document.getElementById('outbox-counts').textContent = o.incomplete + ' incomplete, ' + o.failed + ' failed (retried up to '
          + o.maxAttempts + ' times), ' + o.abandoned + ' abandoned.';
        rows('#outbox', o.publications, function (p) {
          return [p.eventType, p.listener, when(p.publishedAt), p.attempts, p.status, button('Resubmit', function () {
            act(null, function () { return api('POST', '/v1/admin/outbox/' + p.id + '/resubmit'); }, load);
          })];
        });
      }).catch(failed);
    }
    load();
  }

  // --- Corpus --------------------------------------------------------------------------------

  function corpus() {
    function load() {
      api('GET', '/v1/translations').then(function (t) {
        rows('#translations', t.translations, function (x) { return [x.id, x.name, x.language, x.verseCount]; });
      }).catch(failed);
      api('GET', '/v1/admin/ingest').then(function (r) {
        rows('#ingest-runs', r.runs, function (run) {
          var modules = Array.isArray(run.modules) ? run.modules.length : 0;
          return [run.id, run.mode, when(run.startedAt), when(run.finishedAt), run.outcome, modules, run.message];
        });
      }).catch(failed);
    }
    document.querySelectorAll('[data-ingest]').forEach(function (b) {
      b.addEventListener('click', function () {
        var mode = b.getAttribute('data-ingest');
        act(mode === 'full' ? 'Read every module again? The corpus is rebuilt.' : null,
          function () { return api('POST', '/v1/admin/ingest?mode=' + mode); }, load);
      });
    });
    load();
  }

  // --- Audit log -----------------------------------------------------------------------------

  function audit() {
    var body = document.querySelector('#audit tbody');
    var older = document.getElementById('audit-older');
    function page(before) {
      api('GET', '/v1/admin/audit' + (before ? '?before=' + before : '')).then(function (a) {
        a.entries.forEach(function (e) {
          var tr = el('tr');
          [when(e.at), e.actor, e.action, e.target, json(e.before), json(e.after)].forEach(function (c) { tr.appendChild(el('td', {}, c)); });
          body.appendChild(tr);
        });
        older.hidden = a.next === undefined;
        older.onclick = function () { page(a.next); };
      }).catch(failed);
    }
    page(null);
  }

  document.addEventListener('DOMContentLoaded', function () {
    var section = document.body.getAttribute('data-section');
    var id = document.body.getAttribute('data-reader');
    if (id) reader(id);
    else if (section === 'overview') overview();
    else if (section === 'readers') readers();
    else if (section === 'work') work();
    else if (section === 'corpus') corpus();
    else if (section === 'audit') audit();
  });
})();
