/**
 * Prometheus metrics in the text exposition format (version 0.0.4), kept in memory. Labels are route
 * templates, methods, status codes, beregningstyper and outcomes: never an identifier, an amount or a
 * raw path.
 */
const VARIGHETSGRENSER = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** Outcomes of a beregning request, for inntektsgrunnlag_oppslag_total. */
export const OPPSLAGSUTFALL = ['HENTET', 'GJENBRUKT', 'FORESPOERSEL', 'AVVIST', 'UGYLDIG', 'FEILET'] as const;
export type Oppslagsutfall = (typeof OPPSLAGSUTFALL)[number];

type Etiketter = Record<string, string>;

function etikettekst(e: Etiketter): string {
  const deler = Object.entries(e).map(
    ([n, v]) => `${n}="${v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"')}"`,
  );
  return deler.length ? `{${deler.join(',')}}` : '';
}

function noekkel(e: Etiketter): string {
  return JSON.stringify(Object.entries(e));
}

export class Metrikker {
  private readonly foresporsler = new Map<string, { e: Etiketter; n: number }>();
  private readonly varighet = new Map<string, { e: Etiketter; boetter: number[]; sum: number; n: number }>();
  private readonly oppslag = new Map<string, { e: Etiketter; n: number }>();

  /** One answered request: method, route template (or «ukjent»), status and duration in seconds. */
  foresporsel(metode: string, rute: string, status: number, sekunder: number): void {
    const e = { method: metode, route: rute, status: String(status) };
    const k = noekkel(e);
    const f = this.foresporsler.get(k) ?? { e, n: 0 };
    f.n++;
    this.foresporsler.set(k, f);
    const ve = { method: metode, route: rute };
    const vk = noekkel(ve);
    const v = this.varighet.get(vk) ?? { e: ve, boetter: VARIGHETSGRENSER.map(() => 0), sum: 0, n: 0 };
    VARIGHETSGRENSER.forEach((g, i) => {
      if (sekunder <= g) v.boetter[i] = (v.boetter[i] ?? 0) + 1;
    });
    v.sum += sekunder;
    v.n++;
    this.varighet.set(vk, v);
  }

  /** One beregning request by outcome. */
  oppslagsutfall(beregningstype: string, utfall: Oppslagsutfall): void {
    const e = { beregningstype, utfall };
    const k = noekkel(e);
    const o = this.oppslag.get(k) ?? { e, n: 0 };
    o.n++;
    this.oppslag.set(k, o);
  }

  tekst(): string {
    const linjer: string[] = [
      '# HELP http_requests_total Besvarte HTTP-forespørsler etter metode, rute og status.',
      '# TYPE http_requests_total counter',
      ...[...this.foresporsler.values()].map((f) => `http_requests_total${etikettekst(f.e)} ${f.n}`),
      '# HELP http_request_duration_seconds Svartid etter metode og rute.',
      '# TYPE http_request_duration_seconds histogram',
    ];
    for (const v of this.varighet.values()) {
      VARIGHETSGRENSER.forEach((g, i) => {
        linjer.push(
          `http_request_duration_seconds_bucket${etikettekst({ ...v.e, le: String(g) })} ${v.boetter[i] ?? 0}`,
        );
      });
      linjer.push(`http_request_duration_seconds_bucket${etikettekst({ ...v.e, le: '+Inf' })} ${v.n}`);
      linjer.push(`http_request_duration_seconds_sum${etikettekst(v.e)} ${Number(v.sum.toFixed(6))}`);
      linjer.push(`http_request_duration_seconds_count${etikettekst(v.e)} ${v.n}`);
    }
    linjer.push(
      '# HELP inntektsgrunnlag_oppslag_total Beregningsforespørsler etter beregningstype og utfall (HENTET: oppslag hos kildene; GJENBRUKT: omberegning på et tidligere oppslag; FORESPOERSEL: poster i forespørselen; AVVIST; UGYLDIG; FEILET).',
      '# TYPE inntektsgrunnlag_oppslag_total counter',
      ...[...this.oppslag.values()].map((o) => `inntektsgrunnlag_oppslag_total${etikettekst(o.e)} ${o.n}`),
    );
    return `${linjer.join('\n')}\n`;
  }
}
