// Flashwire alerts service worker: shows each pushed alert; a later alert about the same story replaces it.
self.addEventListener('push', (event) => {
  const alert = event.data ? event.data.json() : null;
  if (!alert) {
    return;
  }
  event.waitUntil(self.registration.showNotification(alert.headline, {
    body: alert.note || '',
    dir: alert.dir,
    lang: alert.edition,
    tag: alert.storyId,
    renotify: alert.type === 'alert.new',
    data: { url: alert.url }
  }));
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = event.notification.data && event.notification.data.url;
  if (url) {
    event.waitUntil(clients.openWindow(url));
  }
});
