import type { Husstandsforslag, Verdier } from '../api/typer';
import { nyNoekkel, nyttBarnehagebarn, rensIdentifikator, type Skjemadata, tarBarn } from './modell';

/**
 * Fills the form with the household proposals the case worker confirmed: the spouse or registered
 * partner into the partner fields, the children into the persons (where the area takes them) or, for
 * barnehage/SFO, into the vedtak's children by fødselsdato. A person already in the form is not added
 * twice. Returns the new form and the proposals that could not be used, so the page can say why.
 */
export function brukHusstandsforslag(
  data: Skjemadata,
  valgte: readonly Husstandsforslag[],
  verdier: Pick<Verdier, 'persontyper'> | null,
): { data: Skjemadata; ikkeBrukt: Husstandsforslag[] } {
  let ny: Skjemadata = { ...data };
  const ikkeBrukt: Husstandsforslag[] = [];
  const tillatt = (t: string) => !!verdier?.persontyper.some((p) => p.type === t);
  for (const f of valgte) {
    if (f.persontype === 'EKTEFELLE' || f.persontype === 'PARTNER') {
      if (!tillatt(f.persontype)) {
        ikkeBrukt.push(f);
        continue;
      }
      ny = { ...ny, harPartner: true, partnerType: f.persontype, partner: f.identifikator };
    } else if (f.plassering === 'VEDTAK_BARN') {
      const barn = ny.barnehage.barn;
      if (barn.some((b) => b.foedselsdato === f.foedselsdato) || !f.foedselsdato) {
        if (!f.foedselsdato) ikkeBrukt.push(f);
        continue;
      }
      // The empty row the form starts with is filled first.
      const tom = barn.findIndex((b) => !b.tilbud && !b.foedselsdato && !b.prisPerMaaned);
      const rad = {
        ...(tom >= 0 ? (barn[tom] as (typeof barn)[number]) : nyttBarnehagebarn()),
        foedselsdato: f.foedselsdato,
      };
      ny = {
        ...ny,
        barnehage: {
          ...ny.barnehage,
          barn: tom >= 0 ? barn.map((b, i) => (i === tom ? rad : b)) : [...barn, rad],
        },
      };
    } else {
      if (!tarBarn(ny, verdier)) {
        ikkeBrukt.push(f);
        continue;
      }
      if (ny.barn.some((b) => rensIdentifikator(b.identifikator) === f.identifikator)) continue;
      ny = { ...ny, barn: [...ny.barn, { noekkel: nyNoekkel('barn'), identifikator: f.identifikator }] };
    }
  }
  return { data: ny, ikkeBrukt };
}
