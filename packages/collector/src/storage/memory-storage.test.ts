import { createMemoryStorage } from './memory-storage.js';
import { describeStorageContract } from './storage-contract.fixture.js';

describeStorageContract('memory', async () => {
  const storage = createMemoryStorage();
  // One process, one map: "another instance" is the same store.
  return { storage, openAgain: async () => storage };
});
