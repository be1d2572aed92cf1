export async function runUiTests() { return { results: [], metrics: {} }; }
