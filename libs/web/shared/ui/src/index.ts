export * from './lib/confirm-dialog.component';
export * from './lib/rich-text-editor.component';
export * from './lib/unsaved-changes.guard';
export * from './lib/labels';
