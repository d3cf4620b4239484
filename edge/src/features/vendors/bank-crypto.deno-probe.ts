/**
 * Run by bank-crypto.runtimes.test.ts under Deno (`deno run`): opens a value sealed on Node and
 * seals one for Node to open, with the same module, so bank details written by one runtime are
 * readable by the others. Reads JSON {material, vendorId, sealed} from BANK_PROBE; prints JSON.
 * (Typed without the Deno namespace, so the edge's tsc can check it too.)
 */
import { bankKeyFrom, openBank, sealBank } from './bank-crypto.ts';

const deno = (globalThis as unknown as { Deno: { env: { get(name: string): string | undefined } } }).Deno;
const input = JSON.parse(deno.env.get('BANK_PROBE') ?? '{}') as {
  material: string;
  vendorId: string;
  sealed: string;
};
const key = await bankKeyFrom(input.material);
const opened = await openBank([key], input.vendorId, input.sealed);
const sealed = await sealBank(key, input.vendorId, { ...opened, bankName: 'Sealed under Deno' });
let tamperRefused = false;
try {
  await openBank([key], `${input.vendorId}x`, input.sealed);
} catch {
  tamperRefused = true;
}
console.log(JSON.stringify({ runtime: 'deno', keyId: key.id, opened, sealed, tamperRefused }));
