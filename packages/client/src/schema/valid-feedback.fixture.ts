/** A valid wire object for the schema tests: each test changes one thing. */
export const validFeedback = {
  id: '3f0c1b5e-8a4b-4c6e-9d2a-1b2c3d4e5f60',
  schemaVersion: 1,
  createdAt: '2026-11-26T10:00:00.000Z',
  audience: 'internal',
  category: 'equipment',
  message: 'Printer on floor 3 is broken',
  anonymous: false,
};
