/*
 * Web push for staff, loaded into the generated service worker with workbox's `importScripts`
 * (vite.config.ts), beside its precache. The edge sends `{ title, body, link, id }`, encrypted
 * (aes128gcm) and VAPID-signed (edge/src/features/notifications/web-push.ts).
 */

/** Only a page of this app opens from a notification: another origin, or a bad link, becomes the home page. */
function mandapPushTarget(link) {
  try {
    const url = new URL(typeof link === 'string' && link ? link : '/', self.location.origin);
    return url.origin === self.location.origin ? url.href : new URL('/', self.location.origin).href;
  } catch {
    return new URL('/', self.location.origin).href;
  }
}

/** What a push shows: its JSON, or its text as the body when it is not JSON. */
function mandapPushNotification(data) {
  let msg = {};
  if (data) {
    try {
      msg = data.json() ?? {};
    } catch {
      msg = { body: data.text() };
    }
  }
  const title = typeof msg.title === 'string' && msg.title.trim() ? msg.title.slice(0, 120) : 'Mandap';
  const options = {
    body: typeof msg.body === 'string' ? msg.body.slice(0, 500) : '',
    icon: '/icon-192.png',
    badge: '/icon-192.png',
    lang: 'en-IN',
    data: { link: mandapPushTarget(msg.link) },
  };
  // One notification per message: the same message pushed twice replaces itself.
  if (typeof msg.id === 'string' && msg.id) options.tag = msg.id;
  return { title, options };
}

self.addEventListener('push', (event) => {
  const { title, options } = mandapPushNotification(event.data);
  event.waitUntil(self.registration.showNotification(title, options));
});

/** Focuses an open Mandap tab on the notification's page, or opens one. */
async function mandapOpen(target) {
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const open = windows.find((w) => new URL(w.url).origin === self.location.origin);
  if (open) {
    const focused = await open.focus().catch(() => open);
    if (focused.url !== target && 'navigate' in focused) return focused.navigate(target).catch(() => focused);
    return focused;
  }
  return self.clients.openWindow(target);
}

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  event.waitUntil(mandapOpen(mandapPushTarget(event.notification.data?.link)));
});
