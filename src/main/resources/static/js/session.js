// Calls to the API with the page's session, shared by the reader's and the console's scripts:
// the HttpOnly session cookie goes by itself, and a state-changing call echoes the CSRF cookie
// in X-CSRF-Token, as the gateway requires. A failed call rejects with the problem's detail and
// the status.
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

  window.GospelibSession = Object.freeze({ csrfToken: csrfToken, api: api });
})();
