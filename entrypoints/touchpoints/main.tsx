import { render } from 'preact';
import { setLanguage } from '@/lib/i18n';
import { App } from './App';

setLanguage(navigator.language);
render(<App />, document.getElementById('app')!);
