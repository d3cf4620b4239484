import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Plugin, ResolvedConfig } from 'vite';

interface ShellFile {
  file: string;
  bytes: number;
  gzipBytes: number;
}

const gz = (data: string | Uint8Array) => gzipSync(data, { level: 9 }).length;

/**
 * Measures the app shell: the entry chunk, every chunk it imports statically (transitively),
 * and the CSS those chunks pull in. Lazy routes are excluded; they load on navigation.
 * Prints the gzip total and writes dist/shell-size.json.
 */
export function shellSize(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'mandap:shell-size',
    apply: 'build',
    configResolved(c) {
      config = c;
    },
    writeBundle(_options, bundle) {
      const entry = Object.values(bundle).find((o) => o.type === 'chunk' && o.isEntry);
      if (entry?.type !== 'chunk') return;
      const js: ShellFile[] = [];
      const css = new Set<string>();
      const seen = new Set<string>();
      const visit = (fileName: string) => {
        if (seen.has(fileName)) return;
        seen.add(fileName);
        const chunk = bundle[fileName];
        if (chunk?.type !== 'chunk') return;
        js.push({ file: fileName, bytes: Buffer.byteLength(chunk.code), gzipBytes: gz(chunk.code) });
        for (const c of chunk.viteMetadata?.importedCss ?? []) css.add(c);
        for (const imp of chunk.imports) visit(imp);
      };
      visit(entry.fileName);
      const cssFiles: ShellFile[] = [...css].map((file) => {
        const asset = bundle[file];
        const source = asset && asset.type === 'asset' ? asset.source : '';
        const bytes = typeof source === 'string' ? Buffer.byteLength(source) : source.length;
        return { file, bytes, gzipBytes: gz(source) };
      });
      const sum = (files: ShellFile[], k: 'bytes' | 'gzipBytes') => files.reduce((a, f) => a + f[k], 0);
      const report = {
        entry: entry.fileName,
        entryGzipBytes: sum(js, 'gzipBytes') + sum(cssFiles, 'gzipBytes'),
        jsGzipBytes: sum(js, 'gzipBytes'),
        cssGzipBytes: sum(cssFiles, 'gzipBytes'),
        jsBytes: sum(js, 'bytes'),
        cssBytes: sum(cssFiles, 'bytes'),
        files: [...js, ...cssFiles],
      };
      const outDir = resolve(config.root, config.build.outDir);
      writeFileSync(join(outDir, 'shell-size.json'), `${JSON.stringify(report, null, 2)}\n`);
      const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
      config.logger.info(
        `\nshell size (gzip): ${kb(report.entryGzipBytes)} total — JS ${kb(report.jsGzipBytes)} in ${js.length} chunk(s), CSS ${kb(report.cssGzipBytes)}`,
      );
    },
  };
}
