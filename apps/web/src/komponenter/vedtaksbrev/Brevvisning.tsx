import type { Brevelement, Vedtaksbrevinnhold } from '../../api/typer';

function Element({ e }: { e: Brevelement }) {
  switch (e.type) {
    case 'avsnitt':
      return <p className="ig-brev__avsnitt">{e.tekst}</p>;
    case 'liste':
      return (
        <ul>
          {e.punkter.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      );
    case 'fakta':
      return (
        <table className="ig-brev__fakta">
          <tbody>
            {e.rader.map((r, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are fixed for one rendering, and labels can repeat
              <tr key={i}>
                <th scope="row">{r.etikett}</th>
                <td>{r.verdi}</td>
              </tr>
            ))}
          </tbody>
        </table>
      );
    case 'beloep':
      return (
        <dl className="ig-brev__beloep" data-testid="vedtaksbrev-beloep">
          {e.rader.map((r) => (
            <div key={r.tekst}>
              <dt>
                {r.tekst}
                {r.merknad ? <span className="ig-brev__merknad">{r.merknad}</span> : null}
              </dt>
              <dd>{r.beloep}</dd>
            </div>
          ))}
        </dl>
      );
  }
}

/**
 * The letter as HTML: the same content the PDF renders (POST /api/v1/vedtaksbrev with Accept:
 * application/json), so the preview is what is sent. Headings start at h3 under the section's h2.
 */
export function Brevvisning({ brev, etikett }: { brev: Vedtaksbrevinnhold; etikett: string }) {
  return (
    <article className="ig-brev" aria-label={etikett} lang={brev.spraak === 'nn' ? 'nn' : 'nb'}>
      <div className="ig-brev__hode">
        <div className="ig-brev__avsender">
          <strong>{brev.avsender.kommunenavn}</strong>
          {brev.avsender.enhet ? <span>{brev.avsender.enhet}</span> : null}
          {brev.avsender.linjer.map((l) => (
            <span key={l}>{l}</span>
          ))}
        </div>
      </div>
      <div className="ig-brev__adressefelt">
        <div className="ig-brev__mottaker">
          {brev.mottaker?.navn ? <span>{brev.mottaker.navn}</span> : null}
          {(brev.mottaker?.adresselinjer ?? []).map((l) => (
            <span key={l}>{l}</span>
          ))}
        </div>
        <dl className="ig-brev__referanser">
          {brev.referanser.map((r) => (
            <div key={r.etikett}>
              <dt>{r.etikett}</dt>
              <dd>{r.verdi}</dd>
            </div>
          ))}
        </dl>
      </div>
      <h3 className="ig-brev__tittel">{brev.tittel}</h3>
      {brev.deler.map((d) => (
        <section key={d.id} className="ig-brev__del" data-del={d.id}>
          {d.nivaa === 1 ? <h4>{d.overskrift}</h4> : <h5>{d.overskrift}</h5>}
          {d.innhold.map((e, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a section's elements are fixed for one rendering
            <Element key={i} e={e} />
          ))}
        </section>
      ))}
      <div className="ig-brev__underskrift">
        <p>{brev.underskrift.hilsen}</p>
        <p>
          {brev.underskrift.navn}
          <br />
          {brev.underskrift.tittel}
        </p>
        <p className="ig-brev__merknad">{brev.underskrift.merknad}</p>
      </div>
      {brev.kopi ? (
        <p>
          <strong>{brev.kopi.etikett}:</strong> {brev.kopi.mottakere.join(', ')}
        </p>
      ) : null}
    </article>
  );
}
