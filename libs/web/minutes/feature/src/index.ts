export * from './lib/page/minutes-page.component';
export * from './lib/register/decisions-register.component';
export * from './lib/actions/my-actions.component';
export * from './lib/links/session-minutes.component';
export * from './lib/board/action-board.component';
export * from './lib/public/public-minutes.component';
export * from './lib/visibility/minutes-visibility.component';
