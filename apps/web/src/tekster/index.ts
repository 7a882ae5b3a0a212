import { nb } from './nb';

/**
 * The texts in use. Bokmål today; a nynorsk module with the same shape (`Tekster`) can be chosen here
 * (by the user's setting or the document language) without changing a component.
 */
export const tekster = nb;
export type { Tekster } from './nb';
