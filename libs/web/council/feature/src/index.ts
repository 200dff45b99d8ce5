export * from './lib/council.routes';
export * from './lib/council-home/council-home.component';
export * from './lib/working-group-card/working-group-card.component';
export * from './lib/dashboard/dashboard.component';
export * from './lib/group-page/group-page.component';
export * from './lib/settings/council-settings.component';
export * from './lib/chart/chart-spec';
