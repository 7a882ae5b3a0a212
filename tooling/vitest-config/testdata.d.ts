export declare const TESTDATA: string;
export interface Gullfil {
  id: string;
  kilde: string;
  utregning: string;
  foresporsel: unknown;
  forventet: Record<string, number>;
  fil: string;
}
export declare function lesGullfiler(prefiks: string): Gullfil[];
export declare function lesTestdata(sti: string): unknown;
