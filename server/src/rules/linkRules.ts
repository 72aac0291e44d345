import type { Rule } from '../engine/rule';
import { linkAnchor } from './link-anchor';
import { linkBroken } from './link-broken';

/** The rules link-broken, link-anchor, in report order. */
export const LINK_RULES: readonly Rule[] = [linkBroken, linkAnchor];
