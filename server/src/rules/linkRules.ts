import type { Rule } from '../engine/rule';

/** The rules link-broken, link-anchor, in report order. */
export const LINK_RULES: readonly Rule[] = [];
