// The operators' console: each page is filled from the admin API with the operator's session
// (session.js: every change echoes the CSRF token), and every change is written to the audit log
// by the service that makes it. Text from the API is set as text, never as HTML.
(function () {
  'use strict';

  // the session's calls to the API: session.js, loaded before this script
  var api = window.GospelibSession.api;

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

  /** Operators' emails by user id, asked once each: the audit log keeps ids, which outlive accounts. */
  var operators = {};

  /** A link to an operator's page, its text the operator's email once known. */
  function actor(id) {
    var link = el('a', { href: '/admin/readers/' + encodeURIComponent(id), 'class': 'actor' }, id);
    if (!operators[id]) {
      operators[id] = api('GET', '/v1/admin/users/' + encodeURIComponent(id)).then(function (u) { return u.email; },
        function () { return id + ' (account deleted)'; });
    }
    operators[id].then(function (name) { link.textContent = name; });
    return link;
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
    var today = document.getElementById('overview-today');
    function glance(id, text) {
      var item = document.getElementById(id) || today.appendChild(el('li', { id: id }));
      item.textContent = text;
    }
    api('GET', '/v1/admin/traffic?hours=1').then(function (t) {
      var all = t.hourly.filter(function (p) { return p.route === '*'; });
      var requests = all.reduce(function (n, p) { return n + p.requests; }, 0);
      var errors = all.reduce(function (n, p) { return n + p.errors; }, 0);
      glance('glance-requests', requests + ' requests this hour, ' + errors + ' with a server error');
    }).catch(failed);
    api('GET', '/v1/admin/sign-ups?days=1').then(function (s) {
      glance('glance-sign-ups', s.days[0].accounts + ' sign-ups today (UTC)');
    }).catch(failed);
    api('GET', '/v1/admin/webhooks?troubled=true').then(function (w) {
      glance('glance-webhooks', w.endpoints.length + ' webhook endpoints failing or disabled');
    }).catch(failed);
    api('GET', '/v1/admin/jobs').then(function (q) {
      rows('#overview-queues', q.kinds, function (k) { return [k.kind, k.due, k.running, k.retrying, k.dead]; });
    }).catch(failed);
    api('GET', '/v1/admin/outbox').then(function (o) {
      document.getElementById('overview-outbox').textContent = o.incomplete + ' event publications incomplete, '
        + o.failed + ' failed, ' + o.abandoned + ' abandoned.';
    }).catch(failed);
    api('GET', '/v1/admin/audit?limit=10').then(function (a) {
      rows('#overview-audit', a.entries, function (e) { return [when(e.at), actor(e.actor), e.action, e.target]; });
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
        rows('#reader-history', a.entries, function (e) { return [when(e.at), actor(e.actor), e.action, json(e.before), json(e.after)]; });
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
      api('GET', '/v1/admin/jobs').then(function (q) {
        var failing = q.kinds.filter(function (k) { return k.retrying > 0; });
        return Promise.all(failing.map(function (k) {
          return api('GET', '/v1/admin/jobs/' + encodeURIComponent(k.kind) + '?failing=true');
        })).then(function (lists) {
          var jobs = [];
          lists.forEach(function (l) { jobs = jobs.concat(l.jobs); });
          rows('#retrying', jobs, function (j) { return [j.kind, j.key, j.failures, when(j.lastFailure), when(j.runAt)]; });
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

  // --- Deliveries: webhooks and notifications ----------------------------------------------

  function deliveries() {
    var troubled = document.getElementById('troubled-only');
    var status = document.getElementById('notification-status');
    function showDeliveries(endpoint) {
      var box = document.getElementById('webhook-deliveries');
      document.getElementById('webhook-deliveries-url').textContent = endpoint.url;
      box.hidden = false;
      api('GET', '/v1/admin/webhooks/' + endpoint.id + '/deliveries').then(function (d) {
        rows('#webhook-deliveries', d.deliveries, function (x) {
          return [when(x.at), x.eventType, x.messageId, x.attempt, x.statusCode, x.error, x.durationMs, button('Replay', function () {
            act(null, function () {
              return api('POST', '/v1/admin/webhooks/' + endpoint.id + '/messages/' + encodeURIComponent(x.messageId) + '/replay');
            }, function () { showDeliveries(endpoint); });
          })];
        });
      }).catch(failed);
    }
    function loadWebhooks() {
      api('GET', '/v1/admin/webhooks' + (troubled.checked ? '?troubled=true' : '')).then(function (w) {
        rows('#webhooks', w.endpoints, function (e) {
          var actions = el('span', { 'class': 'row-actions' });
          actions.appendChild(button('Deliveries', function () { showDeliveries(e); }));
          if (e.enabled) {
            actions.appendChild(button('Disable', function () {
              act('Stop delivering to ' + e.url + '?', function () { return api('POST', '/v1/admin/webhooks/' + e.id + '/disable'); },
                loadWebhooks);
            }));
          }
          return [e.url, e.owner, e.eventTypes.join(', '), e.enabled ? 'enabled' : 'disabled: ' + (e.disabledReason || ''),
            when(e.failingSince), actions];
        });
      }).catch(failed);
    }
    function loadNotifications() {
      api('GET', '/v1/admin/notifications/deliveries' + (status.value ? '?status=' + status.value : '')).then(function (n) {
        rows('#notifications', n.deliveries, function (d) {
          return [when(d.updatedAt), d.kind, d.channel, d.recipient, d.status, d.transport, d.attempts, d.detail];
        });
      }).catch(failed);
    }
    troubled.addEventListener('change', loadWebhooks);
    status.addEventListener('change', loadNotifications);
    loadWebhooks();
    loadNotifications();
  }

  // --- Traffic -------------------------------------------------------------------------------

  var SVG = 'http://www.w3.org/2000/svg';

  /** A bar chart of [label, value] pairs, drawn as SVG (no inline style: the pages' policy forbids it). */
  function chart(id, points, unit) {
    var figure = document.getElementById(id);
    figure.replaceChildren();
    var width = 960, height = 160, pad = 24;
    var max = points.reduce(function (m, p) { return Math.max(m, p[1] || 0); }, 0);
    var svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('viewBox', '0 0 ' + width + ' ' + (height + pad));
    svg.setAttribute('role', 'img');
    var bar = points.length ? (width - pad) / points.length : 0;
    points.forEach(function (p, i) {
      var h = max ? Math.round((p[1] || 0) / max * (height - 8)) : 0;
      var r = document.createElementNS(SVG, 'rect');
      r.setAttribute('x', pad + i * bar + 1);
      r.setAttribute('y', height - h);
      r.setAttribute('width', Math.max(1, bar - 2));
      r.setAttribute('height', h);
      r.setAttribute('class', 'bar');
      var t = document.createElementNS(SVG, 'title');
      t.textContent = p[0] + ': ' + (p[1] === null ? 'no requests' : p[1] + (unit || ''));
      r.appendChild(t);
      svg.appendChild(r);
    });
    var top = document.createElementNS(SVG, 'text');
    top.setAttribute('x', 0);
    top.setAttribute('y', 12);
    top.setAttribute('class', 'axis');
    top.textContent = String(max) + (unit || '');
    svg.appendChild(top);
    [0, points.length - 1].forEach(function (i) {
      if (i < 0 || !points[i]) return;
      var label = document.createElementNS(SVG, 'text');
      label.setAttribute('x', i === 0 ? pad : width);
      label.setAttribute('y', height + pad - 4);
      label.setAttribute('text-anchor', i === 0 ? 'start' : 'end');
      label.setAttribute('class', 'axis');
      label.textContent = points[i][0];
      svg.appendChild(label);
    });
    figure.appendChild(svg);
    var caption = el('figcaption', {}, points.length + ' bars; highest ' + max + (unit || ''));
    figure.appendChild(caption);
  }

  function traffic() {
    var hours = document.getElementById('traffic-hours');
    function load() {
      api('GET', '/v1/admin/traffic?hours=' + hours.value).then(function (t) {
        var byHour = {};
        var jobs = {};
        var jobsByHour = {};
        t.hourly.forEach(function (p) {
          if (p.route === '*') byHour[new Date(p.start).getTime()] = p;
          else {
            var hour = new Date(p.start).getTime();
            jobsByHour[hour] = (jobsByHour[hour] || 0) + p.requests;
            var kind = p.route.substring(4);
            jobs[kind] = jobs[kind] || { runs: 0, failed: 0 };
            jobs[kind].runs += p.requests;
            jobs[kind].failed += p.errors;
          }
        });
        var start = new Date(t.since).getTime();
        var requests = [], errors = [], p99 = [], runs = [];
        for (var h = 0; h < t.hours; h++) {
          var at = new Date(start + h * 3600000);
          var p = byHour[at.getTime()] || null;
          var label = at.toISOString().substring(5, 13).replace('T', ' ') + 'h';
          requests.push([label, p ? p.requests : 0]);
          errors.push([label, p ? p.errors : 0]);
          p99.push([label, p && p.p99Millis !== undefined ? p.p99Millis : null]);
          runs.push([label, jobsByHour[at.getTime()] || 0]);
        }
        chart('chart-requests', requests, '');
        chart('chart-errors', errors, '');
        chart('chart-p99', p99, ' ms');
        chart('chart-jobs', runs, '');
        rows('#routes', t.routes, function (r) {
          return [r.route, r.requests, r.errors, r.requests ? (100 * r.errors / r.requests).toFixed(2) + ' %' : '—',
            r.p99Millis !== undefined ? r.p99Millis + ' ms' : (r.route.indexOf('job ') === 0 ? '—' : '> ' + t.bucketMillis[t.bucketMillis.length - 1] + ' ms')];
        });
        rows('#job-runs', Object.keys(jobs).sort().map(function (k) { return [k, jobs[k].runs, jobs[k].failed]; }),
          function (r) { return r; });
      }).catch(failed);
      api('GET', '/v1/admin/sign-ups?days=30').then(function (s) {
        chart('chart-sign-ups', s.days.map(function (d) { return [d.day, d.accounts]; }), '');
      }).catch(failed);
    }
    hours.addEventListener('change', load);
    load();
  }

  // --- Subscriptions and keys ----------------------------------------------------------------

  function subscriptions() {
    api('GET', '/v1/admin/billing/subscriptions').then(function (s) {
      document.getElementById('subscription-counts').textContent = s.counts.active + ' active, ' + s.counts.trialing + ' trialing, '
        + s.counts.pastDue + ' past due, ' + s.counts.other + ' ended or incomplete.';
      rows('#subscriptions', s.subscriptions, function (x) {
        return [x.id, el('a', { href: '/admin/readers/' + x.userId }, x.userId), x.status, x.price, x.plan, when(x.currentPeriodEnd),
          x.cancelAtPeriodEnd ? 'at period end' : '', when(x.updatedAt)];
      });
      document.getElementById('subscriptions-empty').hidden = s.subscriptions.length > 0;
    }).catch(failed);
  }

  function keys() {
    function show(r) {
      document.getElementById('key-rotation').textContent = 'A new key every ' + r.period + '; the next rotation is due '
        + when(r.nextRotation) + '.';
      rows('#keys', r.keys, function (k) {
        return [k.kid, k.phase.toLowerCase(), when(k.signsFrom), when(k.retiredAt), when(k.publishedUntil)];
      });
    }
    document.getElementById('rotate-keys').addEventListener('click', function () {
      act('Publish a new signing key? It signs in two minutes; tokens signed before stay valid.',
        function () { return api('POST', '/v1/admin/keys/rotate'); }, show);
    });
    api('GET', '/v1/admin/keys').then(show).catch(failed);
  }

  // --- Corpus --------------------------------------------------------------------------------

  function corpus() {
    function load() {
      api('GET', '/v1/admin/corpus').then(function (c) {
        var dl = document.getElementById('corpus');
        dl.replaceChildren();
        [['Corpus version', c.version + (c.loaded ? '' : ' (loading)')], ['Content key', c.contentKey],
          ['Graph', c.graph.nodes + ' nodes, ' + c.graph.edges + ' edges, ' + Math.round(c.graph.edgeBytes / 1048576) + ' MiB '
            + (c.graph.onHeap ? 'on the heap' : 'mapped from the snapshot file')],
          ['Answer cache', c.answerCache.hits + ' hits, ' + c.answerCache.misses + ' misses ('
            + (100 * c.answerCache.hitRate).toFixed(1) + ' %), ' + c.answerCache.entries + ' answers kept']]
          .forEach(function (f) { dl.appendChild(el('dt', {}, f[0])); dl.appendChild(el('dd', {}, f[1])); });
      }).catch(failed);
      api('GET', '/v1/admin/search').then(function (s) {
        rows('#search-indexes', s.indexes, function (i) {
          return [i.translation, i.open ? 'open' : 'building', !i.semanticOffered ? 'not offered' : i.semanticOpen ? 'open' : 'building',
            i.verses, i.buildMillis ? (i.buildMillis / 1000).toFixed(1) + ' s' : '—'];
        });
      }).catch(failed);
      api('GET', '/v1/translations').then(function (t) {
        rows('#translations', t.translations, function (x) { return [x.id, x.name, x.language, x.verseCount]; });
      }).catch(failed);
      api('GET', '/v1/admin/ingest').then(function (r) {
        var latest = r.runs.filter(function (run) { return Array.isArray(run.modules) && run.modules.length; })[0];
        rows('#modules', latest ? latest.modules : [], function (m) {
          return [m.module, m.version || '—', m.translation || '—', String(m.action).toLowerCase(), m.entries,
            String(m.checksum || '').substring(0, 12)];
        });
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
          [when(e.at), actor(e.actor), e.action, e.target, json(e.before), json(e.after)].forEach(function (c) {
            var td = el('td');
            if (c instanceof Node) td.appendChild(c); else td.textContent = c;
            tr.appendChild(td);
          });
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
    else if (section === 'deliveries') deliveries();
    else if (section === 'traffic') traffic();
    else if (section === 'subscriptions') subscriptions();
    else if (section === 'keys') keys();
    else if (section === 'audit') audit();
  });
})();
