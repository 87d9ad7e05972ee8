// The one database of the app. Features import `db` from here; tests make their own instances.
import { StockPilotDatabase } from './schema';

export const db = new StockPilotDatabase();

export * from './schema';
export * from './catalog';
export * from './ledger';
export * from './ledgerStore';
export * from './backup';
export * from './demo';
export * from './settings';
export * from './errors';
