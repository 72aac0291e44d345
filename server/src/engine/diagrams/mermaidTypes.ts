/** The diagram types Mermaid knows, for a did-you-mean on an unknown one. */
export const MERMAID_DIAGRAM_TYPES = [
  'flowchart', 'graph', 'sequenceDiagram', 'classDiagram', 'classDiagram-v2', 'stateDiagram', 'stateDiagram-v2', 'erDiagram',
  'gantt', 'pie', 'journey', 'gitGraph', 'mindmap', 'timeline', 'quadrantChart', 'xychart-beta', 'sankey-beta', 'block-beta',
  'C4Context', 'C4Container', 'C4Component', 'C4Dynamic', 'C4Deployment', 'requirementDiagram', 'architecture-beta',
  'packet-beta', 'kanban', 'radar-beta', 'treemap-beta', 'zenuml', 'info',
];
