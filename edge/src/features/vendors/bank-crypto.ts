import { fromBase64Url, toBase64Url } from '@mandap/shared/access';
import type { BankDetails } from '@mandap/shared/vendors';
import { eq, isNotNull } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';
import { vendors } from '../../db/schema/index.ts';
import type { Env } from '../../env.ts';
import { AppError } from '../../lib/errors.ts';

/**
 * Vendor bank details at rest: AES-256-GCM through WebCrypto (the same code on Node, Deno and
 * Workers). The AES key is derived by HKDF-SHA256 from VENDOR_BANK_KEY; the associated data
 * names the vendor row, so a ciphertext copied onto another vendor fails to open. Stored as
 * `v1.<keyId>.<iv>.<ciphertext+tag>`; the key id says which key sealed it, so a rotation can
 * run while both keys are configured.
 */
export interface BankKey {
  id: string;
  key: CryptoKey;
}

const enc = new TextEncoder();
const cache = new Map<string, Promise<BankKey>>();

async function deriveKey(material: string): Promise<BankKey> {
  const raw = await crypto.subtle.importKey('raw', enc.encode(material), 'HKDF', false, ['deriveKey']);
  const key = await crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: enc.encode('mandap/vendor-bank/v1'), info: enc.encode('aes-256-gcm') },
    raw,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
  const digest = new Uint8Array(
    await crypto.subtle.digest('SHA-256', enc.encode(`mandap/vendor-bank/key-id:${material}`)),
  );
  const id = Array.from(digest.slice(0, 4), (b) => b.toString(16).padStart(2, '0')).join('');
  return { id, key };
}

/** The key for a key string (derived once per process). */
export function bankKeyFrom(material: string): Promise<BankKey> {
  let k = cache.get(material);
  if (!k) {
    k = deriveKey(material);
    cache.set(material, k);
  }
  return k;
}

export interface BankKeyring {
  current: BankKey;
  previous: BankKey | null;
}

/** The configured keys, or a clear refusal when no key is set (bank details cannot be stored or read). */
export async function bankKeyring(
  env: Pick<Env, 'VENDOR_BANK_KEY' | 'VENDOR_BANK_KEY_PREVIOUS'>,
): Promise<BankKeyring> {
  if (!env.VENDOR_BANK_KEY)
    throw new AppError(
      'unprocessable',
      'Bank details are switched off: set VENDOR_BANK_KEY (32+ characters) on the server to store them encrypted.',
      { fields: { bank: 'no encryption key configured' } },
    );
  return {
    current: await bankKeyFrom(env.VENDOR_BANK_KEY),
    previous: env.VENDOR_BANK_KEY_PREVIOUS ? await bankKeyFrom(env.VENDOR_BANK_KEY_PREVIOUS) : null,
  };
}

const aad = (vendorId: string) => enc.encode(`mandap:vendor:${vendorId}:bank`);

export async function sealBank(key: BankKey, vendorId: string, details: BankDetails): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ct = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: aad(vendorId) },
    key.key,
    enc.encode(JSON.stringify(details)),
  );
  return `v1.${key.id}.${toBase64Url(iv)}.${toBase64Url(new Uint8Array(ct))}`;
}

const unreadable = () =>
  new AppError(
    'unprocessable',
    'The stored bank details of this vendor cannot be opened: they were altered, belong to another row, or were sealed with a key this server does not have.',
  );

/** Opens a sealed value for this vendor row; anything tampered, moved or under an unknown key fails. */
export async function openBank(
  ring: BankKeyring | readonly BankKey[],
  vendorId: string,
  sealed: string,
): Promise<BankDetails> {
  const keys = Array.isArray(ring) ? ring : [(ring as BankKeyring).current, (ring as BankKeyring).previous];
  const parts = sealed.split('.');
  if (parts.length !== 4 || parts[0] !== 'v1') throw unreadable();
  const key = keys.find((k) => k?.id === parts[1]);
  if (!key) throw unreadable();
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64Url(parts[2]!) as Uint8Array<ArrayBuffer>, additionalData: aad(vendorId) },
      key.key,
      fromBase64Url(parts[3]!) as Uint8Array<ArrayBuffer>,
    );
    return JSON.parse(new TextDecoder().decode(plain)) as BankDetails;
  } catch {
    throw unreadable();
  }
}

/** The key id inside a sealed value. */
export function sealedKeyId(sealed: string): string | null {
  return sealed.split('.')[1] ?? null;
}

/**
 * Re-encrypts every vendor's bank details under `toMaterial`, opening each with `fromMaterial`
 * (rows already under the new key are left alone, so a rerun is harmless). All rows or none:
 * one transaction, and any row that fails to open aborts the rotation with its vendor named.
 */
export async function rotateBankKey(
  db: Db,
  fromMaterial: string,
  toMaterial: string,
): Promise<{ rotated: number; alreadyCurrent: number }> {
  const from = await bankKeyFrom(fromMaterial);
  const to = await bankKeyFrom(toMaterial);
  return db.transaction(async (tx) => {
    const rows = await tx
      .select({ id: vendors.id, code: vendors.code, sealed: vendors.bankCipher })
      .from(vendors)
      .where(isNotNull(vendors.bankCipher));
    let rotated = 0;
    let alreadyCurrent = 0;
    for (const r of rows) {
      if (sealedKeyId(r.sealed!) === to.id) {
        alreadyCurrent++;
        continue;
      }
      let details: BankDetails;
      try {
        details = await openBank([from], r.id, r.sealed!);
      } catch {
        throw new Error(
          `Rotation stopped, nothing changed: the bank details of vendor ${r.code} do not open with the old key.`,
        );
      }
      await setSealed(tx, r.id, await sealBank(to, r.id, details));
      rotated++;
    }
    return { rotated, alreadyCurrent };
  });
}

async function setSealed(tx: DbOrTx, vendorId: string, sealed: string) {
  await tx.update(vendors).set({ bankCipher: sealed }).where(eq(vendors.id, vendorId));
}
