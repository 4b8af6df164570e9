import { render } from 'preact';
import { setLanguage } from '@/lib/i18n';
import { App } from './App';

/** Wires the report page: language, then the app into #app. */
function main(): void {
  setLanguage(navigator.language);
  render(<App />, document.getElementById('app')!);
}

main();
