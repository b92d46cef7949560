// Flashwire alerts service worker: shows each pushed alert; a later alert about the same story replaces it (same tag).
// A kill replaces the alert with a notice that it was withdrawn, without the headline or a link to the story.
const WITHDRAWN = { ar: 'سُحب هذا الخبر', en: 'This story was withdrawn' };

function notificationFor(alert) {
  const options = { dir: alert.dir, lang: alert.edition, tag: alert.storyId };
  if (alert.type === 'alert.kill') {
    return {
      title: WITHDRAWN[alert.edition] || WITHDRAWN.en,
      options: { ...options, body: alert.note || '', renotify: false, silent: true, data: {} }
    };
  }
  return {
    title: alert.headline,
    options: { ...options, body: alert.note || '', renotify: alert.type === 'alert.new', data: { url: alert.url } }
  };
}

self.addEventListener('push', (event) => {
  const alert = event.data ? event.data.json() : null;
  if (!alert) {
    return;
  }
  const { title, options } = notificationFor(alert);
  event.waitUntil(self.registration.showNotification(title, options));
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = event.notification.data && event.notification.data.url;
  if (url) {
    event.waitUntil(clients.openWindow(url));
  }
});
