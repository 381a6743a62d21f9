export { buildApp } from './app';
export { type Config, loadConfig } from './config';
export { type Database, openDatabase } from './db/client';
export { migrate } from './db/migrate';
export { openAndMigrate, startServer } from './server';
