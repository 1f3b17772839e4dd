export interface BenchView {
  id: 'overview' | 'desil' | 'targeting' | 'quota' | 'trends' | 'proposals';
  /** Path of the view's lazy module inside dashboard/, as the Vite manifest keys it. */
  module: string;
  path: string;
  /** CSS selector of the element that says the view's main content is on screen. */
  ready: string;
}
export declare const VIEWS: readonly BenchView[];
