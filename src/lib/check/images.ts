/**
 * The images notes show from the garden (images/find.ts): one whose file is
 * not there is an error naming the path looked for, since the page would
 * show a broken image; one without alt text is a warning, since a screen
 * reader then has nothing to say for it.
 */
import type { ContentProblem } from '../errors';
import type { ModelFile } from '../garden-model';
import { findImages, isImageFile, resolveImage, type FoundImage } from '../images/find';

export function checkGardenImages(model: readonly ModelFile[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  let images: Set<string> | undefined;
  for (const modelled of model) {
    if (!modelled.note || !modelled.file.text.includes('![')) continue;
    images ??= new Set(model.filter((file) => file.kind === 'ignored' && isImageFile(file.file.path)).map((file) => file.file.path));
    const report = (image: FoundImage, severity: ContentProblem['severity'], message: string) =>
      problems.push({ severity, file: modelled.file.displayPath, line: modelled.bodyStart + image.line, field: 'image', message: `${written(image)}: ${message}` });
    for (const image of findImages(modelled.body)) {
      if (image.kind === 'markdown' && !isImageFile(image.src.split(/[?#]/)[0] ?? '')) continue;
      const resolved = resolveImage(image, modelled.file.path, images);
      if (!resolved.ok) {
        const expected = image.kind === 'embed' ? 'an image file of that name anywhere under the garden folder' : "a path relative to the note's folder, such as ./img/diagram.png";
        report(image, 'error', `${resolved.reason}: looked for ${resolved.lookedFor} (expected ${expected})`);
      } else if (image.alt === '') {
        const fix = image.kind === 'embed' ? `![[${image.src}|what it shows]]` : `![what it shows](${image.src})`;
        report(image, 'warning', `the image has no alt text, so a screen reader has nothing to say for it (expected a short description: ${fix})`);
      }
    }
  }
  return problems;
}

function written(image: FoundImage): string {
  return image.kind === 'embed' ? `![[${image.src}]]` : `![${image.alt}](${image.src})`;
}
