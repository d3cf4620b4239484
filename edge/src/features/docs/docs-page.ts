/**
 * A self-contained API reference page rendered from the OpenAPI document: no CDN scripts,
 * so it works offline and under every runtime's CSP. Each operation shows its permission.
 */
interface Operation {
  summary?: string;
  'x-permission'?: string;
  requestBody?: unknown;
  parameters?: { name: string; in: string }[];
  responses?: Record<string, { description?: string }>;
}
interface OpenApiDoc {
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
}

const esc = (s: string) =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

export function renderDocsPage(doc: OpenApiDoc): string {
  const rows = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => {
      const params = (op.parameters ?? []).map((p) => `${p.name} (${p.in})`).join(', ');
      const codes = Object.entries(op.responses ?? {})
        .map(([code, r]) => `<span title="${esc(r.description ?? '')}">${code}</span>`)
        .join(' ');
      return `<tr><td><code class="m ${method}">${method.toUpperCase()}</code></td><td><code>${esc(path)}</code></td>
<td>${esc(op.summary ?? '')}${params ? `<div class="p">${esc(params)}</div>` : ''}</td>
<td><code>${esc(op['x-permission'] ?? '')}</code></td><td>${codes}</td></tr>`;
    }),
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${esc(doc.info.title)} — API reference</title>
<style>body{font:14px/1.5 system-ui,sans-serif;margin:2rem;color:#222}table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid #eee;padding:.45rem .6rem;text-align:left;vertical-align:top}th{background:#faf6f2}
.m{font-weight:700}.get{color:#1b7f3b}.post{color:#8a3b12}.patch{color:#6b3fa0}.delete{color:#b3261e}.p{color:#666;font-size:12px}</style>
</head><body><h1>${esc(doc.info.title)} <small>${esc(doc.info.version)}</small></h1>
<p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a>. Authenticate with <code>Authorization: Bearer &lt;accessToken&gt;</code> from <code>POST /api/auth/login</code>. Errors are <code>{ "error": { "code", "message" } }</code>.</p>
<table><thead><tr><th>Method</th><th>Path</th><th>What</th><th>Permission</th><th>Answers</th></tr></thead><tbody>${rows.join('')}</tbody></table></body></html>`;
}
