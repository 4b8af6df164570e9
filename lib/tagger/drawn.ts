import { pristine } from './pristine';

const nextFrame = () => new Promise<void>((r) => pristine().requestAnimationFrame(() => r()));

/**
 * Resolves once what was drawn before the call is what the browser's screenshot of the tab
 * copies (the tagger's UI hidden, the masks over personal data): the change is committed in
 * the first frame, and the third cannot begin before that commit has been rasterised and
 * activated. With two, a loaded machine kept the tagger's highlight in the pick's screenshot
 * (seen at load 8–12).
 */
export async function drawn(): Promise<void> {
  for (let i = 0; i < 3; i++) await nextFrame();
}
