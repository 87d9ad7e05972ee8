// Setup for the `db` vitest project: a complete in-memory IndexedDB (indexedDB, IDBKeyRange, …)
// on the global scope, so Dexie runs in Node exactly as it does in the renderer.
import 'fake-indexeddb/auto';
