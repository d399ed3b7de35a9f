// The Electron entry (out/main/electron.js). Everything happens in start.ts; this file only binds
// the real site app composition to it.
import { createSiteApp } from '../app/create-site-app';
import { startElectronApp } from './start';

startElectronApp({ createSiteApp });
