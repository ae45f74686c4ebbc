export * from './attribute-scopes';
export * from './bron';
export * from './bron-error';
export * from './describe-issues';
export * from './read-input';
export * from './responses';
export * from './route-matcher';
