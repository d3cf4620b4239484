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
 * Prints the gzip total, writes dist/shell-size.json, and fails the build when the total
 * (JS + CSS, gzip) is over `budgetKb` (kB = 1024 bytes, as printed).
 */
export function shellSize({ budgetKb }: { budgetKb: number }): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'mandap:shell-size',
    apply: 'build',
    configResolved(c) {
      config = c;
    },
    writeBundle(_options, bundle) {
      // A build with no entry chunk has no shell to measure (and no budget to break).
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
        budgetGzipBytes: budgetKb * 1024,
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
        `\nshell size (gzip): ${kb(report.entryGzipBytes)} total — JS ${kb(report.jsGzipBytes)} in ${js.length} chunk(s), CSS ${kb(report.cssGzipBytes)} — budget ${budgetKb} kB`,
      );
      if (report.entryGzipBytes > report.budgetGzipBytes) {
        const largest = [...report.files]
          .sort((a, b) => b.gzipBytes - a.gzipBytes)
          .slice(0, 5)
          .map((f) => `    ${f.file}  ${kb(f.gzipBytes)}`)
          .join('\n');
        this.error(
          `The app shell is ${kb(report.entryGzipBytes)} gzip, over its ${budgetKb} kB budget by ${kb(report.entryGzipBytes - report.budgetGzipBytes)}.\n` +
            `  The shell is everything the first screen loads before any page: the entry chunk, the chunks it imports\n` +
            `  statically, and their CSS. Largest files:\n${largest}\n` +
            `  Load what the first paint does not need with import() / React.lazy (see src/app/router.tsx and\n` +
            `  AppLayout.tsx), keep zod and schemas out of shell modules, and add Mantine CSS to src/app/shell-styles.ts\n` +
            `  only for components the shell itself renders. Details: ${join(config.build.outDir, 'shell-size.json')}.`,
        );
      }
    },
  };
}
