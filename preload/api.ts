// The type of window.sonar, for the renderer (a type-only import is all it may take from here).
export type { SonarBridge } from '../contract/channels/index';
