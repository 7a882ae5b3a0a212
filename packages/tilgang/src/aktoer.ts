/** Who makes a lookup: a person (case worker) or an integration client (a case-management system). */
export const AKTOERTYPER = ['BRUKER', 'KLIENT'] as const;
export type Aktoertype = (typeof AKTOERTYPER)[number];

/**
 * An authenticated actor with the roles it holds, directly or through groups (resolved by the
 * storage). Access is decided on this alone: deny by default.
 */
export interface Aktoer {
  type: Aktoertype;
  id: string;
  /** A name for the audit log and messages (never a fødselsnummer). */
  visningsnavn: string;
  /** A deactivated user or client may do nothing. */
  aktiv: boolean;
  /** Ids of every role the actor holds (directly or through a group). */
  roller: readonly string[];
}
