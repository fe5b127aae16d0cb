import type { Migration } from '../migrate';
import { foundation } from './0010-foundation';

/** Every migration, in order. Append; never edit one that has shipped. */
export const migrations: readonly Migration[] = [foundation];
