export * from './lib/confirm-dialog.component';
