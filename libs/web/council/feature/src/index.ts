export * from './lib/council.routes';
export * from './lib/council-home/council-home.component';
export * from './lib/working-group-card/working-group-card.component';
