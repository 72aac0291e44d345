/** `opsdocs/remark`: the bundle's entry (dist/remark.mjs). */
export { remarkOpsdocs, remarkOpsdocs as default, type Options } from './remarkOpsdocs';
