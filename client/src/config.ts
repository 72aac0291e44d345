/** The files that configure OpsDocs, wherever they sit in the workspace. */
export const CONFIG_GLOB = '**/.opsdocs.{yaml,yml,json}';
