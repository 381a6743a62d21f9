export { buildApp } from './app';
export { loadConfig, type Config } from './config';
export { openDatabase, type Database } from './db/client';
export { migrate } from './db/migrate';
export { openAndMigrate, startServer } from './server';
