type Json = Record<string, unknown>;

const esc = (t: unknown) =>
  String(t).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

const refNavn = (r: string) => r.split('/').pop() ?? r;
const anker = (t: string) => t.replace(/[^A-Za-z0-9_-]/g, '-');

/** A schema's type as a short text, with links for references. */
function typetekst(s: Json | undefined): string {
  if (!s) return 'hva som helst';
  if (typeof s.$ref === 'string')
    return `<a href="#skjema-${anker(refNavn(s.$ref))}">${esc(refNavn(s.$ref))}</a>`;
  if (Array.isArray(s.anyOf)) return (s.anyOf as Json[]).map(typetekst).join(' | ');
  if (Array.isArray(s.oneOf)) return (s.oneOf as Json[]).map(typetekst).join(' | ');
  if (Array.isArray(s.enum))
    return (s.enum as unknown[]).map((v) => `<code>${esc(JSON.stringify(v))}</code>`).join(' | ');
  if (s.const !== undefined) return `<code>${esc(JSON.stringify(s.const))}</code>`;
  const type = Array.isArray(s.type) ? (s.type as string[]).join(' | ') : (s.type as string | undefined);
  if (type === 'array') return `liste av ${typetekst(s.items as Json | undefined)}`;
  return esc(type ?? 'hva som helst');
}

function begrensninger(s: Json): string {
  const d: string[] = [];
  for (const [k, tekst] of [
    ['minLength', 'min. lengde'],
    ['maxLength', 'maks. lengde'],
    ['minItems', 'min.'],
    ['maxItems', 'maks.'],
    ['pattern', 'mønster'],
    ['default', 'standard'],
  ] as const) {
    if (s[k] !== undefined)
      d.push(`${tekst} <code>${esc(typeof s[k] === 'string' ? s[k] : JSON.stringify(s[k]))}</code>`);
  }
  return d.length ? ` <span class="b">(${d.join(', ')})</span>` : '';
}

/** A schema as nested lists of its properties (a few levels; references link to their own section). */
function skjema(s: Json | undefined, dybde = 0): string {
  if (!s || dybde > 4) return '';
  const innhold = s.type === 'array' && s.items && !(s.items as Json).$ref ? (s.items as Json) : s;
  const props = innhold.properties as Record<string, Json> | undefined;
  if (!props) return '';
  const paakrevd = new Set((innhold.required as string[] | undefined) ?? []);
  return `<ul class="felt">${Object.entries(props)
    .map(
      ([navn, p]) =>
        `<li><code class="n">${esc(navn)}</code>${paakrevd.has(navn) ? ' <span class="p">påkrevd</span>' : ''}: ${typetekst(p)}${begrensninger(p)}${
          p.description ? `<div class="d">${esc(p.description)}</div>` : ''
        }${skjema(p, dybde + 1)}</li>`,
    )
    .join('')}</ul>`;
}

function operasjon(sti: string, metode: string, o: Json, dok: Json): string {
  const komponenter = dok.components as Json;
  const loes = (x: Json): Json => {
    if (typeof x.$ref !== 'string') return x;
    const [, , seksjon, navn] = x.$ref.split('/');
    return ((komponenter[seksjon as string] as Json)[navn as string] as Json) ?? x;
  };
  const parametre = ((o.parameters as Json[] | undefined) ?? []).map(loes);
  const kropp = o.requestBody as Json | undefined;
  const kroppSkjema = kropp
    ? (((kropp.content as Json)['application/json'] as Json | undefined)?.schema as Json | undefined)
    : undefined;
  const svar = Object.entries((o.responses as Record<string, Json>) ?? {}).map(([kode, r]) => {
    const s = loes(r);
    const innhold = Object.entries((s.content as Record<string, Json> | undefined) ?? {})
      .map(([type, c]) => `<code>${esc(type)}</code> ${typetekst(c.schema as Json | undefined)}`)
      .join(', ');
    return `<tr><td>${esc(kode)}</td><td>${esc(s.description ?? '')}</td><td>${innhold}</td></tr>`;
  });
  return `<section class="op" id="${anker(`${metode}-${sti}`)}">
<h3><span class="m ${esc(metode)}">${esc(metode.toUpperCase())}</span> <code>${esc(sti)}</code></h3>
<p><strong>${esc(o.summary ?? '')}</strong></p>
${o.description ? `<p>${esc(o.description)}</p>` : ''}
${o.security ? '<p class="sikret">Krever <code>Authorization: Bearer &lt;API-nøkkel&gt;</code>.</p>' : ''}
${
  parametre.length
    ? `<h4>Parametre</h4><table><tr><th>Navn</th><th>I</th><th>Type</th><th>Beskrivelse</th></tr>${parametre
        .map(
          (p) =>
            `<tr><td><code>${esc(p.name)}</code>${p.required ? ' <span class="p">påkrevd</span>' : ''}</td><td>${esc(p.in)}</td><td>${typetekst(p.schema as Json)}</td><td>${esc(p.description ?? '')}</td></tr>`,
        )
        .join('')}</table>`
    : ''
}
${kroppSkjema ? `<h4>Forespørsel</h4><p><code>application/json</code>: ${typetekst(kroppSkjema)}</p>` : ''}
<h4>Svar</h4><table><tr><th>Status</th><th>Betydning</th><th>Innhold</th></tr>${svar.join('')}</table>
</section>`;
}

