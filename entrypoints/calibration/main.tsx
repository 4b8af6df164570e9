import { mountPage } from '@/components/mount-page';
import { App } from './App';

void mountPage(<App />);
