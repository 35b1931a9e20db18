// `npm start`: build the web app if needed, then serve it and the API (PGlite in ./data unless DATABASE_URL).
import { buildWebIfStale } from './web-build.ts';

buildWebIfStale();
await import('../src/server/main.ts');
