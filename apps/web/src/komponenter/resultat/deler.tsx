import { Alert, Details, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import type {
  Advarsel,
  Beregningslinje,
  Beregningsresultat,
  Grunnlagsgruppe,
  ResultatPerson,
  Visningspost,
} from '../../api/typer';
import { dato, fulltNavn, kroner, sats } from '../../format';
import { tekster } from '../../tekster';

const r = tekster.resultat;

/** How a person is named in the result: the name from Folkeregisteret, else the role in the case. */
export function personnavn(p: ResultatPerson): string {
  return p.navn ? fulltNavn(p.navn) : tekster.persontyper[p.type];
}

function Beloep({ verdi }: { verdi: number | undefined }) {
  return verdi === undefined ? null : <span className="ig-tall">{kroner(verdi)}</span>;
}

/** The fee first and large, then the other key figures and the income basis. */
export function Hovedtall({ resultat }: { resultat: Beregningsresultat }) {
  const [foerste, ...andre] = resultat.hovedtall;
  return (
    <div className="ig-hovedtall">
      {foerste ? (
        <p className="ig-avgift">
          <span className="ig-avgift__tekst">{foerste.tekst}</span>
          <span className="ig-avgift__beloep" data-testid="avgift">
            {kroner(foerste.beloep)}
          </span>
          {foerste.hjemmel ? <span className="ig-hjemmel">{foerste.hjemmel}</span> : null}
        </p>
      ) : (
        <Alert data-color="warning">
          <Paragraph>{r.avgiftIkkeBeregnet}</Paragraph>
        </Alert>
      )}
      <dl className="ig-nokkeltall">
        {andre.map((h) => (
          <div key={h.tekst}>
            <dt>{h.tekst}</dt>
            <dd>
              <Beloep verdi={h.beloep} />
              {h.hjemmel ? <span className="ig-hjemmel">{h.hjemmel}</span> : null}
            </dd>
          </div>
        ))}
        <div>
          <dt>{r.beregningsgrunnlag}</dt>
          <dd>
            <span className="ig-tall" data-testid="beregningsgrunnlag">
              {kroner(resultat.beregningsbeloep)}
            </span>
          </dd>
        </div>
      </dl>
    </div>
  );
}

export function Advarsler({ advarsler, personer }: { advarsler: Advarsel[]; personer: ResultatPerson[] }) {
  if (advarsler.length === 0) return null;
  const navn = new Map(personer.map((p) => [p.identifikator, personnavn(p)]));
  const alvorlig = advarsler.some((a) => a.kode === 'SKJERMET_PERSON' || a.kode === 'AVGIFT_IKKE_BEREGNET');
  return (
    <Alert data-color={alvorlig ? 'danger' : 'warning'} className="ig-advarsler">
      <Heading level={3} data-size="xs">
        {r.advarsler}
      </Heading>
      <ul>
        {advarsler.map((a, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: warnings have no id and may repeat a code per person
          <li key={`${a.kode}-${i}`} data-kode={a.kode}>
            {tekster.advarselskoder[a.kode] ? <strong>{tekster.advarselskoder[a.kode]}</strong> : null}
            {a.identifikator && navn.get(a.identifikator) ? ` (${navn.get(a.identifikator)})` : ''}
            {tekster.advarselskoder[a.kode] || (a.identifikator && navn.get(a.identifikator)) ? ': ' : ''}
            {a.melding}
          </li>
        ))}
      </ul>
    </Alert>
  );
}

export function Personer({ personer }: { personer: ResultatPerson[] }) {
  return (
    <Table className="ig-tabell" data-size="sm">
      <caption className="ig-sr">{r.personer}</caption>
      <Table.Head>
        <Table.Row>
          <Table.HeaderCell>{r.navn}</Table.HeaderCell>
          <Table.HeaderCell>{r.identifikator}</Table.HeaderCell>
          <Table.HeaderCell>{r.type}</Table.HeaderCell>
          <Table.HeaderCell>{r.grunnlagFra}</Table.HeaderCell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {personer.map((p) => (
          <Table.Row key={p.identifikator}>
            <Table.HeaderCell scope="row">
              {personnavn(p)}
              {p.skjermet ? (
                <>
                  {' '}
                  <Tag data-color="danger" data-size="sm">
                    {tekster.person.skjermet}
                  </Tag>
                </>
              ) : null}
            </Table.HeaderCell>
            <Table.Cell className="ig-tall">{p.identifikator}</Table.Cell>
            <Table.Cell>{tekster.persontyper[p.type]}</Table.Cell>
            <Table.Cell>
              {p.postkilde === 'FORESPOERSEL'
                ? r.oppgittIForespoersel
                : [
                    p.stadie ? r.stadier[p.stadie] : null,
                    p.skatteoppgjoersdato ? dato(p.skatteoppgjoersdato) : null,
                  ]
                    .filter(Boolean)
                    .join(' ')}
              {p.stadie === 'UTKAST' ? (
                <>
                  {' '}
                  <Tag data-color="warning" data-size="sm">
                    {tekster.advarselskoder.UTKAST_BRUKT}
                  </Tag>
                </>
              ) : null}
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}

// The same signs as OPERASJONSSYMBOL in packages/regelverk; a copy, because importing regelverk would
// pull decimal.js into the browser bundle for nine characters.
const SYMBOL: Record<string, string> = {
  ADDERE: '+',
  SUBTRAHERE: '\u2212',
  MULTIPLISERE: '\u00d7',
  DIVIDERE: '\u00f7',
  MINIMUM: 'min',
  MAKSIMUM: 'maks',
  AVRUNDE: '\u2248',
  RESULTAT: '=',
  INFO: '',
};

function Operasjonstegn({ operasjon }: { operasjon: string }) {
  const symbol = SYMBOL[operasjon] ?? '';
  if (!symbol) return null;
  return (
    <>
      <span aria-hidden="true" className="ig-symbol">
        {symbol}
      </span>
      <span className="ig-sr">{r.operasjoner[operasjon]} </span>
    </>
  );
}

function flat(linjer: Beregningslinje[], dybde = 0): Array<{ linje: Beregningslinje; dybde: number }> {
  return linjer.flatMap((linje) => [{ linje, dybde }, ...flat(linje.linjer ?? [], dybde + 1)]);
}

/** The explanation: every step with its rate, amount and the paragraph behind it; nesting as indentation. */
export function Beregningstabell({ tabell }: { tabell: Beregningsresultat['tabell'] }) {
  return (
    <Table className="ig-tabell ig-beregningstabell" data-size="sm">
      <caption>{tabell.tittel}</caption>
      <Table.Head>
        <Table.Row>
          <Table.HeaderCell>{r.kolSteg}</Table.HeaderCell>
          <Table.HeaderCell>{r.kolSats}</Table.HeaderCell>
          <Table.HeaderCell className="ig-hoeyre">{r.kolBeloep}</Table.HeaderCell>
          <Table.HeaderCell>{r.kolHjemmel}</Table.HeaderCell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {flat(tabell.linjer).map(({ linje, dybde }, i) => (
          <Table.Row
            // biome-ignore lint/suspicious/noArrayIndexKey: lines have no id; the table is replaced whole
            key={i}
            className={linje.operasjon === 'RESULTAT' ? 'ig-rad--resultat' : undefined}
            data-dybde={dybde}
          >
            <Table.Cell style={{ paddingInlineStart: `calc(var(--ds-size-3) + ${dybde * 1.25}rem)` }}>
              <Operasjonstegn operasjon={linje.operasjon} />
              {linje.tekst}
              {linje.merknad ? <span className="ig-merknad">{linje.merknad}</span> : null}
            </Table.Cell>
            <Table.Cell>{linje.sats ? sats(linje.sats) : null}</Table.Cell>
            <Table.Cell className="ig-hoeyre">
              <Beloep verdi={linje.beloep} />
              {linje.eksaktBeloep ? <span className="ig-merknad">{r.eksakt(linje.eksaktBeloep)}</span> : null}
            </Table.Cell>
            <Table.Cell className="ig-hjemmelcelle">{linje.hjemmel ?? null}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}

/** Rows of a basis group: one row per post, with each person's amount in the person's column. */
function postrader(gruppe: Grunnlagsgruppe, personer: ResultatPerson[]) {
  const rader: Array<{ navn: string; tekst: string; beloep: Map<string, number> }> = [];
  for (const p of gruppe.poster) {
    let rad = rader.find((x) => x.navn === p.tekniskNavn && !x.beloep.has(p.identifikator));
    if (!rad) {
      rad = { navn: p.tekniskNavn, tekst: p.visningstekst, beloep: new Map() };
      rader.push(rad);
    }
    rad.beloep.set(p.identifikator, p.beloep);
  }
  return rader.map((rad, i) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: a post may repeat (two rows for one person)
    <Table.Row key={`${rad.navn}-${i}`}>
      <Table.Cell className="ig-innrykk">{rad.tekst}</Table.Cell>
      {personer.map((p) => (
        <Table.Cell key={p.identifikator} className="ig-hoeyre">
          <Beloep verdi={rad.beloep.get(p.identifikator)} />
        </Table.Cell>
      ))}
      <Table.Cell />
    </Table.Row>
  ));
}

/** A basis block (inntekt, fradrag) as a tree: groups with their paragraph, posts per person, totals. */
export function Grunnlagsblokk({
  tittel,
  grupper,
  perPerson,
  sum,
  personer,
}: {
  tittel: string;
  grupper: Grunnlagsgruppe[];
  perPerson?: Array<{ identifikator: string; beloep: number }>;
  sum?: number;
  personer: ResultatPerson[];
}) {
  const perPersonKart = new Map((perPerson ?? []).map((p) => [p.identifikator, p.beloep]));
  return (
    <Table className="ig-tabell ig-grunnlag" data-size="sm">
      <caption>{tittel}</caption>
      <Table.Head>
        <Table.Row>
          <Table.HeaderCell>{r.kolPost}</Table.HeaderCell>
          {personer.map((p) => (
            <Table.HeaderCell key={p.identifikator} className="ig-hoeyre">
              {personnavn(p)}
            </Table.HeaderCell>
          ))}
          <Table.HeaderCell className="ig-hoeyre">{r.kolSum}</Table.HeaderCell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {grupper.length === 0 ? (
          <Table.Row>
            <Table.Cell colSpan={personer.length + 2}>{r.ingenPoster}</Table.Cell>
          </Table.Row>
        ) : null}
        {grupper.map((g) => [
          <Table.Row key={g.tekniskNavn} className="ig-rad--gruppe">
            <Table.HeaderCell scope="row">
              <Operasjonstegn operasjon={g.operasjon} />
              {g.visningstekst}
              {g.hjemmel ? <span className="ig-hjemmel">{g.hjemmel}</span> : null}
            </Table.HeaderCell>
            {personer.map((p) => (
              <Table.Cell key={p.identifikator} />
            ))}
            <Table.Cell className="ig-hoeyre">
              <Beloep verdi={g.beloep} />
            </Table.Cell>
          </Table.Row>,
          ...postrader(g, personer),
        ])}
      </Table.Body>
      {perPerson ? (
        <Table.Foot>
          <Table.Row className="ig-rad--resultat">
            <Table.HeaderCell scope="row">{r.sumPerPerson}</Table.HeaderCell>
            {personer.map((p) => (
              <Table.Cell key={p.identifikator} className="ig-hoeyre">
                <Beloep verdi={perPersonKart.get(p.identifikator)} />
              </Table.Cell>
            ))}
            <Table.Cell className="ig-hoeyre">
              <Beloep verdi={sum} />
            </Table.Cell>
          </Table.Row>
        </Table.Foot>
      ) : null}
    </Table>
  );
}

function Posttabell({
  tittel,
  poster,
  personer,
}: {
  tittel: string;
  poster: Visningspost[];
  personer: ResultatPerson[];
}) {
  return (
    <Table className="ig-tabell" data-size="sm">
      <caption className="ig-sr">{tittel}</caption>
      <Table.Head>
        <Table.Row>
          <Table.HeaderCell>{r.kolPost}</Table.HeaderCell>
          {personer.map((p) => (
            <Table.HeaderCell key={p.identifikator} className="ig-hoeyre">
              {personnavn(p)}
            </Table.HeaderCell>
          ))}
          <Table.HeaderCell className="ig-hoeyre">{r.kolSum}</Table.HeaderCell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {poster.map((post) => {
          const perPerson = new Map(post.personer.map((x) => [x.identifikator, x.beloep]));
          return (
            <Table.Row key={post.tekniskNavn}>
              <Table.HeaderCell scope="row">
                {post.visningstekst}
                {post.ukjent ? (
                  <>
                    {' '}
                    <Tag data-color="warning" data-size="sm">
                      {r.ukjentPost}
                    </Tag>
                  </>
                ) : null}
                {post.infotekst ? <span className="ig-merknad">{post.infotekst}</span> : null}
              </Table.HeaderCell>
              {personer.map((p) => (
                <Table.Cell key={p.identifikator} className="ig-hoeyre">
                  <Beloep verdi={perPerson.get(p.identifikator)} />
                </Table.Cell>
              ))}
              <Table.Cell className="ig-hoeyre">
                <Beloep verdi={post.beloep} />
              </Table.Cell>
            </Table.Row>
          );
        })}
      </Table.Body>
    </Table>
  );
}

/** Every post of the settlement the area may use, by display group, each group collapsible. */
export function Visningsposter({ resultat }: { resultat: Beregningsresultat }) {
  return (
    <>
      <Paragraph>{r.visningsposterIngress}</Paragraph>
      {resultat.visningsposter.map((g) => {
        const tittel = r.kategorier[g.kategori] ?? g.kategori;
        return (
          <Details key={g.kategori} className="ig-visningsgruppe">
            <Details.Summary>
              {tittel} ({r.antallPoster(g.poster.length)})
            </Details.Summary>
            <Details.Content>
              <Posttabell tittel={r.postgruppe(tittel)} poster={g.poster} personer={resultat.personer} />
            </Details.Content>
          </Details>
        );
      })}
    </>
  );
}

/** The Avregning API's posts (JSON pointers under /fastland/ or /svalbard/), shown when the role has avregning. */
export function erAvregningspost(tekniskNavn: string): boolean {
  return tekniskNavn.startsWith('/fastland/') || tekniskNavn.startsWith('/svalbard/');
}

export function Avregning({ resultat }: { resultat: Beregningsresultat }) {
  const poster = resultat.visningsposter
    .flatMap((g) => g.poster)
    .filter((p) => erAvregningspost(p.tekniskNavn));
  return (
    <>
      <Paragraph>{r.avregningIngress}</Paragraph>
      {poster.length === 0 ? (
        <Paragraph>{r.ingenAvregning}</Paragraph>
      ) : (
        <Posttabell tittel={r.avregning} poster={poster} personer={resultat.personer} />
      )}
    </>
  );
}
