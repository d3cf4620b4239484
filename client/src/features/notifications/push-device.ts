import { call, edge } from '../../api/rpc.ts';

/** Where web push stands on this browser, for the one control that turns it on or off. */
export type PushState =
  | { kind: 'unsupported'; reason: string }
  | { kind: 'not_configured' }
  | { kind: 'no_worker' }
  | { kind: 'denied' }
  | { kind: 'off'; registration: ServiceWorkerRegistration; publicKey: string }
  | { kind: 'on'; registration: ServiceWorkerRegistration; subscription: PushSubscription; publicKey: string };

const push = edge.notifications.push;

/** VAPID keys travel as unpadded base64url; the browser wants the raw bytes. */
export function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const b64 = base64url
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(base64url.length / 4) * 4, '=');
  const raw = atob(b64);
  const out = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}

function sameKey(a: ArrayBuffer | null | undefined, b: Uint8Array): boolean {
  if (!a || a.byteLength !== b.byteLength) return false;
  const x = new Uint8Array(a);
  return x.every((v, i) => v === b[i]);
}

/** Reads this browser's push state: support, the server's key, permission and the current subscription. */
export async function readPushState(): Promise<PushState> {
  if (!('serviceWorker' in navigator) || !('PushManager' in window) || !('Notification' in window))
    return { kind: 'unsupported', reason: 'This browser does not support web push notifications.' };
  const { publicKey } = await call(push.key.$get());
  if (!publicKey) return { kind: 'not_configured' };
  // The app's service worker (precache + push handler) registers on the first load of a built app.
  const registration = await Promise.race([
    navigator.serviceWorker.ready,
    new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 4000)),
  ]);
  if (!registration) return { kind: 'no_worker' };
  if (Notification.permission === 'denied') return { kind: 'denied' };
  const subscription = await registration.pushManager.getSubscription();
  if (subscription && Notification.permission === 'granted') {
    // The browser's subscription follows whoever is signed in on it now (the server re-points it).
    await register(subscription);
    return { kind: 'on', registration, subscription, publicKey };
  }
  return { kind: 'off', registration, publicKey };
}

async function register(subscription: PushSubscription) {
  const json = subscription.toJSON();
  await call(
    push.subscriptions.$post({
      json: { endpoint: subscription.endpoint, keys: { p256dh: json.keys?.p256dh ?? '', auth: json.keys?.auth ?? '' } },
    }),
  );
}

/**
 * Asks permission, subscribes with the server's VAPID key and registers the subscription. A
 * subscription made with an older key is replaced. Throws with a message a person can act on.
 */
export async function turnOn(state: Extract<PushState, { kind: 'off' | 'on' }>): Promise<PushState> {
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') return permission === 'denied' ? { kind: 'denied' } : state;
  const key = keyBytes(state.publicKey);
  const { pushManager } = state.registration;
  let subscription = await pushManager.getSubscription();
  if (subscription && !sameKey(subscription.options.applicationServerKey, key)) {
    await subscription.unsubscribe();
    subscription = null;
  }
  try {
    subscription ??= await pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
  } catch (err) {
    const why = err instanceof Error && err.message ? err.message : String(err);
    throw new Error(`This browser could not subscribe to push (${why}).`);
  }
  await register(subscription);
  return { kind: 'on', registration: state.registration, subscription, publicKey: state.publicKey };
}

/** Unsubscribes this browser and tells the server to forget it. */
export async function turnOff(state: Extract<PushState, { kind: 'on' }>): Promise<PushState> {
  const { endpoint } = state.subscription;
  await state.subscription.unsubscribe();
  await call(push.subscriptions.$delete({ json: { endpoint } }));
  return { kind: 'off', registration: state.registration, publicKey: state.publicKey };
}
