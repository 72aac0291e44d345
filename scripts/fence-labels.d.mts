/** Every fence label GitHub Linguist knows, lower case, sorted. */
export function fenceLabels(): string[];