/**
 * The API documentation as one static page, rendered here from the OpenAPI document: no script, no
 * external stylesheet, nothing fetched from elsewhere.
 */
export function dokumentasjonsside(dok: Json): string {
  const info = dok.info as Json;
  const paths = dok.paths as Record<string, Record<string, Json>>;
  const tags = (dok.tags as Array<{ name: string; description?: string }>) ?? [];
  const ops = Object.entries(paths).flatMap(([sti, metoder]) =>
    Object.entries(metoder).map(([m, o]) => ({ sti, m, o })),
  );
  const skjemaer = (dok.components as Json).schemas as Record<string, Json>;
  const perTag = tags.map((t) => ({
    t,
    ops: ops.filter((x) => ((x.o.tags as string[]) ?? [])[0] === t.name),
  }));
  return `<!doctype html>
<html lang="nb">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(info.title)}</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:60rem;margin:0 auto;padding:1rem 1.5rem;line-height:1.45;color:#1b1b1b}
code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.92em;background:#f3f3f3;padding:0 .2em;border-radius:3px}
h2{border-bottom:2px solid #ddd;padding-bottom:.2em;margin-top:2.5rem}
.op{border:1px solid #ddd;border-radius:6px;padding:.2rem 1rem .6rem;margin:1rem 0}
.m{display:inline-block;min-width:3.5em;text-align:center;color:#fff;border-radius:4px;padding:0 .4em;font-size:.85em}
.m.get{background:#1f6f43}.m.post{background:#1d4f91}
table{border-collapse:collapse;width:100%;font-size:.93em}th,td{text-align:left;vertical-align:top;border-bottom:1px solid #eee;padding:.25em .4em}
.p{color:#a00;font-size:.8em}.b{color:#555;font-size:.85em}.d{color:#444;font-size:.9em}
ul.felt{list-style:none;padding-left:1.1em;border-left:1px solid #e5e5e5;margin:.2em 0}
.sikret{color:#5a3d00}
nav li{overflow-wrap:anywhere}
h3 code{overflow-wrap:anywhere}
</style>
</head>
<body>
<header>
<h1>${esc(info.title)} <small>${esc(info.version)}</small></h1>
<p>${esc(info.description ?? '')}</p>
<p>Maskinlesbar beskrivelse: <a href="/api/openapi.json"><code>/api/openapi.json</code></a> (OpenAPI ${esc(dok.openapi)}).</p>
</header>
<nav><h2>Innhold</h2><ul>${perTag
    .map(
      ({ t, ops: o }) =>
        `<li><strong>${esc(t.name)}</strong><ul>${o
          .map(
            (x) =>
              `<li><a href="#${anker(`${x.m}-${x.sti}`)}">${esc(x.m.toUpperCase())} ${esc(x.sti)}</a></li>`,
          )
          .join('')}</ul></li>`,
    )
    .join('')}<li><a href="#skjemaer">Skjemaer</a></li></ul></nav>
<main>
${perTag
  .map(
    ({ t, ops: o }) =>
      `<h2>${esc(t.name)}</h2>${t.description ? `<p>${esc(t.description)}</p>` : ''}${o.map((x) => operasjon(x.sti, x.m, x.o, dok)).join('\n')}`,
  )
  .join('\n')}
<h2 id="skjemaer">Skjemaer</h2>
${Object.entries(skjemaer)
  .map(
    ([navn, s]) =>
      `<section id="skjema-${anker(navn)}"><h3>${esc(navn)}</h3>${s.description ? `<p>${esc(s.description)}</p>` : ''}<p>${typetekst(
        { ...s, description: undefined } as Json,
      )}</p>${skjema(s)}</section>`,
  )
  .join('\n')}
</main>
</body>
</html>`;
}
