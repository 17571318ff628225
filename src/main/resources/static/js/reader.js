// Progressive enhancement of the server-rendered pages: everything here is optional for reading
// and search. A reader's own data comes from the /v1 API with the session cookie; state-changing
// calls echo the CSRF cookie in X-CSRF-Token, as the gateway requires.
(function () {
  'use strict';

  // the session's calls to the API: session.js, loaded before this script
  var csrfToken = window.GospelibSession.csrfToken;
  var api = window.GospelibSession.api;

  function signedIn() { return csrfToken() !== ''; }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function showSignedInState() {
    var inside = signedIn();
    document.querySelectorAll('[data-signed-in]').forEach(function (n) { n.hidden = !inside; });
    document.querySelectorAll('[data-signed-out]').forEach(function (n) { n.hidden = inside; });
  }

  function status(root, text) {
    var s = root.querySelector('.study-status') || document.querySelector('.study-status');
    if (s) s.textContent = text;
  }

  // --- Accounts -----------------------------------------------------------------------------

  function startSession(email, password) {
    return api('POST', '/v1/auth/session', { email: email, password: password });
  }

  function wireAccountForms() {
    var signInForm = document.getElementById('signin-form');
    var signUpForm = document.getElementById('signup-form');
    [signInForm, signUpForm].forEach(function (form) {
      if (!form) return;
      form.addEventListener('submit', function (event) {
        event.preventDefault();
        var error = form.querySelector('.form-error');
        error.textContent = '';
        var email = form.email.value.trim();
        var password = form.password.value;
        var first = form === signUpForm
          ? api('POST', '/v1/auth/signup', { email: email, password: password, displayName: form.displayName.value.trim() || null })
          : Promise.resolve();
        first.then(function () { return startSession(email, password); })
          .then(function () {
            var back = new URLSearchParams(location.search).get('next');
            location.assign(back && back.charAt(0) === '/' && back.charAt(1) !== '/' ? back : '/');
          })
          .catch(function (e) { error.textContent = e.message; });
      });
    });
    wireEmailLinkForms();
    var out = document.getElementById('sign-out');
    if (out) {
      out.addEventListener('click', function () {
        api('DELETE', '/v1/auth/session').catch(function () {}).then(function () { location.assign('/'); });
      });
    }
  }

  // The secret of an emailed link, from the fragment (never sent to a server), which is then
  // taken out of the address bar so it stays out of history and screenshots.
  function linkToken() {
    var match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
    if (match && history.replaceState) history.replaceState(null, '', location.pathname + location.search);
    return match ? decodeURIComponent(match[1]) : '';
  }

  function wireEmailLinkForms() {
    function done(form) {
      form.hidden = true;
      var message = form.parentNode.querySelector('.form-done');
      if (message) message.hidden = false;
      return message;
    }
    var forgot = document.getElementById('forgot-form');
    if (forgot) {
      forgot.addEventListener('submit', function (event) {
        event.preventDefault();
        var error = forgot.querySelector('.form-error');
        error.textContent = '';
        api('POST', '/v1/auth/password-reset', { email: forgot.email.value.trim() })
          .then(function (answer) { done(forgot).textContent = 'Check your inbox: ' + answer.detail + '.'; })
          .catch(function (e) { error.textContent = e.message; });
      });
    }
    var unsubscribe = document.getElementById('unsubscribe-form');
    if (unsubscribe) {
      unsubscribe.addEventListener('submit', function (event) {
        event.preventDefault();
        api('POST', unsubscribe.getAttribute('action')).then(function () { done(unsubscribe); })
          .catch(function (e) { unsubscribe.querySelector('.form-error').textContent = e.message; });
      });
    }
    var reset = document.getElementById('reset-form');
    var linkForm = document.getElementById('link-form');
    var token = (reset || linkForm) ? linkToken() : '';
    [reset, linkForm].forEach(function (form) {
      if (!form) return;
      var error = form.querySelector('.form-error');
      if (!token) error.textContent = 'This page is opened from the link in an email; that link is missing here.';
      form.addEventListener('submit', function (event) {
        event.preventDefault();
        error.textContent = '';
        var call = form === reset
          ? api('POST', '/v1/auth/password-reset/confirm', { token: token, password: form.password.value })
          : api('POST', form.getAttribute('data-endpoint'), { token: token });
        call.then(function () { done(form); }).catch(function (e) { error.textContent = e.message; });
      });
    });
  }

  // --- Reader -------------------------------------------------------------------------------

  function verseRange(osis) {
    // "John.3.16" or "John.3.16-John.3.18" → [book, chapter, first, lastChapter, last]
    var ends = osis.split('-');
    var a = ends[0].split('.');
    var b = (ends[1] || ends[0]).split('.');
    return { book: a[0], chapter: +a[1], first: +(a[2] || 1), lastChapter: +(b[1] || a[1]), last: +(b[2] || 999) };
  }

  function rowsOf(reader, osis) {
    var r = verseRange(osis);
    var chapter = +reader.dataset.chapter;
    if (r.book !== reader.dataset.book || chapter < r.chapter || chapter > r.lastChapter) return [];
    var from = chapter === r.chapter ? r.first : 1;
    var to = chapter === r.lastChapter ? r.last : 999;
    return Array.prototype.filter.call(reader.querySelectorAll('.row.verse'), function (row) {
      var v = +row.dataset.verse;
      return v >= from && v <= to;
    });
  }

  var chapterItems = { highlights: [], notes: [], bookmarks: [] };

  function loadChapterItems(reader) {
    var ref = reader.dataset.book + '.' + reader.dataset.chapter;
    return Promise.all(['highlights', 'notes', 'bookmarks'].map(function (kind) {
      return api('GET', '/v1/me/' + kind + '?ref=' + encodeURIComponent(ref)).then(function (json) {
        chapterItems[kind] = json[kind] || [];
      });
    })).then(function () { paintChapterItems(reader); });
  }

  function paintChapterItems(reader) {
    reader.querySelectorAll('.row.verse').forEach(function (row) {
      row.className = row.className.replace(/\bhl-\w+\b|\bhas-note\b|\bbookmarked\b/g, '').trim();
    });
    chapterItems.highlights.forEach(function (h) {
      rowsOf(reader, h.osis).forEach(function (row) { row.classList.add('hl-' + h.colour); });
    });
    chapterItems.notes.forEach(function (n) {
      rowsOf(reader, n.osis).forEach(function (row) { row.classList.add('has-note'); });
    });
    chapterItems.bookmarks.forEach(function (b) {
      rowsOf(reader, b.osis).forEach(function (row) { row.classList.add('bookmarked'); });
    });
    var panel = reader.querySelector('.verse-panel');
    if (panel) paintPanelNotes(reader, panel);
  }

  function covering(reader, kind, osis) {
    return chapterItems[kind].filter(function (item) {
      return rowsOf(reader, item.osis).some(function (row) { return row.dataset.osis === osis; });
    });
  }

  // The panel's own controls follow what the reader has kept on its verse: their notes (each
  // deletable), "Remove highlight" when highlighted, and the bookmark button as a toggle.
  function paintPanelNotes(reader, panel) {
    var list = panel.querySelector('.my-notes');
    if (!list) return;
    list.textContent = '';
    var osis = panel.dataset.osis;
    covering(reader, 'notes', osis).forEach(function (n) {
      var li = el('li', { 'class': 'my-note' });
      li.appendChild(el('span', { 'class': 'note-body' }, n.body));
      var del = el('button', { type: 'button', 'class': 'note-delete', 'aria-label': 'Delete this note' }, 'Delete');
      del.addEventListener('click', function () {
        api('DELETE', '/v1/me/notes/' + n.id).then(function () {
          status(panel, 'Note deleted.');
          return loadChapterItems(reader);
        }).catch(function (e) { status(panel, e.message); });
      });
      li.appendChild(document.createTextNode(' '));
      li.appendChild(del);
      list.appendChild(li);
    });
    var clear = panel.querySelector('.hl-clear');
    if (clear) clear.hidden = covering(reader, 'highlights', osis).length === 0;
    var bookmark = panel.querySelector('.bookmark-btn');
    if (bookmark) bookmark.textContent = covering(reader, 'bookmarks', osis).length ? 'Remove bookmark' : 'Bookmark';
  }

  function wirePanel(reader, panel) {
    showSignedInState();
    if (!signedIn()) return;
    var osis = panel.dataset.osis;
    panel.querySelectorAll('.hl-btn').forEach(function (button) {
      button.addEventListener('click', function () {
        var existing = chapterItems.highlights.filter(function (h) { return h.osis === osis; });
        var removal = Promise.all(existing.map(function (h) { return api('DELETE', '/v1/me/highlights/' + h.id); }));
        removal.then(function () {
          return api('POST', '/v1/me/highlights', { ref: osis, colour: button.dataset.colour });
        }).then(function () {
          status(panel, 'Highlighted ' + button.dataset.colour + '.');
          return loadChapterItems(reader);
        }).catch(function (e) { status(panel, e.message); });
      });
    });
    var clear = panel.querySelector('.hl-clear');
    if (clear) {
      clear.addEventListener('click', function () {
        var mine = chapterItems.highlights.filter(function (h) { return h.osis === osis; });
        Promise.all(mine.map(function (h) { return api('DELETE', '/v1/me/highlights/' + h.id); })).then(function () {
          status(panel, 'Highlight removed.');
          return loadChapterItems(reader);
        }).catch(function (e) { status(panel, e.message); });
      });
    }
    var bookmark = panel.querySelector('.bookmark-btn');
    if (bookmark) {
      bookmark.addEventListener('click', function () {
        var marked = covering(reader, 'bookmarks', osis);
        var change = marked.length
          ? Promise.all(marked.map(function (b) { return api('DELETE', '/v1/me/bookmarks/' + b.id); }))
          : api('POST', '/v1/me/bookmarks', { ref: osis });
        change.then(function () {
          status(panel, marked.length ? 'Bookmark removed.' : 'Bookmarked.');
          return loadChapterItems(reader);
        }).catch(function (e) { status(panel, e.message); });
      });
    }
    var form = panel.querySelector('.note-form');
    if (form) {
      form.addEventListener('submit', function (event) {
        event.preventDefault();
        var body = form.body.value;
        if (!body.trim()) return;
        api('POST', '/v1/me/notes', { ref: osis, body: body, tags: [] }).then(function () {
          form.body.value = '';
          status(panel, 'Note saved.');
          return loadChapterItems(reader);
        }).catch(function (e) { status(panel, e.message); });
      });
    }
    paintPanelNotes(reader, panel);
  }

  function selectVerse(reader, row, link) {
    var url = location.pathname + '/' + row.dataset.verse + '/panel';
    var aside = document.getElementById('panel');
    fetch(url, { headers: { 'Accept': 'text/html' } }).then(function (response) {
      if (!response.ok) throw new Error('HTTP ' + response.status);
      return response.text();
    }).then(function (html) {
      aside.innerHTML = html;
      reader.querySelectorAll('.row.selected').forEach(function (r) { r.classList.remove('selected'); });
      row.classList.add('selected');
      history.replaceState(null, '', link.getAttribute('href'));
      var panel = aside.querySelector('.verse-panel');
      if (panel) {
        wirePanel(reader, panel);
        panel.querySelector('h2').focus({ preventScroll: window.matchMedia('(min-width: 60rem)').matches });
      }
    }).catch(function () { location.assign(link.href); });
  }

  function wireReader(reader) {
    try {
      localStorage.setItem('gospelib.continue', JSON.stringify({ href: location.pathname, label: reader.dataset.label }));
    } catch (e) { /* storage may be disabled; continuing is a convenience */ }
    reader.addEventListener('click', function (event) {
      var link = event.target.closest('a.vn');
      if (!link || event.ctrlKey || event.metaKey || event.shiftKey) return;
      event.preventDefault();
      selectVerse(reader, link.closest('.row'), link);
    });
    var panel = reader.querySelector('.verse-panel');
    if (panel) wirePanel(reader, panel);
    // ← and → turn the page, as in an e-reader, unless the reader is typing
    document.addEventListener('keydown', function (event) {
      if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      if (event.target.closest('input, textarea, select, [contenteditable]')) return;
      var rel = event.key === 'ArrowLeft' ? 'prev' : event.key === 'ArrowRight' ? 'next' : null;
      var link = rel && document.querySelector('.pager a[rel="' + rel + '"]');
      if (link) location.assign(link.href);
    });
    if (signedIn()) loadChapterItems(reader).catch(function () { /* signed out elsewhere */ });
  }

  function wireHome() {
    var section = document.getElementById('continue');
    if (!section) return;
    try {
      var last = JSON.parse(localStorage.getItem('gospelib.continue') || 'null');
      if (last && last.href && last.href.indexOf('/read/') === 0) {
        var link = document.getElementById('continue-link');
        link.href = last.href;
        link.textContent = last.label;
        section.hidden = false;
      }
    } catch (e) { /* nothing to continue */ }
  }

  // --- My notes -----------------------------------------------------------------------------

  // in the translation the page was served for (the first one), so links follow the reader's choice
  function readerHref(osis) {
    var r = verseRange(osis);
    var main = document.querySelector('main');
    var translation = (main && main.dataset.translation) || 'KJV';
    return '/read/' + encodeURIComponent(translation) + '/' + r.book + '/' + r.chapter + '?v=' + r.first + '#v' + r.first;
  }

  // "Matt.1-Matt.4" → "Matt 1–4"; "John.3.16-John.3.18" → "John 3:16–18"
  function label(osis) {
    var ends = osis.split('-');
    var a = ends[0].split('.');
    var start = a[0] + ' ' + a.slice(1).join(':');
    if (ends.length < 2) return start;
    var b = ends[1].split('.');
    if (b[0] !== a[0]) return start + ' – ' + b[0] + ' ' + b.slice(1).join(':');
    if (a.length === 3 && b.length === 3 && a[1] === b[1]) return start + '–' + b[2];
    return start + '–' + b.slice(1).join(':');
  }

  function wireNotes() {
    var list = document.getElementById('notes-list');
    if (!list || !signedIn()) return;
    var form = document.getElementById('tag-filter');
    function load() {
      var tag = form.tag.value.trim();
      api('GET', '/v1/me/notes' + (tag ? '?tag=' + encodeURIComponent(tag) : '')).then(function (json) {
        list.textContent = '';
        (json.notes || []).forEach(function (n) {
          var li = el('li', { 'class': 'note' });
          li.appendChild(el('a', { href: readerHref(n.osis) }, label(n.osis)));
          li.appendChild(el('p', {}, n.body));
          var del = el('button', { type: 'button' }, 'Delete');
          del.addEventListener('click', function () {
            api('DELETE', '/v1/me/notes/' + n.id).then(load);
          });
          li.appendChild(del);
          list.appendChild(li);
        });
        document.getElementById('notes-empty').hidden = (json.notes || []).length > 0;
      });
    }
    form.addEventListener('submit', function (e) { e.preventDefault(); load(); });
    load();
    var marks = document.getElementById('marks-list');
    Promise.all([api('GET', '/v1/me/highlights'), api('GET', '/v1/me/bookmarks')]).then(function (both) {
      (both[0].highlights || []).concat(both[1].bookmarks || []).forEach(function (item) {
        var li = el('li', {});
        li.appendChild(el('a', { href: readerHref(item.osis) }, label(item.osis)));
        li.appendChild(document.createTextNode(item.kind === 'highlight' ? ' — highlighted ' + item.colour : ' — bookmarked'));
        marks.appendChild(li);
      });
    });
  }

  // --- Account: plan and subscription ----------------------------------------------------------

  function wireAccount() {
    var summary = document.getElementById('plan-summary');
    if (!summary || !signedIn()) return;
    var list = document.getElementById('plan-subscriptions');
    var subscribe = document.getElementById('plan-subscribe');
    var manage = document.getElementById('plan-manage');
    var error = document.getElementById('plan-error');
    function fail(e) { error.textContent = e.message; error.hidden = false; }
    function go(promise) { promise.then(function (r) { window.location.assign(r.url); }).catch(fail); }
    var params = new URLSearchParams(window.location.search);
    api('GET', '/v1/me/billing').then(function (b) {
      var plus = b.plan === 'plus';
      summary.textContent = (plus ? 'You are on Plus.' : 'You are on the free plan.')
        + (params.get('checkout') === 'done' && !plus ? ' Your payment is being confirmed; this page shows Plus once Stripe reports it.' : '');
      list.textContent = '';
      (b.subscriptions || []).forEach(function (s) {
        // a subscription Stripe never started has no period yet
        var end = s.currentPeriodEnd ? new Date(s.currentPeriodEnd).toLocaleDateString() : '';
        var what = s.price === 'plus-yearly' ? 'Plus, yearly' : s.price === 'plus-monthly' ? 'Plus, monthly' : 'Subscription';
        var when = s.status === 'canceled' ? ', ended' : !end ? '' : s.cancelAtPeriodEnd ? ', ends on ' + end : ', renews on ' + end;
        list.appendChild(el('li', {}, what + ' — ' + s.status.replace('_', ' ') + when));
      });
      subscribe.hidden = plus;
      manage.hidden = (b.subscriptions || []).length === 0;
    }).catch(fail);
    Array.prototype.forEach.call(subscribe.querySelectorAll('button[data-price]'), function (b) {
      b.addEventListener('click', function () { go(api('POST', '/v1/me/billing/checkout', { price: b.getAttribute('data-price') })); });
    });
    manage.addEventListener('click', function () { go(api('POST', '/v1/me/billing/portal')); });
  }

  // --- Exports ------------------------------------------------------------------------------

  function wireExports() {
    var form = document.getElementById('export-form');
    if (!form || !signedIn()) return;
    var list = document.getElementById('export-list');
    var error = document.getElementById('export-error');
    var names = { pdf: 'PDF', markdown: 'Markdown', json: 'JSON' };
    var waiting = null;
    function fail(e) { error.textContent = e.message; error.hidden = false; }
    function show(exports) {
      list.textContent = '';
      exports.forEach(function (x) {
        var item = el('li', { 'data-export': x.id });
        item.appendChild(document.createTextNode(names[x.format] + ' (' + x.translation + '), '
          + new Date(x.requestedAt).toLocaleString() + ' — '));
        if (x.status === 'ready') {
          // the link works for a few minutes: fetched again each time the list is shown
          var a = el('a', { href: x.download.url, download: '' }, 'Download');
          item.appendChild(a);
          item.appendChild(document.createTextNode(' (' + Math.max(1, Math.round(x.bytes / 1024)) + ' KB, ' + x.items + ' items)'));
        } else {
          item.appendChild(document.createTextNode('being prepared…'));
        }
        list.appendChild(item);
      });
      var pending = exports.some(function (x) { return x.status !== 'ready'; });
      if (pending && !waiting) waiting = setTimeout(function () { waiting = null; load(); }, 1000);
    }
    function load() { api('GET', '/v1/me/exports').then(function (r) { show(r.exports); }).catch(fail); }
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      error.hidden = true;
      api('POST', '/v1/me/exports', { format: form.format.value, translation: form.translation.value })
        .then(load).catch(fail);
    });
    load();
  }

  // --- Webhooks -----------------------------------------------------------------------------

  function wireWebhooks() {
    var list = document.getElementById('webhooks-list');
    if (!list || !signedIn()) return;
    var form = document.getElementById('new-webhook');
    var error = document.getElementById('webhook-error');
    var secret = document.getElementById('webhook-secret');
    function showSecret(value) {
      secret.textContent = 'Signing secret (shown once, keep it): ' + value;
      secret.hidden = false;
    }
    function button(text, action) {
      var b = el('button', { type: 'button' }, text);
      b.addEventListener('click', action);
      return b;
    }
    function load() {
      api('GET', '/v1/me/webhooks').then(function (json) {
        list.textContent = '';
        (json.endpoints || []).forEach(function (e) {
          var li = el('li', { 'class': 'webhook' + (e.enabled ? '' : ' disabled') });
          li.appendChild(el('strong', {}, e.url));
          li.appendChild(el('p', {}, e.eventTypes.join(', ') + (e.description ? ' — ' + e.description : '')));
          if (!e.enabled) li.appendChild(el('p', { 'class': 'error' }, 'Disabled: ' + (e.disabledReason || '')));
          var log = el('ul', { 'class': 'deliveries' });
          if (e.enabled) {
            li.appendChild(button('Send test', function () {
              api('POST', '/v1/me/webhooks/' + e.id + '/test').then(function () { li.querySelector('.status').textContent = 'Test message queued.'; });
            }));
          } else {
            li.appendChild(button('Enable', function () { api('POST', '/v1/me/webhooks/' + e.id + '/enable').then(load); }));
          }
          li.appendChild(button('Deliveries', function () {
            api('GET', '/v1/me/webhooks/' + e.id + '/deliveries').then(function (d) {
              log.textContent = '';
              (d.deliveries || []).forEach(function (a) {
                log.appendChild(el('li', {}, a.at + ' ' + a.eventType + ' attempt ' + a.attempt + ': '
                  + (a.succeeded ? 'delivered' : 'failed') + (a.statusCode ? ' (HTTP ' + a.statusCode + ')' : '')
                  + (a.error ? ' ' + a.error : '')));
              });
              if (!(d.deliveries || []).length) log.appendChild(el('li', {}, 'No deliveries yet.'));
            });
          }));
          li.appendChild(button('Rotate secret', function () {
            api('POST', '/v1/me/webhooks/' + e.id + '/rotate-secret').then(function (r) { showSecret(r.secret); });
          }));
          li.appendChild(button('Delete', function () { api('DELETE', '/v1/me/webhooks/' + e.id).then(load); }));
          li.appendChild(el('p', { 'class': 'status', role: 'status' }, ''));
          li.appendChild(log);
          list.appendChild(li);
        });
        document.getElementById('webhooks-empty').hidden = (json.endpoints || []).length > 0;
      });
    }
    api('GET', '/v1/webhooks/event-types').then(function (json) {
      var types = document.getElementById('webhook-types');
      (json.eventTypes || []).forEach(function (t) {
        var label = el('label', {});
        var box = el('input', { type: 'checkbox', name: 'eventTypes', value: t.name });
        label.appendChild(box);
        label.appendChild(document.createTextNode(' ' + t.name + ' — ' + t.description));
        types.appendChild(label);
      });
    });
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var types = Array.prototype.map.call(form.querySelectorAll('input[name=eventTypes]:checked'), function (b) { return b.value; });
      error.hidden = true;
      api('POST', '/v1/me/webhooks', { url: form.url.value.trim(), eventTypes: types, description: form.description.value.trim() })
        .then(function (created) {
          form.reset();
          showSecret(created.secret);
          load();
        })
        .catch(function (err) {
          error.textContent = err.message;
          error.hidden = false;
        });
    });
    load();
  }

  // --- Plans --------------------------------------------------------------------------------

  function today() {
    var d = new Date();
    return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0');
  }

  // Reminder settings on the plans page: which kinds, by email and/or in this browser (Web Push:
  // the service worker /sw.js shows them), the local time, the time zone (the browser's, until the
  // reader picks another).
  function pushSupported() {
    return 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
  }

  function subscribeThisBrowser() {
    return Notification.requestPermission().then(function (permission) {
      if (permission !== 'granted') throw new Error('This browser does not allow notifications from GospeLib.');
      return Promise.all([navigator.serviceWorker.register('/sw.js'), api('GET', '/v1/notifications/push/public-key')]);
    }).then(function (both) {
      return navigator.serviceWorker.ready.then(function (registration) {
        return registration.pushManager.getSubscription().then(function (existing) {
          return existing || registration.pushManager.subscribe({ userVisibleOnly: true,
            applicationServerKey: urlBase64ToBytes(both[1].publicKey) });
        });
      });
    }).then(function (subscription) {
      return api('POST', '/v1/me/notifications/push-subscriptions', subscription.toJSON());
    });
  }

  function urlBase64ToBytes(text) {
    var base64 = (text + '==='.slice((text.length + 3) % 4)).replace(/-/g, '+').replace(/_/g, '/');
    var raw = atob(base64);
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    return bytes;
  }

  function wireReminders() {
    var form = document.getElementById('reminder-form');
    if (!form || !signedIn()) return;
    var error = form.querySelector('.form-error');
    var next = document.querySelector('.reminder-next');
    var kinds = ['plan-reminder', 'catch-up', 'verse-of-the-day'];
    if (pushSupported()) document.querySelectorAll('[data-push-supported]').forEach(function (n) { n.hidden = false; });
    function show(p) {
      kinds.forEach(function (k) { form.elements[k].checked = !!(p.kinds[k] && (p.kinds[k].email || p.kinds[k].push)); });
      form.byEmail.checked = kinds.some(function (k) { return p.kinds[k] && p.kinds[k].email; })
        || !kinds.some(function (k) { return p.kinds[k] && p.kinds[k].push; });
      form.inBrowser.checked = kinds.some(function (k) { return p.kinds[k] && p.kinds[k].push; });
      form.remindAt.value = p.remindAt;
      form.timeZone.value = p.timeZone === 'UTC' && !p.nextReminderAt
        ? (Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC') : p.timeZone;
      next.textContent = p.nextReminderAt ? 'Next reminder: ' + new Date(p.nextReminderAt).toLocaleString() : '';
    }
    api('GET', '/v1/me/notifications/preferences').then(show).catch(function (e) { error.textContent = e.message; });
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      error.textContent = '';
      var inBrowser = pushSupported() && form.inBrowser.checked;
      var body = { timeZone: form.timeZone.value.trim(), remindAt: form.remindAt.value, kinds: {} };
      kinds.forEach(function (k) {
        body.kinds[k] = { email: form.elements[k].checked && form.byEmail.checked, push: form.elements[k].checked && inBrowser };
      });
      (inBrowser ? subscribeThisBrowser() : Promise.resolve())
        .then(function () { return api('PUT', '/v1/me/notifications/preferences', body); })
        .then(show).catch(function (e) { error.textContent = e.message; });
    });
  }

  function wirePlans() {
    wireReminders();
    var all = document.getElementById('plan-list');
    if (!all) return;
    var mine = document.getElementById('my-plans');
    function loadMine() {
      if (!signedIn()) return Promise.resolve();
      return api('GET', '/v1/me/plans').then(function (json) {
        mine.textContent = '';
        var plans = json.plans || [];
        document.getElementById('no-plans').hidden = plans.length > 0;
        return Promise.all(plans.map(function (p) {
          return api('GET', '/v1/me/plans/' + p.id).then(function (full) { mine.appendChild(enrolment(full)); });
        }));
      });
    }
    function enrolment(p) {
      var li = el('li', { 'class': 'enrolment', 'data-plan': p.plan });
      li.appendChild(el('h3', {}, p.name));
      var progress = p.progress;
      li.appendChild(el('p', { 'class': 'progress' }, 'Day ' + Math.min(progress.today, p.totalDays) + ' of ' + p.totalDays
        + ' · ' + progress.completed + ' read · streak ' + progress.streak
        + (progress.behind > 0 ? ' · ' + progress.behind + ' behind' : '')));
      var day = (p.days || [])[Math.max(0, Math.min(progress.today, p.totalDays) - 1)];
      if (day) {
        var box = el('input', { type: 'checkbox', id: 'day-' + p.id, 'class': 'day-read' });
        box.checked = day.read;
        var lab = el('label', { 'for': 'day-' + p.id }, 'Today (day ' + day.day + '): ');
        var readings = el('span', { 'class': 'readings' });
        day.readings.forEach(function (r, i) {
          if (i > 0) readings.appendChild(document.createTextNode(', '));
          readings.appendChild(el('a', { href: readerHref(r.split('-')[0]) }, label(r)));
        });
        box.addEventListener('change', function () {
          api(box.checked ? 'PUT' : 'DELETE', '/v1/me/plans/' + p.id + '/days/' + day.day).then(function () {
            status(document, box.checked ? 'Marked day ' + day.day + ' as read.' : 'Day ' + day.day + ' unmarked.');
            return loadMine();
          }).catch(function (e) { status(document, e.message); });
        });
        var p2 = el('p', {});
        p2.appendChild(box);
        p2.appendChild(lab);
        p2.appendChild(readings);
        li.appendChild(p2);
      }
      if (progress.behind > 0) {
        var catchUp = el('button', { type: 'button' }, 'Catch up');
        catchUp.addEventListener('click', function () {
          api('POST', '/v1/me/plans/' + p.id + '/catch-up').then(loadMine);
        });
        li.appendChild(catchUp);
      }
      return li;
    }
    api('GET', '/v1/plans').then(function (json) {
      (json.plans || []).forEach(function (plan) {
        var li = el('li', {});
        li.appendChild(el('h3', {}, plan.name));
        li.appendChild(el('p', {}, plan.description + ' (' + plan.days + ' days)'));
        if (signedIn()) {
          var start = el('button', { type: 'button', 'data-enrol': plan.id }, 'Start this plan');
          start.addEventListener('click', function () {
            var zone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
            api('POST', '/v1/me/plans', { plan: plan.id, startDate: today(), timeZone: zone }).then(function () {
              status(document, 'Started ' + plan.name + '.');
              return loadMine();
            }).catch(function (e) { status(document, e.message); });
          });
          li.appendChild(start);
        }
        all.appendChild(li);
      });
    });
    loadMine();
  }

  // --- The study assistant --------------------------------------------------------------------

  function readerLink(translation, osis) {
    var first = osis.split('-')[0].split('.');
    if (first.length < 2) return null;
    return '/read/' + encodeURIComponent(translation) + '/' + encodeURIComponent(first[0]) + '/' + first[1]
      + (first[2] ? '#v' + first[2] : '');
  }

  // One part of an answer: text as text; a checked citation as a link to the passage; a failed
  // one marked as such, never as a link.
  function answerPart(part, translation) {
    if (part.type === 'text') return document.createTextNode(part.text);
    var span = el('span', { 'class': 'citation citation-' + part.status });
    if (part.status === 'verified') {
      if (part.quote) span.appendChild(el('q', {}, part.quote));
      span.appendChild(document.createTextNode(' '));
      var link = el('a', { href: readerLink(part.translation || translation, part.osis) || '#' }, part.label);
      span.appendChild(link);
    } else if (part.status === 'misquoted') {
      span.appendChild(el('del', { title: part.reason || '' }, part.quote || ''));
      span.appendChild(el('span', {}, ' (not the words of ' + part.label + ')'));
    } else {
      span.appendChild(el('span', { title: part.reason || '' }, '[citation removed: not in the text]'));
    }
    return span;
  }

  function wireAssistant() {
    var form = document.getElementById('assistant-form');
    if (!form || !signedIn()) return;
    var answer = document.getElementById('assistant-answer');
    var sources = document.getElementById('assistant-sources');
    var error = document.getElementById('assistant-error');
    var history = document.getElementById('assistant-history');
    function loadHistory() {
      api('GET', '/v1/assistant/questions?limit=10').then(function (page) {
        history.textContent = '';
        page.exchanges.forEach(function (x) {
          var item = el('li', {});
          item.appendChild(el('strong', {}, x.question));
          var body = el('p', {});
          x.parts.forEach(function (p) { body.appendChild(answerPart(p, x.translation)); });
          item.appendChild(body);
          history.appendChild(item);
        });
      }).catch(function () {});
    }
    function handle(name, data, translation) {
      if (name === 'sources') {
        sources.textContent = '';
        data.sources.forEach(function (s) {
          var item = el('li', {});
          var href = s.osis ? readerLink(data.translation, s.osis) : null;
          item.appendChild(href ? el('a', { href: href }, s.title) : document.createTextNode(s.title));
          sources.appendChild(item);
        });
        sources.hidden = data.sources.length === 0;
      } else if (name === 'part') {
        answer.appendChild(answerPart(data, translation));
      } else if (name === 'restart') {
        answer.textContent = '';
      } else if (name === 'error') {
        error.textContent = data.detail || data.title;
        error.hidden = false;
      } else if (name === 'done') {
        answer.setAttribute('aria-busy', 'false');
        loadHistory();
      }
    }
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      error.hidden = true;
      answer.textContent = '';
      answer.setAttribute('aria-busy', 'true');
      var translation = form.translation.value;
      fetch('/v1/assistant/questions', { method: 'POST', credentials: 'same-origin',
        headers: { 'Accept': 'text/event-stream', 'Content-Type': 'application/json', 'X-CSRF-Token': csrfToken() },
        body: JSON.stringify({ question: form.question.value.trim(), translation: translation }) })
        .then(function (response) {
          if (!response.ok) {
            return response.json().catch(function () { return {}; }).then(function (p) {
              throw new Error(p.detail || p.title || ('HTTP ' + response.status));
            });
          }
          var reader = response.body.getReader();
          var decoder = new TextDecoder();
          var buffer = '';
          function pump() {
            return reader.read().then(function (chunk) {
              if (chunk.done) return;
              buffer += decoder.decode(chunk.value, { stream: true });
              var end;
              while ((end = buffer.indexOf('\n\n')) >= 0) {
                var block = buffer.substring(0, end);
                buffer = buffer.substring(end + 2);
                var name = 'message';
                var data = '';
                block.split('\n').forEach(function (line) {
                  if (line.indexOf('event:') === 0) name = line.substring(6).trim();
                  if (line.indexOf('data:') === 0) data += line.substring(5);
                });
                if (data) handle(name, JSON.parse(data), translation);
              }
              return pump();
            });
          }
          return pump();
        })
        .catch(function (e) { error.textContent = e.message; error.hidden = false; answer.setAttribute('aria-busy', 'false'); });
    });
    loadHistory();
  }

  document.addEventListener('DOMContentLoaded', function () {
    showSignedInState();
    wireAccountForms();
    var reader = document.querySelector('main.reader');
    if (reader) wireReader(reader);
    wireHome();
    wireNotes();
    wirePlans();
    wireWebhooks();
    wireAccount();
    wireExports();
    wireAssistant();
  });
})();
