import type { Rule } from '../engine/rule';
import { commandShellcheck } from './command-shellcheck';
import { diagramPlantuml } from './diagram-plantuml';

/** The rules that ask a locally installed checker (ShellCheck, PlantUML), in report order. */
export const TOOL_RULES: readonly Rule[] = [commandShellcheck, diagramPlantuml];
