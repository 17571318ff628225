// GospeLib's service worker: shows the reminders the server pushes (Web Push, already decrypted by
// the browser) and opens the page a reminder is about when it is clicked. It caches nothing.
'use strict';

self.addEventListener('push', function (event) {
  var data;
  try {
    data = event.data ? event.data.json() : {};
  } catch (e) {
    data = { title: 'GospeLib', body: event.data ? event.data.text() : '' };
  }
  event.waitUntil(self.registration.showNotification(data.title || 'GospeLib', {
    body: data.body || '',
    tag: data.tag || undefined,
    data: { url: data.url || '/' }
  }));
});

self.addEventListener('notificationclick', function (event) {
  event.notification.close();
  var url = (event.notification.data && event.notification.data.url) || '/';
  event.waitUntil(self.clients.openWindow(url));
});
