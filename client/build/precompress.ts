import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin, ResolvedConfig } from 'vite';

const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|webmanifest|txt)$/;
/** Below this, the headers cost more than the saving. */
const MIN_BYTES = 1024;

/**
 * Writes a Brotli (.br) and a gzip (.gz) copy beside every text asset of the build, once, at
 * build time, at the highest levels. The edge's static server on Node answers with them when
 * the browser accepts them (`precompressed`), so a phone on a slow network downloads the
 * compressed shell instead of the raw one, and no CPU is spent compressing per request.
 * (Workers' static assets are compressed by the platform.)
 */
export function precompress(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'mandap:precompress',
    apply: 'build',
    configResolved(c) {
      config = c;
    },
    closeBundle: {
      order: 'post',
      handler() {
        const outDir = resolve(config.root, config.build.outDir);
        let raw = 0;
        let br = 0;
        let files = 0;
        const walk = (dir: string) => {
          for (const name of readdirSync(dir)) {
            const path = join(dir, name);
            if (statSync(path).isDirectory()) {
              walk(path);
              continue;
            }
            if (!COMPRESSIBLE.test(name)) continue;
            const data = readFileSync(path);
            if (data.length < MIN_BYTES) continue;
            const brotli = brotliCompressSync(data, {
              params: {
                [constants.BROTLI_PARAM_QUALITY]: 11,
                [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
              },
            });
            writeFileSync(`${path}.br`, brotli);
            writeFileSync(`${path}.gz`, gzipSync(data, { level: 9 }));
            raw += data.length;
            br += brotli.length;
            files++;
          }
        };
        walk(outDir);
        config.logger.info(
          `precompressed ${files} files: ${(raw / 1024).toFixed(0)} kB → ${(br / 1024).toFixed(0)} kB brotli (and gzip beside)`,
        );
      },
    },
  };
}
