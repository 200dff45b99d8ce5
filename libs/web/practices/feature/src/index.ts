export * from './lib/library/practice-library.component';
export * from './lib/page/practice-page.component';
export * from './lib/editor/practice-editor.component';
export * from './lib/queue/review-queue.component';
