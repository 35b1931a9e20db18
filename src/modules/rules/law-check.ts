/**
 * The law checked whole, at start-up (server, `vinhdanh check`) and in a test (decision 0005): the catalogue and
 * rule sets are loaded (their shape, awards, settings and `{names}` checked by the catalogue module), then every
 * criterion of every rule set is compiled, whatever subjects or setting switches it is limited to: its check must
 * name a predicate, its params must pass that predicate's schema (a `$key` with the setting's default value) and
 * the awards they name must exist. The first mistake throws a LawError naming the file and line it is written on.
 */
import { type Catalogue, type CriterionDef, LawError, type RuleSet, catalogue } from '../catalogue/catalogue.ts';
import { compileLeaf, mergedSettings } from './compile.ts';

export interface LawSummary {
  ruleSets: number;
  /** Leaf criteria compiled (a criterion shared by several rule sets counts once per set). */
  criteria: number;
}

/**
 * Compiles every criterion of every rule set of a catalogue (the build's own by default, loading it).
 * @throws LawError at the file and line of the first mistake, e.g.
 *   "src/modules/catalogue/data/rule-sets.yaml:42: law-06-2022/decree-98-2023: criterion rated_good (rating_at_least): parameter ratng: …"
 */
export function checkLaw(cat: Catalogue = catalogue()): LawSummary {
  const settings = mergedSettings(undefined);
  let criteria = 0;
  const walk = (rs: RuleSet, defs: CriterionDef[]) => {
    for (const c of defs) {
      const group = c.any_of ?? c.all_of;
      if (group) {
        walk(rs, group);
        continue;
      }
      const { def, params } = compileLeaf(c, rs, settings, cat.where);
      for (const code of def.codes?.(params) ?? []) {
        if (!cat.byCode.has(code)) throw new LawError(cat.where(c), `${rs.id}: criterion ${c.id} (${c.check}) names unknown award ${code}`);
      }
      criteria++;
    }
  };
  for (const rs of cat.ruleSets) {
    walk(rs, rs.common);
    for (const rules of Object.values(rs.awards)) walk(rs, rules.criteria);
  }
  return { ruleSets: cat.ruleSets.length, criteria };
}
