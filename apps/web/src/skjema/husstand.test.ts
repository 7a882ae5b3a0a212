import { describe, expect, it } from 'vitest';
import type { Husstandsforslag } from '../api/typer';
import { brukHusstandsforslag } from './husstand';
import { tomtSkjema } from './modell';

const barn = (
  id: string,
  foedselsdato: string,
  plassering: Husstandsforslag['plassering'],
): Husstandsforslag => ({
  identifikator: id,
  persontype: 'BARN',
  relasjon: 'barn',
  navn: null,
  foedselsdato,
  skjermet: false,
  plassering,
});
const verdier = (...typer: string[]) =>
  ({ persontyper: typer.map((type) => ({ type, tekst: type })) }) as never;

describe('filling the form with the confirmed household', () => {
  it('barnehage: the children go into the vedtak by fødselsdato, the empty first row first, none twice', () => {
    const data = tomtSkjema('BARNEHAGE_SFO');
    const { data: ny, ikkeBrukt } = brukHusstandsforslag(
      data,
      [
        barn('1', '2021-03-01', 'VEDTAK_BARN'),
        barn('2', '2019-08-15', 'VEDTAK_BARN'),
        barn('3', '2021-03-01', 'VEDTAK_BARN'),
      ],
      verdier('SOEKER', 'EKTEFELLE'),
    );
    expect(ny.barnehage.barn.map((b) => b.foedselsdato)).toEqual(['2021-03-01', '2019-08-15']);
    expect(ny.barnehage.barn[0]?.noekkel).toBe(data.barnehage.barn[0]?.noekkel);
    expect(ikkeBrukt).toEqual([]);
  });

  it('praktisk bistand: children become persons only when the help is for a child’s needs; else said', () => {
    const data = tomtSkjema('PRAKTISK_BISTAND');
    const b = barn('12345678901', '2015-01-01', 'PERSONER');
    const v = verdier('SOEKER', 'EKTEFELLE', 'BARN');
    expect(brukHusstandsforslag(data, [b], v).ikkeBrukt).toEqual([b]);
    const medBehov = { ...data, bistand: { ...data.bistand, hjelpGrunnetBarnsBehov: true } };
    expect(brukHusstandsforslag(medBehov, [b], v).data.barn.map((x) => x.identifikator)).toEqual([
      b.identifikator,
    ]);
  });

  it('a registered partner fills the partner fields with the type PARTNER', () => {
    const { data } = brukHusstandsforslag(
      tomtSkjema('LANGTIDSOPPHOLD_INSTITUSJON'),
      [
        {
          ...barn('27847099416', '1970-04-27', 'PERSONER'),
          persontype: 'PARTNER',
          relasjon: 'registrertPartner',
        },
      ],
      verdier('SOEKER', 'EKTEFELLE', 'PARTNER', 'SAMBOER'),
    );
    expect(data).toMatchObject({ harPartner: true, partnerType: 'PARTNER', partner: '27847099416' });
  });
});
