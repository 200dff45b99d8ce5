export * from './action-item.entity';
export * from './actions.service';
export * from './action-reminder.service';
export * from './actions.controller';
