/**
 * Connects modules that meet at run time without importing each other: a lower module declares what it needs
 * from one above it (auth/org-tree.ts), and this file hands it over. A composition root like app.ts: every program
 * that uses auth's scopes or account views imports it (server/app.ts, the CLI, tests that call auth directly).
 */
import { useOrgTree } from '../modules/auth/org-tree.ts';
import { latestUnitNames } from '../modules/org/names.ts';
import { unitsCovered } from '../modules/org/tree-walks.ts';
// What follows a decision's issue in its transaction (decisions' hooks), registered by the modules above it: every
// program that issues decisions — the server, and the seed run from the CLI — must have them all, or an issue
// written there would lack its certificates, its document, the fund check or the closing of its dossiers.
import '../modules/dossiers/decision-link.ts';
import '../modules/certificates/issue.ts';
import '../modules/documents/decision-hook.ts';
import '../modules/rewards/fund.ts';

useOrgTree({ cover: unitsCovered, latestNames: latestUnitNames });
