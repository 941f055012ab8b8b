/**
 * Line by line through a Markdown body: whether a line is code, as a
 * ``` or ~~~ fence opens or closes a block, for scanners that read the
 * author's text without parsing it (links/find.ts, images/find.ts).
 */
export function fenceTracker(): (line: string) => boolean {
  let fence: string | undefined;
  /** Whether `line` is a fence line or inside a fenced block; feed it every line that may open or close one. */
  return (line) => {
    const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker === undefined) return fence !== undefined;
    if (fence === undefined) fence = marker;
    else if (marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
    return true;
  };
}
