import { defineBackground } from 'wxt/utils/define-background';
import { startBackground } from '@/lib/background/start';

/** The service worker: everything it does is wired in lib/background/start.ts. */
export default defineBackground(() => startBackground());
