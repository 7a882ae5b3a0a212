/** A catalogue as transcribed: [tekniskNavn, kategori (SSG), visningstekst] per post. */
export interface RaaKatalog {
  inntektsaar: number;
  /** Where the list comes from (repository, path and commit of Skatteetaten's documentation). */
  kilde: string;
  poster: ReadonlyArray<readonly [string, string | null, string | null]>;
}
