/**
 * Connects modules that meet at run time without importing each other: a lower module declares what it needs
 * from one above it (auth/org-tree.ts), and this file hands it over. A composition root like app.ts: every program
 * that uses auth's scopes or account views imports it (server/app.ts, the CLI, tests that call auth directly).
 */
import { useOrgTree } from '../modules/auth/org-tree.ts';
import { latestUnitNames } from '../modules/org/names.ts';
import { unitsCovered } from '../modules/org/tree-walks.ts';

useOrgTree({ cover: unitsCovered, latestNames: latestUnitNames });
