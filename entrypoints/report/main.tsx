import { render } from 'preact';
import { App } from './App';

/** Wires the report page: the app into #app. */
function main(): void {
  render(<App />, document.getElementById('app')!);
}

main();
